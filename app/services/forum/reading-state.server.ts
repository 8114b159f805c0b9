// What each member keeps in the forums, written for them: read positions (and the views they count),
// watched and muted topics and categories, and drafts being written (a quote added to the reply
// draft included). Each write re-checks can() inside its transaction.
import type { WatchLevel } from "~/domain/vocabulary";
import { quoteMarkdown } from "~/components/forum/quote";
import { categoryResource, findCategoryById } from "~/models/category.server";
import {
  advanceTopicRead,
  deleteDraft,
  findDraft,
  markTopicNotificationsRead,
  replyDraftKey,
  setWatch,
  topicDraftKey,
  upsertDraft,
} from "~/models/forum-state.server";
import { aboutTopic } from "~/models/notification.server";
import { postAddress } from "~/models/topic.server";
import { can, type Viewer } from "~/policies";
import { byteLength, MAX_POST_BYTES } from "~/schemas/forums";
import type { Tx } from "~/utils/db.server";
import { fail, ok } from "~/utils/result";
import { changePost, changeTopic, inTransaction } from "./shared.server";

/** Moves a member's read position; the first time they read a topic counts as one view. */
export async function markRead(trx: Tx, userId: number, topicId: number, number: number, at?: string) {
  const change = await advanceTopicRead(trx, userId, topicId, number, at);
  if (change === "first") {
    await trx
      .updateTable("topic")
      .set((eb) => ({ view_count: eb("view_count", "+", 1) }))
      .where("id", "=", topicId)
      .execute();
  }
}

/**
 * Records that a member has seen a topic up to post `number`: their read position moves forward,
 * the first visit counts as a view, and their notifications about the topic are marked read.
 * Written only when something changes, so re-reading a topic costs no write.
 */
export async function recordTopicSeen(db: Tx, viewer: Viewer, topicId: number, number: number) {
  const hasUnreadNotifications = await db
    .selectFrom("notification")
    .select("id")
    .where("user_id", "=", viewer.id)
    .where("read_at", "is", null)
    .where(aboutTopic(topicId))
    .limit(1)
    .executeTakeFirst();
  const read = await db
    .selectFrom("topic_read")
    .select("last_read_number")
    .where("user_id", "=", viewer.id)
    .where("topic_id", "=", topicId)
    .executeTakeFirst();
  if (!hasUnreadNotifications && read && read.last_read_number >= number) return ok();
  // Read positions and read marks may lose their last moves in a power cut: no fsync for them.
  return changeTopic(
    db,
    viewer,
    topicId,
    "topic:track-reading",
    async (trx) => {
      await markRead(trx, viewer.id, topicId, number);
      if (hasUnreadNotifications) await markTopicNotificationsRead(trx, viewer.id, topicId);
      return ok();
    },
    { durability: "relaxed" },
  );
}

/** Watch (told of every reply), mute (told of nothing), or back to normal (null). */
export function setTopicWatch(db: Tx, viewer: Viewer, topicId: number, level: WatchLevel | null) {
  return changeTopic(db, viewer, topicId, "topic:watch", async (trx) => {
    await setWatch(trx, viewer.id, "topic", topicId, level);
    return ok();
  });
}

/** Watch (told of every new topic), mute, or back to normal (null) for a category. */
export function setCategoryWatch(db: Tx, viewer: Viewer, categoryId: number, level: WatchLevel | null) {
  return inTransaction(db, async (trx) => {
    const category = await findCategoryById(trx, categoryId);
    if (!category) return fail("not_found");
    if (!can(viewer, "category:watch", categoryResource(category))) return fail("forbidden");
    await setWatch(trx, viewer.id, "category", categoryId, level);
    return ok();
  });
}

/** Browsers send CRLF line ends; the stored markdown uses LF. */
const toLf = (text: string) => text.replace(/\r\n?/g, "\n");

/** Saves what a member is writing in a category (an empty form clears the draft instead). */
export function saveTopicDraft(
  db: Tx,
  viewer: Viewer,
  categoryId: number,
  fields: { title: string; body: string; tags: string },
) {
  return inTransaction(db, async (trx) => {
    const category = await findCategoryById(trx, categoryId);
    if (!category) return fail("not_found");
    if (!can(viewer, "topic:create", categoryResource(category))) return fail("forbidden");
    if (byteLength(fields.body) > MAX_POST_BYTES) return fail("post_too_long");
    const key = topicDraftKey(categoryId);
    const draft = { ...fields, body: toLf(fields.body) };
    const empty = !draft.title.trim() && !draft.body.trim() && !draft.tags.trim();
    await (empty ? deleteDraft(trx, viewer.id, key) : upsertDraft(trx, viewer.id, key, draft));
    return ok();
  });
}

/** Saves the member's reply to a topic while they write it (an empty text clears the draft instead). */
export function saveReplyDraft(db: Tx, viewer: Viewer, topicId: number, body: string) {
  return changeTopic(db, viewer, topicId, "topic:reply", async (trx) => {
    if (byteLength(body) > MAX_POST_BYTES) return fail("post_too_long");
    const key = replyDraftKey(topicId);
    const text = toLf(body);
    await (text.trim() ? upsertDraft(trx, viewer.id, key, { body: text }) : deleteDraft(trx, viewer.id, key));
    return ok();
  });
}

/** Adds a quotation of a whole post to the end of the member's reply draft (without JavaScript). */
export function quoteIntoReplyDraft(db: Tx, viewer: Viewer, topicId: number, number: number) {
  return changePost(db, viewer, topicId, number, "post:see-content", async (trx, { topic, post, resource }) => {
    if (!can(viewer, "topic:reply", resource.topic)) return fail("forbidden");
    const key = replyDraftKey(topicId);
    const existing = await findDraft(trx, viewer.id, key);
    const quote = quoteMarkdown(post.author_name ?? "", postAddress(topic, post.number), post.body_md);
    const body = `${existing?.body ? `${existing.body.trimEnd()}\n\n` : ""}${quote}`;
    if (byteLength(body) > MAX_POST_BYTES) return fail("post_too_long");
    await upsertDraft(trx, viewer.id, key, { body });
    return ok();
  });
}

/** Throws away one of the member's own drafts. */
export async function discardDraft(db: Tx, viewer: Viewer, key: string) {
  await inTransaction(db, (trx) => deleteDraft(trx, viewer.id, key));
}
