// Requests to join closed working groups.
import type { Tx } from "~/utils/db.server";

export async function findPendingRequest(db: Tx, groupId: number, userId: number) {
  return db
    .selectFrom("join_request")
    .selectAll()
    .where("group_id", "=", groupId)
    .where("user_id", "=", userId)
    .where("status", "=", "pending")
    .executeTakeFirst();
}

/** The person's most recent request to this group, whatever became of it. */
export async function findLatestRequest(db: Tx, groupId: number, userId: number) {
  return db
    .selectFrom("join_request")
    .selectAll()
    .where("group_id", "=", groupId)
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function findRequest(db: Tx, groupId: number, requestId: number) {
  return db.selectFrom("join_request").selectAll().where("group_id", "=", groupId).where("id", "=", requestId).executeTakeFirst();
}

/** Pending requests, oldest first, with who is asking. */
export async function listPendingRequests(db: Tx, groupId: number) {
  return db
    .selectFrom("join_request")
    .innerJoin("user", "user.id", "join_request.user_id")
    .select([
      "join_request.id",
      "join_request.motivation",
      "join_request.created_at",
      "user.id as user_id",
      "user.username",
      "user.display_name",
      "user.organization",
      "user.country",
      "user.member_type",
    ])
    .where("join_request.group_id", "=", groupId)
    .where("join_request.status", "=", "pending")
    .where("user.status", "=", "approved")
    .orderBy("join_request.created_at")
    .execute();
}

export async function countPendingRequests(db: Tx, groupId: number) {
  const row = await db
    .selectFrom("join_request")
    .innerJoin("user", "user.id", "join_request.user_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("join_request.group_id", "=", groupId)
    .where("join_request.status", "=", "pending")
    .where("user.status", "=", "approved")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
