// Notifications: the one place every capability tells members that something concerns them.
import { sql, type ExpressionBuilder } from "kysely";
import type { Database } from "~db/schema";
import type { ReadableScope } from "~/policies";
import type { Tx } from "~/utils/db.server";
import { topicIdPath } from "~/utils/paths";

export interface NewNotification {
  kind: string;
  actorId: number | null;
  title: string;
  excerpt?: string;
  url: string;
  /** The private working group the subject belongs to, if any: outsiders never see the notification. */
  privateGroupId?: number | null;
  /** True when the subject is in a members-only space. */
  membersOnly?: boolean;
}

/**
 * Notifies each of `userIds` (the actor is never notified of their own action; duplicates are
 * removed). Call it inside the transaction of the change it announces.
 */
export async function notify(db: Tx, userIds: Iterable<number>, notification: NewNotification) {
  const recipients = [...new Set(userIds)].filter((id) => id !== notification.actorId);
  if (!recipients.length) return 0;
  const now = new Date().toISOString();
  const excerpt = (notification.excerpt ?? "").replace(/\s+/g, " ").trim().slice(0, 280);
  for (let i = 0; i < recipients.length; i += 200) {
    await db
      .insertInto("notification")
      .values(
        recipients.slice(i, i + 200).map((userId) => ({
          user_id: userId,
          kind: notification.kind,
          actor_id: notification.actorId,
          title: notification.title.slice(0, 300),
          excerpt,
          url: notification.url,
          private_group_id: notification.privateGroupId ?? null,
          members_only: notification.membersOnly ? 1 : 0,
          created_at: now,
        })),
      )
      .execute();
  }
  return recipients.length;
}

function visibleTo(userId: number, scope: ReadableScope) {
  return sql<boolean>`notification.user_id = ${userId}
    and (notification.private_group_id is null or notification.private_group_id in (${sql.join(scope.groupIds.length ? scope.groupIds : [-1])}))
    and (notification.members_only = 0 or ${scope.approved ? 1 : 0} = 1)`;
}

export const NOTIFICATIONS_PAGE_SIZE = 30;

/** The member's notifications, unread first then newest, that they may still read. */
export async function listNotifications(db: Tx, userId: number, scope: ReadableScope, options: { page?: number } = {}) {
  const page = Math.max(1, Math.min(options.page ?? 1, 1000));
  const rows = await db
    .selectFrom("notification")
    .leftJoin("user as actor", "actor.id", "notification.actor_id")
    .select([
      "notification.id",
      "notification.kind",
      "notification.title",
      "notification.excerpt",
      "notification.url",
      "notification.created_at",
      "notification.read_at",
      "actor.display_name as actor_name",
      "actor.username as actor_username",
    ])
    .where(visibleTo(userId, scope))
    .orderBy(sql`notification.read_at is not null`)
    .orderBy("notification.id", "desc")
    .limit(NOTIFICATIONS_PAGE_SIZE + 1)
    .offset((page - 1) * NOTIFICATIONS_PAGE_SIZE)
    .execute();
  return { notifications: rows.slice(0, NOTIFICATIONS_PAGE_SIZE), hasMore: rows.length > NOTIFICATIONS_PAGE_SIZE, page };
}

export async function countUnread(db: Tx, userId: number, scope: ReadableScope): Promise<number> {
  const row = await db
    .selectFrom("notification")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(visibleTo(userId, scope))
    .where("notification.read_at", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function markRead(db: Tx, userId: number, ids: number[]) {
  if (!ids.length) return;
  await db
    .updateTable("notification")
    .set({ read_at: new Date().toISOString() })
    .where("user_id", "=", userId)
    .where("id", "in", ids)
    .where("read_at", "is", null)
    .execute();
}

export async function markAllRead(db: Tx, userId: number) {
  await db
    .updateTable("notification")
    .set({ read_at: new Date().toISOString() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .execute();
}

/** Notifications about a forum topic: their addresses are /t/<id>, optionally followed by a slug, a page or an anchor. */
export function aboutTopic(topicId: number) {
  const address = topicIdPath(topicId);
  return (eb: ExpressionBuilder<Database, "notification">) =>
    eb.or([
      eb("notification.url", "=", address),
      eb("notification.url", "like", `${address}/%`),
      eb("notification.url", "like", `${address}?%`),
      eb("notification.url", "like", `${address}#%`),
    ]);
}

/** Notifications about a topic follow its visibility when it moves or its category changes. */
export async function setTopicNotificationScope(
  db: Tx,
  topicId: number,
  scope: { privateGroupId: number | null; membersOnly: boolean },
) {
  await db
    .updateTable("notification")
    .set({ private_group_id: scope.privateGroupId, members_only: scope.membersOnly ? 1 : 0 })
    .where(aboutTopic(topicId))
    .execute();
}
