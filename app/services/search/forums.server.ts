// Forums in the search index: the first post of a topic is indexed as the topic, every reply as a
// post. Both carry the category's visibility; hidden and deleted posts, and deleted topics, are not
// in the index.
import { sql } from "kysely";
import { pageOfPost } from "~/models/topic.server";
import type { Tx } from "~/utils/db.server";
import { postPath, topicPath } from "~/utils/paths";
import { bulkIndex, entryKey, indexEntry, removeEntries, removeEntry, type SearchEntry } from "~/utils/search/entries.server";
import { htmlToText } from "~/utils/search/text";
import { categoryAccess } from "./access";

const POST_ROWS = `select p.id as post_id, p.number, p.body_html, p.created_at, p.author_id,
    t.id as topic_id, t.slug, t.title, t.category_id, c.name as category_name, c.visibility, c.group_id
  from post p join topic t on t.id = p.topic_id join category c on c.id = t.category_id
  where p.hidden = 0 and p.deleted_at is null and t.deleted_at is null and c.archived_at is null`;

interface PostRow {
  post_id: number;
  number: number;
  body_html: string;
  created_at: string;
  author_id: number | null;
  topic_id: number;
  slug: string;
  title: string;
  category_id: number;
  category_name: string;
  visibility: string;
  group_id: number | null;
}

function postEntry(row: PostRow): SearchEntry {
  const topic = { id: row.topic_id, slug: row.slug };
  return {
    kind: row.number === 1 ? "topic" : "post",
    refId: row.number === 1 ? row.topic_id : row.post_id,
    url: row.number === 1 ? topicPath(topic) : postPath(topic, row.number, pageOfPost(row.number)),
    title: row.title,
    text: htmlToText(row.body_html),
    access: categoryAccess(row.visibility),
    groupId: row.group_id,
    categoryId: row.category_id,
    authorId: row.author_id,
    place: row.category_name,
    createdAt: row.created_at,
    parent: entryKey("topic", row.topic_id),
  };
}

/** Re-indexes one post (after it was written, edited, hidden, restored or deleted). */
export async function indexPost(db: Tx, postId: number) {
  const { rows } = await sql<PostRow>`${sql.raw(POST_ROWS)} and p.id = ${postId}`.execute(db);
  const post = await db.selectFrom("post").select(["topic_id", "number"]).where("id", "=", postId).executeTakeFirst();
  if (!rows[0]) {
    if (post?.number === 1) await removeEntry(db, "topic", post.topic_id);
    return removeEntry(db, "post", postId);
  }
  await indexEntry(db, postEntry(rows[0]));
}

/** Re-indexes every post of a topic (after it was renamed, moved, deleted or restored). */
export async function indexTopic(db: Tx, topicId: number) {
  const posts = await db.selectFrom("post").select(["id", "number"]).where("topic_id", "=", topicId).execute();
  await removeEntry(db, "topic", topicId);
  await removeEntries(
    db,
    "post",
    posts.filter((p) => p.number > 1).map((p) => p.id),
  );
  const { rows } = await sql<PostRow>`${sql.raw(POST_ROWS)} and t.id = ${topicId}`.execute(db);
  for (const row of rows) await indexEntry(db, postEntry(row));
}

/** Every visible post, in batches (they are the bulk of the index); answers how many. */
export async function bulkIndexPosts(db: Tx): Promise<number> {
  let posts = 0;
  let lastId = 0;
  for (;;) {
    const { rows } = await sql<PostRow>`${sql.raw(POST_ROWS)} and p.id > ${lastId} order by p.id limit 5000`.execute(db);
    if (!rows.length) break;
    await bulkIndex(db, rows.map(postEntry));
    posts += rows.length;
    lastId = rows[rows.length - 1].post_id;
  }
  return posts;
}
