// Posts of a topic (numbered from 1, never renumbered: deleted posts stay as placeholders), their
// edit history and reactions.
import type { ReactionKind } from "~/domain/vocabulary";
import type { PostResource, TopicResource } from "~/policies/forums";
import type { Tx } from "~/utils/db.server";
import { POSTS_PER_PAGE } from "./topic.server";

const AUTHOR_COLUMNS = [
  "author.username as author_username",
  "author.display_name as author_name",
  "author.organization as author_organization",
  "author.country as author_country",
  "author.member_type as author_member_type",
] as const;

/**
 * One page of a topic's posts, by post number (uses the unique (topic_id, number) index), with what
 * the topic page shows: the stored HTML but not the markdown source (findPost has it, for editing).
 */
export function postsPageQuery(db: Tx, topicId: number, page: number) {
  const first = (page - 1) * POSTS_PER_PAGE + 1;
  return db
    .selectFrom("post")
    .leftJoin("user as author", "author.id", "post.author_id")
    .select([
      "post.id",
      "post.number",
      "post.author_id",
      "post.body_html",
      "post.revision",
      "post.hidden",
      "post.deleted_at",
      "post.deleted_by",
      "post.created_at",
      "post.edited_at",
    ])
    .select(AUTHOR_COLUMNS)
    .where("post.topic_id", "=", topicId)
    .where("post.number", ">=", first)
    .where("post.number", "<", first + POSTS_PER_PAGE)
    .orderBy("post.number");
}

export async function listPostsPage(db: Tx, topicId: number, page: number) {
  return postsPageQuery(db, topicId, page).execute();
}

export type PageRow = Awaited<ReturnType<typeof listPostsPage>>[number];

export async function findPost(db: Tx, topicId: number, number: number) {
  return db
    .selectFrom("post")
    .leftJoin("user as author", "author.id", "post.author_id")
    .selectAll("post")
    .select(AUTHOR_COLUMNS)
    .where("post.topic_id", "=", topicId)
    .where("post.number", "=", number)
    .executeTakeFirst();
}

export async function findPostById(db: Tx, id: number) {
  return db.selectFrom("post").selectAll().where("id", "=", id).executeTakeFirst();
}

export function postResource(
  post: { number: number; author_id: number | null; hidden: number; deleted_at: string | null; deleted_by: number | null },
  topic: TopicResource,
): PostResource {
  return {
    kind: "post",
    number: post.number,
    authorId: post.author_id,
    hidden: post.hidden === 1,
    deleted: post.deleted_at !== null,
    deletedBy: post.deleted_at !== null ? post.deleted_by : null,
    deletedAt: post.deleted_at,
    topic,
  };
}

export interface ReactionSummary {
  kind: ReactionKind;
  count: number;
  names: string[];
  mine: boolean;
}

/** Reactions of the given posts: per post, per kind, who reacted (in order) and whether the viewer did. */
export async function reactionsOfPosts(db: Tx, postIds: number[], viewerId: number | null) {
  const map = new Map<number, ReactionSummary[]>();
  if (!postIds.length) return map;
  const rows = await db
    .selectFrom("reaction")
    .innerJoin("user", "user.id", "reaction.user_id")
    .select(["reaction.post_id", "reaction.kind", "reaction.user_id", "user.display_name"])
    .where("reaction.post_id", "in", postIds)
    .orderBy("reaction.created_at")
    .execute();
  for (const row of rows) {
    const list = map.get(row.post_id) ?? [];
    let entry = list.find((r) => r.kind === row.kind);
    if (!entry) {
      entry = { kind: row.kind, count: 0, names: [], mine: false };
      list.push(entry);
    }
    entry.count++;
    entry.names.push(row.display_name);
    if (row.user_id === viewerId) entry.mine = true;
    map.set(row.post_id, list);
  }
  return map;
}

/** A post's revisions, oldest first (revision 1 is the text as first posted). */
export async function listRevisions(db: Tx, postId: number) {
  return db
    .selectFrom("post_revision")
    .leftJoin("user as editor", "editor.id", "post_revision.editor_id")
    .select([
      "post_revision.revision",
      "post_revision.title",
      "post_revision.body_md",
      "post_revision.reason",
      "post_revision.created_at",
      "editor.username as editor_username",
      "editor.display_name as editor_name",
    ])
    .where("post_revision.post_id", "=", postId)
    .orderBy("post_revision.revision")
    .execute();
}

/** The next post number of a topic. Call inside the write transaction that inserts the post. */
export async function nextPostNumber(db: Tx, topicId: number) {
  const row = await db
    .selectFrom("post")
    .select((eb) => eb.fn.max("number").as("n"))
    .where("topic_id", "=", topicId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

/** Text of the posts a member may be quoting or replying to, plain for excerpts (notifications). */
export function excerptOf(markdown: string, length = 200): string {
  return markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/^>.*$/gm, " ")
    .replace(/[#*_`>[\]()!|-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, length);
}
