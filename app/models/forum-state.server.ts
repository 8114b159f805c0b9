// What each member keeps in the forums: read positions, watched and muted topics and categories,
// drafts being written.
import type { WatchLevel } from "~/domain/vocabulary";
import type { Tx } from "~/utils/db.server";
import { aboutTopic } from "./notification.server";
import { bumpViewVersion } from "./user.server";

export async function findTopicRead(db: Tx, userId: number, topicId: number) {
  const row = await db
    .selectFrom("topic_read")
    .select("last_read_number")
    .where("user_id", "=", userId)
    .where("topic_id", "=", topicId)
    .executeTakeFirst();
  return row?.last_read_number ?? null;
}

/**
 * Moves a member's read position forward (never back). Returns "first" the first time they read the
 * topic. A move changes the member's pages (unread counts, "new" marks), so it moves their view version.
 */
export async function advanceTopicRead(db: Tx, userId: number, topicId: number, number: number, at = new Date().toISOString()) {
  const current = await findTopicRead(db, userId, topicId);
  if (current === null) {
    await db
      .insertInto("topic_read")
      .values({ user_id: userId, topic_id: topicId, last_read_number: number, updated_at: at })
      .execute();
    await bumpViewVersion(db, userId);
    return "first" as const;
  }
  if (number > current) {
    await db
      .updateTable("topic_read")
      .set({ last_read_number: number, updated_at: at })
      .where("user_id", "=", userId)
      .where("topic_id", "=", topicId)
      .execute();
    await bumpViewVersion(db, userId);
    return "advanced" as const;
  }
  return "unchanged" as const;
}

export type WatchSubject = "topic" | "category";

export async function findWatch(
  db: Tx,
  userId: number,
  subjectType: WatchSubject,
  subjectId: number,
): Promise<WatchLevel | null> {
  const row = await db
    .selectFrom("watch")
    .select("level")
    .where("user_id", "=", userId)
    .where("subject_type", "=", subjectType)
    .where("subject_id", "=", subjectId)
    .executeTakeFirst();
  return row?.level ?? null;
}

/** Sets (or, with null, clears) a member's watch level on a topic or a category. */
export async function setWatch(db: Tx, userId: number, subjectType: WatchSubject, subjectId: number, level: WatchLevel | null) {
  if (level === null) {
    await db
      .deleteFrom("watch")
      .where("user_id", "=", userId)
      .where("subject_type", "=", subjectType)
      .where("subject_id", "=", subjectId)
      .execute();
    return;
  }
  await db
    .insertInto("watch")
    .values({ user_id: userId, subject_type: subjectType, subject_id: subjectId, level, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(["user_id", "subject_type", "subject_id"]).doUpdateSet({ level }))
    .execute();
}

/** Watches a topic for a member unless they already chose a level for it (a mute is kept). */
export async function watchIfUnset(db: Tx, userId: number, topicId: number) {
  await db
    .insertInto("watch")
    .values({
      user_id: userId,
      subject_type: "topic",
      subject_id: topicId,
      level: "watching",
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function watchersOf(db: Tx, subjectType: WatchSubject, subjectId: number, level: WatchLevel) {
  const rows = await db
    .selectFrom("watch")
    .select("user_id")
    .where("subject_type", "=", subjectType)
    .where("subject_id", "=", subjectId)
    .where("level", "=", level)
    .execute();
  return rows.map((row) => row.user_id);
}

export const topicDraftKey = (categoryId: number) => `topic:${categoryId}`;
export const replyDraftKey = (topicId: number) => `reply:${topicId}`;

export async function findDraft(db: Tx, userId: number, key: string) {
  return db
    .selectFrom("draft")
    .select(["title", "body", "tags", "updated_at"])
    .where("user_id", "=", userId)
    .where("draft_key", "=", key)
    .executeTakeFirst();
}

export async function upsertDraft(db: Tx, userId: number, key: string, fields: { title?: string; body: string; tags?: string }) {
  const values = { title: fields.title ?? "", body: fields.body, tags: fields.tags ?? "", updated_at: new Date().toISOString() };
  await db
    .insertInto("draft")
    .values({ user_id: userId, draft_key: key, ...values })
    .onConflict((oc) => oc.columns(["user_id", "draft_key"]).doUpdateSet(values))
    .execute();
}

export async function deleteDraft(db: Tx, userId: number, key: string) {
  await db.deleteFrom("draft").where("user_id", "=", userId).where("draft_key", "=", key).execute();
}

/** Marks read the member's notifications that point into a topic (its URLs start with /t/<id>). */
export async function markTopicNotificationsRead(db: Tx, userId: number, topicId: number) {
  const result = await db
    .updateTable("notification")
    .set({ read_at: new Date().toISOString() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .where(aboutTopic(topicId))
    .executeTakeFirst();
  if (result.numUpdatedRows > 0n) await bumpViewVersion(db, userId);
}
