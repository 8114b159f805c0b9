// Topics: lists (keyset-paginated, pinned first then last activity), one topic with its category,
// tags. Counters are maintained by the forum services (app/services/forum/).
import { sql } from "kysely";
import type { ReadableScope } from "~/policies";
import type { TopicResource } from "~/policies/forums";
import type { Tx } from "~/utils/db.server";
import { slugify } from "~/utils/markdown.server";
import { postPath, type TopicRef } from "~/utils/paths";
import { categoryResource } from "./category.server";
import { categoryVisible } from "./visibility.server";

export const TOPICS_PER_PAGE = 30;
export const POSTS_PER_PAGE = 20;
/** A topic never read by a member is "new" to them while its last activity is this recent. */
export const NEW_TOPIC_DAYS = 14;

/** The page of a topic that shows post `number`. */
export const pageOfPost = (number: number) => Math.max(1, Math.ceil(number / POSTS_PER_PAGE));

/** The address of a post: the topic page that shows it, and its #post-N anchor. */
export const postAddress = (topic: TopicRef, number: number) => postPath(topic, number, pageOfPost(number));

/** A URL slug for a title (accents folded); a title of symbols only gets "topic". */
export function topicSlug(title: string): string {
  return slugify(title) || "topic";
}

export interface TopicCursor {
  pinned: number;
  at: string;
  id: number;
}

export function encodeCursor(cursor: TopicCursor): string {
  return Buffer.from(JSON.stringify([cursor.pinned, cursor.at, cursor.id])).toString("base64url");
}

/** The cursor of a "next page" link, or undefined when malformed. */
export function decodeCursor(value: string): TopicCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
    const [pinned, at, id] = parsed;
    if ((pinned !== 0 && pinned !== 1) || typeof at !== "string" || at.length > 40 || !Number.isSafeInteger(id)) return undefined;
    return { pinned, at, id };
  } catch {
    return undefined;
  }
}

const LIST_COLUMNS = [
  "topic.id",
  "topic.category_id",
  "topic.title",
  "topic.slug",
  "topic.pinned",
  "topic.locked",
  "topic.post_count",
  "topic.last_post_number",
  "topic.view_count",
  "topic.accepted_post_number",
  "topic.last_post_at",
  "topic.created_at",
  "author.username as author_username",
  "author.display_name as author_name",
  "last_poster.username as last_poster_username",
  "last_poster.display_name as last_poster_name",
] as const;

export interface TopicListOptions {
  cursor?: TopicCursor;
  tag?: string;
  /** The signed-in member, for read positions (unread counts). */
  viewerId?: number | null;
  limit?: number;
}

/**
 * The topics of one category (or of several, for a working group's spaces), pinned first then by
 * last activity, one page after `cursor`. Uses topic_category_list for a single category.
 */
export function topicListQuery(db: Tx, categoryIds: number[], options: TopicListOptions = {}) {
  const limit = options.limit ?? TOPICS_PER_PAGE;
  let query = db
    .selectFrom("topic")
    .leftJoin("user as author", "author.id", "topic.author_id")
    .leftJoin("user as last_poster", "last_poster.id", "topic.last_poster_id")
    .leftJoin("topic_read", (join) =>
      join.onRef("topic_read.topic_id", "=", "topic.id").on("topic_read.user_id", "=", options.viewerId ?? -1),
    )
    .select(LIST_COLUMNS)
    .select("topic_read.last_read_number")
    .where(
      categoryIds.length === 1
        ? sql<boolean>`topic.category_id = ${categoryIds[0]}`
        : sql<boolean>`topic.category_id in (${sql.join(categoryIds.length ? categoryIds : [-1])})`,
    )
    .where("topic.deleted_at", "is", null);
  if (options.cursor) {
    const { pinned, at, id } = options.cursor;
    query = query.where(sql<boolean>`(topic.pinned, topic.last_post_at, topic.id) < (${pinned}, ${at}, ${id})`);
  }
  if (options.tag) {
    const tag = options.tag;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("topic_tag")
          .innerJoin("tag", "tag.id", "topic_tag.tag_id")
          .select(sql`1`.as("one"))
          .whereRef("topic_tag.topic_id", "=", "topic.id")
          .where("tag.name", "=", tag),
      ),
    );
  }
  return query
    .orderBy("topic.pinned", "desc")
    .orderBy("topic.last_post_at", "desc")
    .orderBy("topic.id", "desc")
    .limit(limit + 1);
}

export type TopicListRow = Awaited<ReturnType<ReturnType<typeof topicListQuery>["execute"]>>[number];

/** Unread posts of a listed topic for a member: a count when they have read it, "new" when never opened. */
export function unreadState(
  row: { last_read_number: number | null; last_post_number: number; last_post_at: string },
  viewerId: number | null | undefined,
) {
  if (!viewerId) return { unread: 0, isNew: false };
  if (row.last_read_number === null) {
    return { unread: 0, isNew: Date.parse(row.last_post_at) > Date.now() - NEW_TOPIC_DAYS * 86_400_000 };
  }
  return { unread: Math.max(0, row.last_post_number - row.last_read_number), isNew: false };
}

export async function listTopics(db: Tx, categoryIds: number[], options: TopicListOptions = {}) {
  const limit = options.limit ?? TOPICS_PER_PAGE;
  const rows = await topicListQuery(db, categoryIds, options).execute();
  const page = rows.slice(0, limit);
  const tags = await tagsOfTopics(
    db,
    page.map((row) => row.id),
  );
  const last = page[page.length - 1];
  return {
    topics: page.map((row) => ({
      ...row,
      replies: Math.max(0, row.post_count - 1),
      tags: tags.get(row.id) ?? [],
      ...unreadState(row, options.viewerId),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ pinned: last.pinned, at: last.last_post_at, id: last.id }) : null,
  };
}

export type ListedTopic = Awaited<ReturnType<typeof listTopics>>["topics"][number];

/** The latest discussions across every category the viewer may read (home page). */
export async function listLatestTopics(db: Tx, scope: ReadableScope, options: { viewerId?: number | null; limit?: number } = {}) {
  const limit = options.limit ?? 8;
  const rows = await db
    .selectFrom("topic")
    .innerJoin("category", "category.id", "topic.category_id")
    .leftJoin("user as author", "author.id", "topic.author_id")
    .leftJoin("user as last_poster", "last_poster.id", "topic.last_poster_id")
    .leftJoin("topic_read", (join) =>
      join.onRef("topic_read.topic_id", "=", "topic.id").on("topic_read.user_id", "=", options.viewerId ?? -1),
    )
    .select(LIST_COLUMNS)
    .select(["topic_read.last_read_number", "category.slug as category_slug", "category.name as category_name"])
    .where("topic.deleted_at", "is", null)
    .where("category.archived_at", "is", null)
    .where(categoryVisible(scope))
    .orderBy("topic.last_post_at", "desc")
    .orderBy("topic.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, replies: Math.max(0, row.post_count - 1), ...unreadState(row, options.viewerId) }));
}

export async function findTopic(db: Tx, id: number) {
  return db
    .selectFrom("topic")
    .innerJoin("category", "category.id", "topic.category_id")
    .leftJoin("working_group", "working_group.id", "category.group_id")
    .leftJoin("user as author", "author.id", "topic.author_id")
    .selectAll("topic")
    .select([
      "category.slug as category_slug",
      "category.name as category_name",
      "category.visibility as category_visibility",
      "category.group_id as category_group_id",
      "category.qa as category_qa",
      "category.archived_at as category_archived_at",
      "working_group.slug as group_slug",
      "working_group.name as group_name",
      "author.username as author_username",
      "author.display_name as author_name",
    ])
    .where("topic.id", "=", id)
    .executeTakeFirst();
}

export type FoundTopic = NonNullable<Awaited<ReturnType<typeof findTopic>>>;

/** What the policies need to know about a topic. */
export function topicResource(topic: FoundTopic): TopicResource {
  return {
    kind: "topic",
    authorId: topic.author_id,
    locked: topic.locked === 1,
    deleted: topic.deleted_at !== null,
    postCount: topic.post_count,
    category: categoryResource({
      visibility: topic.category_visibility,
      group_id: topic.category_group_id,
      archived_at: topic.category_archived_at,
      qa: topic.category_qa,
    }),
  };
}

/** How a notification about this topic must be filtered when it is read (see notify()). */
export function notificationScope(topic: { category_visibility: string; category_group_id: number | null }) {
  return {
    privateGroupId: topic.category_visibility === "private" ? topic.category_group_id : null,
    membersOnly: topic.category_visibility === "members",
  };
}

export async function tagsOfTopics(db: Tx, topicIds: number[]) {
  const map = new Map<number, string[]>();
  if (!topicIds.length) return map;
  const rows = await db
    .selectFrom("topic_tag")
    .innerJoin("tag", "tag.id", "topic_tag.tag_id")
    .select(["topic_tag.topic_id", "tag.name"])
    .where("topic_tag.topic_id", "in", topicIds)
    .orderBy("tag.name")
    .execute();
  for (const row of rows) {
    const list = map.get(row.topic_id) ?? [];
    list.push(row.name);
    map.set(row.topic_id, list);
  }
  return map;
}

/** Replaces a topic's tags (creating tags that do not exist yet). */
export async function setTopicTags(db: Tx, topicId: number, names: string[]) {
  await db.deleteFrom("topic_tag").where("topic_id", "=", topicId).execute();
  for (const name of names) {
    await db
      .insertInto("tag")
      .values({ name })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    const tag = await db.selectFrom("tag").select("id").where("name", "=", name).executeTakeFirstOrThrow();
    await db
      .insertInto("topic_tag")
      .values({ topic_id: topicId, tag_id: tag.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** The tags used in a category's topics, most used first. */
export async function tagsOfCategory(db: Tx, categoryId: number) {
  return db
    .selectFrom("topic_tag")
    .innerJoin("topic", "topic.id", "topic_tag.topic_id")
    .innerJoin("tag", "tag.id", "topic_tag.tag_id")
    .select(["tag.name", (eb) => eb.fn.countAll<number>().as("n")])
    .where("topic.category_id", "=", categoryId)
    .where("topic.deleted_at", "is", null)
    .groupBy("tag.name")
    .orderBy("n", "desc")
    .orderBy("tag.name")
    .limit(30)
    .execute();
}

/**
 * Counts a reply just added at the end of a topic, without recounting (a topic may hold thousands
 * of posts). Must run in the reply's transaction, after the post is inserted.
 */
export async function countReply(db: Tx, topicId: number, reply: { number: number; authorId: number; at: string }) {
  await db
    .updateTable("topic")
    .set((eb) => ({
      post_count: eb("post_count", "+", 1),
      last_post_number: reply.number,
      last_post_at: reply.at,
      last_poster_id: reply.authorId,
    }))
    .where("id", "=", topicId)
    .execute();
}

/** Recounts a topic's posts and last activity from its posts (deleted ones excluded). */
export async function refreshTopicStats(db: Tx, topicId: number) {
  const stats = await db
    .selectFrom("post")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("topic_id", "=", topicId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  const highest = await db
    .selectFrom("post")
    .select((eb) => eb.fn.max("number").as("n"))
    .where("topic_id", "=", topicId)
    .executeTakeFirst();
  const latest = await db
    .selectFrom("post")
    .select(["author_id", "created_at"])
    .where("topic_id", "=", topicId)
    .where("deleted_at", "is", null)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  const first = await db
    .selectFrom("post")
    .select(["author_id", "created_at"])
    .where("topic_id", "=", topicId)
    .where("number", "=", 1)
    .executeTakeFirst();
  await db
    .updateTable("topic")
    .set({
      post_count: Number(stats?.n ?? 0),
      last_post_number: Number(highest?.n ?? 1),
      last_post_at: latest?.created_at ?? first?.created_at ?? new Date().toISOString(),
      last_poster_id: latest?.author_id ?? first?.author_id ?? null,
    })
    .where("id", "=", topicId)
    .execute();
}

const FEED_SIZE = 20;

/** The latest topics of a category for its feed, newest first, with their first post (unless hidden or deleted). */
export async function listFeedTopics(db: Tx, categoryId: number) {
  const rows = await db
    .selectFrom("topic")
    .innerJoin("post", (join) => join.onRef("post.topic_id", "=", "topic.id").on("post.number", "=", 1))
    .leftJoin("user as author", "author.id", "topic.author_id")
    .select([
      "topic.id",
      "topic.title",
      "topic.slug",
      "topic.created_at",
      "post.edited_at",
      "post.body_html",
      "post.hidden",
      "post.deleted_at",
      "author.display_name as author_name",
    ])
    .where("topic.category_id", "=", categoryId)
    .where("topic.deleted_at", "is", null)
    .orderBy("topic.created_at", "desc")
    .orderBy("topic.id", "desc")
    .limit(FEED_SIZE)
    .execute();
  const tags = await tagsOfTopics(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    slug: row.slug,
    created_at: row.created_at,
    updated_at: row.edited_at ?? row.created_at,
    author_name: row.author_name,
    body_html: row.hidden || row.deleted_at ? "" : row.body_html,
    tags: tags.get(row.id) ?? [],
  }));
}
