// Requests to change the vetted fields of a profile (member type, organisation).
import type { Tx } from "~/utils/db.server";

const COLUMNS = [
  "profile_change_request.id",
  "profile_change_request.user_id",
  "profile_change_request.member_type_before",
  "profile_change_request.organization_before",
  "profile_change_request.member_type",
  "profile_change_request.organization",
  "profile_change_request.note",
  "profile_change_request.status",
  "profile_change_request.reason",
  "profile_change_request.created_at",
  "profile_change_request.decided_at",
] as const;

export async function findProfileChange(db: Tx, id: number) {
  return db.selectFrom("profile_change_request").select(COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** The member's pending request, if any (at most one: a unique index sees to it). */
export async function findPendingProfileChange(db: Tx, userId: number) {
  return db
    .selectFrom("profile_change_request")
    .select(COLUMNS)
    .where("user_id", "=", userId)
    .where("status", "=", "pending")
    .executeTakeFirst();
}

/** The member's latest decided request (approved or rejected), to show its outcome and reason. */
export async function latestDecidedProfileChange(db: Tx, userId: number) {
  return db
    .selectFrom("profile_change_request")
    .select(COLUMNS)
    .where("user_id", "=", userId)
    .where("status", "in", ["approved", "rejected"])
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Pending requests for the administration, oldest first, with who asked. */
export async function listPendingProfileChanges(db: Tx, limit = 100) {
  return db
    .selectFrom("profile_change_request")
    .innerJoin("user", "user.id", "profile_change_request.user_id")
    .select([...COLUMNS, "user.display_name", "user.username", "user.email", "user.status as user_status", "user.site_role"])
    .where("profile_change_request.status", "=", "pending")
    .orderBy("profile_change_request.id", "asc")
    .limit(limit)
    .execute();
}
