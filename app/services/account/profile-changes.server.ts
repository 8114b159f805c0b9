// Member type and organisation are vetted at admission, so a member cannot change them directly:
// they ask, an administrator approves or rejects with a reason, the member is notified. Every step
// writes an audit row with the values before and after.
import type { MemberType } from "~/domain/vocabulary";
import { recordAudit } from "~/models/audit.server";
import { notify } from "~/models/notification.server";
import { findPendingProfileChange, findProfileChange } from "~/models/profile-change.server";
import { findUserById, userResource } from "~/models/user.server";
import { can, type Viewer } from "~/policies";
import { writeTransaction, type DB, type Tx } from "~/utils/db.server";
import { settingsPath } from "~/utils/paths";
import { fail, ok, type Result } from "~/utils/result";
import { indexMember } from "~/services/search/indexers.server";

export interface ProfileChangeInput {
  memberType: MemberType;
  organization: string;
  note: string;
}

const SETTINGS_ANCHOR = settingsPath(undefined, "profile-change");

export async function requestProfileChange(
  db: DB,
  viewer: Viewer,
  input: ProfileChangeInput,
): Promise<Result<{ id: number }, "forbidden" | "not_found" | "change_pending" | "unchanged">> {
  return writeTransaction(db, async (trx) => {
    if (!can(viewer, "profile:request-change")) return fail("forbidden");
    const user = await findUserById(trx, viewer.id);
    if (!user) return fail("not_found");
    if (await findPendingProfileChange(trx, user.id)) return fail("change_pending");
    const organization = input.organization.trim();
    if (user.member_type === input.memberType && user.organization === organization) return fail("unchanged");
    const before = { memberType: user.member_type, organization: user.organization };
    const after = { memberType: input.memberType, organization };
    const { id } = await trx
      .insertInto("profile_change_request")
      .values({
        user_id: user.id,
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
      actorId: user.id,
      action: "profile.change_request",
      subjectType: "user",
      subjectId: user.id,
      data: { request: id, before, after },
    });
    return ok({ id });
  });
}

type Decision = "withdrawn" | "approved" | "rejected";

/**
 * Closes a pending request (in the caller's transaction) and audits it against its member: every
 * decision, the member's own withdrawal included, has this shape.
 */
async function closeRequest(
  trx: Tx,
  requestId: number,
  decision: { status: Decision; by: number; reason?: string },
  audit: { action: string; subjectId: number; data: Record<string, unknown> },
) {
  await trx
    .updateTable("profile_change_request")
    .set({
      status: decision.status,
      ...(decision.reason === undefined ? {} : { reason: decision.reason }),
      decided_at: new Date().toISOString(),
      decided_by: decision.by,
    })
    .where("id", "=", requestId)
    .execute();
  await recordAudit(trx, {
    actorId: decision.by,
    action: audit.action,
    subjectType: "user",
    subjectId: audit.subjectId,
    data: { request: requestId, ...audit.data },
  });
}

/** The member takes back their own pending request. */
export async function withdrawProfileChange(
  db: DB,
  viewer: Viewer,
  requestId: number,
): Promise<Result<undefined, "change_decided">> {
  return writeTransaction(db, async (trx) => {
    const request = await findProfileChange(trx, requestId);
    if (!request || request.user_id !== viewer.id || request.status !== "pending") return fail("change_decided");
    await closeRequest(
      trx,
      requestId,
      { status: "withdrawn", by: viewer.id },
      {
        action: "profile.change_withdraw",
        subjectId: viewer.id,
        data: { before: { status: "pending" }, after: { status: "withdrawn" } },
      },
    );
    return ok();
  });
}

/** A pending request and its member, if the viewer may decide it (nobody decides their own). */
async function requestToDecide(trx: Tx, viewer: Viewer, requestId: number) {
  const request = await findProfileChange(trx, requestId);
  if (!request || request.status !== "pending") return fail("change_decided");
  const user = await findUserById(trx, request.user_id);
  if (!user) return fail("change_decided");
  if (!can(viewer, "profile-change:review", userResource(user))) return fail("forbidden");
  return ok({ request, user });
}

/** Applies a pending request. */
export async function approveProfileChange(
  db: DB,
  viewer: Viewer,
  requestId: number,
): Promise<Result<undefined, "change_decided" | "forbidden">> {
  return writeTransaction(db, async (trx) => {
    const found = await requestToDecide(trx, viewer, requestId);
    if (!found.ok) return found;
    const { request, user } = found.value;
    await trx
      .updateTable("user")
      .set({ member_type: request.member_type, organization: request.organization, updated_at: new Date().toISOString() })
      .where("id", "=", user.id)
      .execute();
    await closeRequest(
      trx,
      requestId,
      { status: "approved", by: viewer.id },
      {
        action: "profile.change_approve",
        subjectId: user.id,
        data: {
          // The values the member had when the request was decided, not only when it was made.
          before: { memberType: user.member_type, organization: user.organization },
          after: { memberType: request.member_type, organization: request.organization },
        },
      },
    );
    await notify(trx, [user.id], {
      kind: "profile_change_approved",
      actorId: viewer.id,
      title: request.organization,
      url: SETTINGS_ANCHOR,
    });
    await indexMember(trx, user.id);
    return ok();
  });
}

/** Refuses a pending request with a reason the member sees. */
export async function rejectProfileChange(
  db: DB,
  viewer: Viewer,
  requestId: number,
  reason: string,
): Promise<Result<undefined, "change_decided" | "forbidden">> {
  return writeTransaction(db, async (trx) => {
    const found = await requestToDecide(trx, viewer, requestId);
    if (!found.ok) return found;
    const { request } = found.value;
    await closeRequest(
      trx,
      requestId,
      { status: "rejected", by: viewer.id, reason },
      {
        action: "profile.change_reject",
        subjectId: request.user_id,
        data: {
          before: { status: "pending" },
          after: { status: "rejected" },
          requested: { memberType: request.member_type, organization: request.organization },
          reason,
        },
      },
    );
    await notify(trx, [request.user_id], {
      kind: "profile_change_declined",
      actorId: viewer.id,
      title: request.organization,
      excerpt: reason,
      url: SETTINGS_ANCHOR,
    });
    return ok();
  });
}
