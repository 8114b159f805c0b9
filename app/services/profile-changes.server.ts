// Member type and organisation are vetted at admission, so a member cannot change them directly:
// they ask, an administrator approves or rejects with a reason, the member is notified. Every step
// writes an audit row with the values before and after.
import type { MemberType } from "~/domain/vocabulary";
import { recordAudit } from "~/models/audit.server";
import { notify } from "~/models/notification.server";
import { findPendingProfileChange, findProfileChange } from "~/models/profile-change.server";
import { findUserById } from "~/models/user.server";
import { writeTransaction, type DB } from "~/utils/db.server";
import { indexMember } from "./search-indexers.server";
import { settingsPath } from "~/utils/paths";

export interface ProfileChangeInput {
  memberType: MemberType;
  organization: string;
  note: string;
}

export type RequestOutcome = { ok: true; id: number } | { ok: false; reason: "pending" | "unchanged" };
export type DecideOutcome = { ok: true } | { ok: false; reason: "gone" };

const SETTINGS_ANCHOR = settingsPath(undefined, "profile-change");

export async function requestProfileChange(db: DB, userId: number, input: ProfileChangeInput): Promise<RequestOutcome> {
  return writeTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new Error("no such user");
    if (await findPendingProfileChange(trx, userId)) return { ok: false, reason: "pending" };
    const organization = input.organization.trim();
    if (user.member_type === input.memberType && user.organization === organization) return { ok: false, reason: "unchanged" };
    const before = { memberType: user.member_type, organization: user.organization };
    const after = { memberType: input.memberType, organization };
    const { id } = await trx
      .insertInto("profile_change_request")
      .values({
        user_id: userId,
        member_type_before: before.memberType,
        organization_before: before.organization,
        member_type: after.memberType,
        organization: after.organization,
        note: input.note.trim(),
        created_at: new Date().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: userId,
      action: "profile.change_request",
      subjectType: "user",
      subjectId: userId,
      data: { request: id, before, after },
    });
    return { ok: true, id };
  });
}

/** The member takes back their own pending request. */
export async function withdrawProfileChange(db: DB, userId: number, requestId: number): Promise<DecideOutcome> {
  return writeTransaction(db, async (trx) => {
    const request = await findProfileChange(trx, requestId);
    if (!request || request.user_id !== userId || request.status !== "pending") return { ok: false, reason: "gone" };
    await trx
      .updateTable("profile_change_request")
      .set({ status: "withdrawn", decided_at: new Date().toISOString(), decided_by: userId })
      .where("id", "=", requestId)
      .execute();
    await recordAudit(trx, {
      actorId: userId,
      action: "profile.change_withdraw",
      subjectType: "user",
      subjectId: userId,
      data: { request: requestId, before: { status: "pending" }, after: { status: "withdrawn" } },
    });
    return { ok: true };
  });
}

/** Applies a pending request. The caller has authorized the administrator. */
export async function approveProfileChange(db: DB, adminId: number, requestId: number): Promise<DecideOutcome> {
  return writeTransaction(db, async (trx) => {
    const request = await findProfileChange(trx, requestId);
    if (!request || request.status !== "pending") return { ok: false, reason: "gone" };
    const user = await findUserById(trx, request.user_id);
    if (!user) return { ok: false, reason: "gone" };
    const now = new Date().toISOString();
    await trx
      .updateTable("user")
      .set({ member_type: request.member_type, organization: request.organization, updated_at: now })
      .where("id", "=", user.id)
      .execute();
    await trx
      .updateTable("profile_change_request")
      .set({ status: "approved", decided_at: now, decided_by: adminId })
      .where("id", "=", requestId)
      .execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: "profile.change_approve",
      subjectType: "user",
      subjectId: user.id,
      data: {
        request: requestId,
        // The values the member had when the request was decided, not only when it was made.
        before: { memberType: user.member_type, organization: user.organization },
        after: { memberType: request.member_type, organization: request.organization },
      },
    });
    await notify(trx, [user.id], {
      kind: "profile_change_approved",
      actorId: adminId,
      title: request.organization,
      url: SETTINGS_ANCHOR,
    });
    await indexMember(trx, user.id);
    return { ok: true };
  });
}

/** Refuses a pending request with a reason the member sees. */
export async function rejectProfileChange(db: DB, adminId: number, requestId: number, reason: string): Promise<DecideOutcome> {
  return writeTransaction(db, async (trx) => {
    const request = await findProfileChange(trx, requestId);
    if (!request || request.status !== "pending") return { ok: false, reason: "gone" };
    await trx
      .updateTable("profile_change_request")
      .set({ status: "rejected", reason, decided_at: new Date().toISOString(), decided_by: adminId })
      .where("id", "=", requestId)
      .execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: "profile.change_reject",
      subjectType: "user",
      subjectId: request.user_id,
      data: {
        request: requestId,
        before: { status: "pending" },
        after: { status: "rejected" },
        requested: { memberType: request.member_type, organization: request.organization },
        reason,
      },
    });
    await notify(trx, [request.user_id], {
      kind: "profile_change_declined",
      actorId: adminId,
      title: request.organization,
      excerpt: reason,
      url: SETTINGS_ANCHOR,
    });
    return { ok: true };
  });
}
