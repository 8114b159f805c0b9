// Flags raised by members on posts, and the moderation queue built from them.
import type { FlagStatus } from "~/domain/vocabulary";
import type { ReadableScope } from "~/policies";
import type { Tx } from "~/utils/db.server";
import { categoryVisible } from "./visibility.server";

export async function hasOpenFlag(db: Tx, postId: number, userId: number) {
  const row = await db
    .selectFrom("flag")
    .select("id")
    .where("post_id", "=", postId)
    .where("user_id", "=", userId)
    .where("status", "=", "open")
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertFlag(db: Tx, postId: number, userId: number, reason: string) {
  const { id } = await db
    .insertInto("flag")
    .values({ post_id: postId, user_id: userId, reason, created_at: new Date().toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Closes a post's open flags with the moderator's decision. Returns how many were open. */
export async function resolveFlags(db: Tx, postId: number, status: Exclude<FlagStatus, "open">, moderatorId: number) {
  const result = await db
    .updateTable("flag")
    .set({ status, resolved_by: moderatorId, resolved_at: new Date().toISOString() })
    .where("post_id", "=", postId)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const QUEUE_LIMIT = 100;

const POST_COLUMNS = [
  "post.id as post_id",
  "post.number",
  "post.body_md",
  "post.body_html",
  "post.hidden",
  "post.hidden_at",
  "post.deleted_at",
  "post.created_at",
  "topic.id as topic_id",
  "topic.title as topic_title",
  "topic.slug as topic_slug",
  "category.name as category_name",
  "category.visibility as category_visibility",
  "category.group_id as category_group_id",
  "category.qa as category_qa",
  "category.archived_at as category_archived_at",
  "author.username as author_username",
  "author.display_name as author_name",
] as const;

/** Posts with open flags in the categories the moderator may read, most flagged first. */
export async function listFlaggedPosts(db: Tx, scope: ReadableScope) {
  const posts = await db
    .selectFrom("flag")
    .innerJoin("post", "post.id", "flag.post_id")
    .innerJoin("topic", "topic.id", "post.topic_id")
    .innerJoin("category", "category.id", "topic.category_id")
    .leftJoin("user as author", "author.id", "post.author_id")
    .select(POST_COLUMNS)
    .select((eb) => [eb.fn.countAll<number>().as("flag_count"), eb.fn.min("flag.created_at").as("first_flagged_at")])
    .where("flag.status", "=", "open")
    .where(categoryVisible(scope))
    .groupBy("post.id")
    .orderBy("flag_count", "desc")
    .orderBy("first_flagged_at")
    .limit(QUEUE_LIMIT)
    .execute();
  const reasons = posts.length
    ? await db
        .selectFrom("flag")
        .leftJoin("user", "user.id", "flag.user_id")
        .select(["flag.post_id", "flag.reason", "flag.created_at", "user.display_name", "user.username"])
        .where("flag.status", "=", "open")
        .where(
          "flag.post_id",
          "in",
          posts.map((p) => p.post_id),
        )
        .orderBy("flag.created_at")
        .execute()
    : [];
  return posts.map((post) => ({ ...post, flags: reasons.filter((r) => r.post_id === post.post_id) }));
}

/** Hidden posts (readable categories), most recently hidden first, for restoring. */
export async function listHiddenPosts(db: Tx, scope: ReadableScope) {
  return db
    .selectFrom("post")
    .innerJoin("topic", "topic.id", "post.topic_id")
    .innerJoin("category", "category.id", "topic.category_id")
    .leftJoin("user as author", "author.id", "post.author_id")
    .leftJoin("user as hider", "hider.id", "post.hidden_by")
    .select(POST_COLUMNS)
    .select(["hider.display_name as hidden_by_name"])
    .where("post.hidden", "=", 1)
    .where("post.deleted_at", "is", null)
    .where(categoryVisible(scope))
    .orderBy("post.hidden_at", "desc")
    .limit(QUEUE_LIMIT)
    .execute();
}
