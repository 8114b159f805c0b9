// Who belongs to a working group: joining an open group, asking to join a closed one (and
// withdrawing the request), leaving, watching; and for chairs, answering requests, inviting,
// changing roles and removing members. Every membership and role change is audited in its
// transaction; a group always keeps a chair.
import type { GroupRole } from "~/domain/vocabulary";
import {
  countChairs,
  findGroupById,
  findMembership,
  groupResource,
  listMemberIdsWithRole,
  type Membership,
} from "~/models/group.server";
import { findPendingRequest, findRequest } from "~/models/join-request.server";
import { normalizeUsername } from "~/models/user.server";
import { can, type Viewer } from "~/policies";
import { writeTransaction, type DB, type Tx } from "~/utils/db.server";
import { groupPath } from "~/utils/paths";
import { fail, ok, type Result } from "~/utils/result";
import type { MembershipReason } from "./failures";
import { isLastChair } from "./rules.server";
import { auditGroup, notifyAboutGroup, type GroupRef } from "./shared.server";

type Refusal<R extends MembershipReason = MembershipReason> = "forbidden" | R;

/** The group as it stands inside the transaction: whether it is open or closed may have changed since the page was read. */
async function currentGroup(trx: Tx, group: GroupRef): Promise<GroupRef> {
  return (await findGroupById(trx, group.id)) ?? group;
}

async function addMember(trx: Tx, groupId: number, userId: number, role: GroupRole, now: string) {
  await trx.insertInto("group_membership").values({ group_id: groupId, user_id: userId, role, joined_at: now }).execute();
}

/** The membership a role change, a removal or a departure acts on, unless there is none or it is the last chair's. */
async function unlessLastChair<R extends "member_not_found" | "not_a_member">(
  trx: Tx,
  groupId: number,
  membership: Membership | undefined,
  missing: R,
): Promise<Result<Membership, R | "last_chair">> {
  if (!membership) return fail(missing);
  if (isLastChair(membership.role, await countChairs(trx, groupId))) return fail("last_chair");
  return ok(membership);
}

/** An approved member joins an open group. */
export async function joinOpenGroup(
  db: DB,
  viewer: Viewer,
  ref: GroupRef,
): Promise<Result<undefined, Refusal<"not_open" | "already_member">>> {
  return writeTransaction(db, async (trx) => {
    const group = await currentGroup(trx, ref);
    if (!can(viewer, "group:join", groupResource(group))) return fail(group.visibility === "open" ? "forbidden" : "not_open");
    if (await findMembership(trx, group.id, viewer.id)) return fail("already_member");
    await addMember(trx, group.id, viewer.id, "member", new Date().toISOString());
    await auditGroup(trx, viewer.id, group, "group.join", { userId: viewer.id, role: "member" });
    return ok();
  });
}

/** Asks to join a closed group; its chairs are told. */
export async function requestToJoin(
  db: DB,
  viewer: Viewer,
  ref: GroupRef,
  motivation: string,
): Promise<Result<undefined, Refusal<"not_closed" | "already_member" | "request_pending">>> {
  return writeTransaction(db, async (trx) => {
    const group = await currentGroup(trx, ref);
    if (!can(viewer, "group:request-join", groupResource(group)))
      return fail(group.visibility === "closed" ? "forbidden" : "not_closed");
    if (await findMembership(trx, group.id, viewer.id)) return fail("already_member");
    if (await findPendingRequest(trx, group.id, viewer.id)) return fail("request_pending");
    const { id } = await trx
      .insertInto("join_request")
      .values({ group_id: group.id, user_id: viewer.id, motivation, created_at: new Date().toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await auditGroup(trx, viewer.id, group, "group.request", { requestId: id });
    await notifyAboutGroup(trx, await listMemberIdsWithRole(trx, group.id, ["chair"]), group, {
      kind: "group_join_request",
      actorId: viewer.id,
      title: group.name,
      excerpt: motivation,
      url: groupPath(group.slug, "members", undefined, "requests"),
    });
    return ok();
  });
}

/** The viewer withdraws their own pending request. */
export async function withdrawRequest(db: DB, viewer: Viewer, group: GroupRef): Promise<Result<undefined, "no_pending_request">> {
  return writeTransaction(db, async (trx) => {
    const request = await findPendingRequest(trx, group.id, viewer.id);
    if (!request) return fail("no_pending_request");
    await trx
      .updateTable("join_request")
      .set({ status: "withdrawn", decided_at: new Date().toISOString() })
      .where("id", "=", request.id)
      .execute();
    await auditGroup(trx, viewer.id, group, "group.request.withdraw", { requestId: request.id });
    return ok();
  });
}

/** A chair approves (the requester becomes a member) or declines a pending request; the requester is told either way. */
export async function decideRequest(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
  requestId: number,
  decision: "approve" | "decline",
  response: string,
): Promise<Result<{ userId: number }, Refusal<"request_not_found" | "request_decided" | "applicant_unavailable">>> {
  return writeTransaction(db, async (trx) => {
    if (!can(viewer, "group:manage-members", groupResource(group))) return fail("forbidden");
    const request = await findRequest(trx, group.id, requestId);
    if (!request) return fail("request_not_found");
    if (request.status !== "pending") return fail("request_decided");
    const now = new Date().toISOString();
    if (decision === "approve") {
      const user = await trx.selectFrom("user").select("status").where("id", "=", request.user_id).executeTakeFirst();
      if (user?.status !== "approved") return fail("applicant_unavailable");
      if (!(await findMembership(trx, group.id, request.user_id))) await addMember(trx, group.id, request.user_id, "member", now);
    }
    await trx
      .updateTable("join_request")
      .set({ status: decision === "approve" ? "approved" : "declined", response, decided_by: viewer.id, decided_at: now })
      .where("id", "=", request.id)
      .execute();
    await auditGroup(trx, viewer.id, group, decision === "approve" ? "group.request.approve" : "group.request.decline", {
      requestId: request.id,
      userId: request.user_id,
      ...(decision === "approve" ? { role: "member" } : {}),
      ...(response ? { response } : {}),
    });
    await notifyAboutGroup(trx, [request.user_id], group, {
      kind: decision === "approve" ? "group_join_approved" : "group_join_declined",
      actorId: viewer.id,
      title: group.name,
      excerpt: response,
      url: decision === "approve" ? groupPath(group.slug) : groupPath(group.slug, "join"),
    });
    return ok({ userId: request.user_id });
  });
}

/** A chair adds an approved member to the group with a role (an invitation needs no answer). */
export async function inviteMember(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
  username: string,
  role: GroupRole,
): Promise<Result<{ userId: number; name: string }, Refusal<"unknown_invitee" | "invitee_already_member">>> {
  return writeTransaction(db, async (trx) => {
    if (!can(viewer, "group:manage-members", groupResource(group))) return fail("forbidden");
    const user = await trx
      .selectFrom("user")
      .select(["id", "status", "display_name"])
      .where("username", "=", normalizeUsername(username))
      .executeTakeFirst();
    if (!user || user.status !== "approved") return fail("unknown_invitee");
    if (await findMembership(trx, group.id, user.id)) return fail("invitee_already_member");
    const now = new Date().toISOString();
    await addMember(trx, group.id, user.id, role, now);
    // An invitation answers any pending request of the same person.
    await trx
      .updateTable("join_request")
      .set({ status: "approved", decided_by: viewer.id, decided_at: now })
      .where("group_id", "=", group.id)
      .where("user_id", "=", user.id)
      .where("status", "=", "pending")
      .execute();
    await auditGroup(trx, viewer.id, group, "group.member.invite", { userId: user.id, role });
    await notifyAboutGroup(trx, [user.id], group, {
      kind: "group_invited",
      actorId: viewer.id,
      title: group.name,
      url: groupPath(group.slug),
    });
    return ok({ userId: user.id, name: user.display_name });
  });
}

/** A chair changes a member's role; the last chair cannot be demoted. */
export async function changeGroupRole(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
  userId: number,
  role: GroupRole,
): Promise<Result<undefined, Refusal<"member_not_found" | "last_chair">>> {
  return writeTransaction(db, async (trx) => {
    if (!can(viewer, "group:manage-members", groupResource(group))) return fail("forbidden");
    const membership = await findMembership(trx, group.id, userId);
    if (membership?.role === role) return ok();
    const changeable = await unlessLastChair(trx, group.id, membership, "member_not_found");
    if (!changeable.ok) return changeable;
    await trx
      .updateTable("group_membership")
      .set({ role })
      .where("group_id", "=", group.id)
      .where("user_id", "=", userId)
      .execute();
    await auditGroup(trx, viewer.id, group, "group.member.role", {
      userId,
      before: { role: changeable.value.role },
      after: { role },
    });
    await notifyAboutGroup(trx, [userId], group, {
      kind: "group_role_changed",
      actorId: viewer.id,
      title: group.name,
      url: groupPath(group.slug),
    });
    return ok();
  });
}

async function endMembership(trx: Tx, group: GroupRef, userId: number) {
  await trx.deleteFrom("group_membership").where("group_id", "=", group.id).where("user_id", "=", userId).execute();
  // What only a member holds goes with the membership: the private calendar link and the watch.
  await trx.deleteFrom("group_calendar_token").where("group_id", "=", group.id).where("user_id", "=", userId).execute();
  await trx.deleteFrom("group_watch").where("group_id", "=", group.id).where("user_id", "=", userId).execute();
}

/** A chair removes a member; the last chair cannot be removed. */
export async function removeMember(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
  userId: number,
): Promise<Result<undefined, Refusal<"member_not_found" | "last_chair">>> {
  return writeTransaction(db, async (trx) => {
    if (!can(viewer, "group:manage-members", groupResource(group))) return fail("forbidden");
    const membership = await unlessLastChair(trx, group.id, await findMembership(trx, group.id, userId), "member_not_found");
    if (!membership.ok) return membership;
    await endMembership(trx, group, userId);
    await auditGroup(trx, viewer.id, group, "group.member.remove", { userId, role: membership.value.role });
    return ok();
  });
}

/** A member leaves; the last chair must hand over first. */
export async function leaveGroup(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
): Promise<Result<undefined, Refusal<"not_a_member" | "last_chair">>> {
  return writeTransaction(db, async (trx) => {
    if (!can(viewer, "group:leave", groupResource(group))) return fail("forbidden");
    const membership = await unlessLastChair(trx, group.id, await findMembership(trx, group.id, viewer.id), "not_a_member");
    if (!membership.ok) return membership;
    await endMembership(trx, group, viewer.id);
    await auditGroup(trx, viewer.id, group, "group.leave", { userId: viewer.id, role: membership.value.role });
    return ok();
  });
}

/** Starts or stops telling the viewer of the group's new meetings, proposals and decisions. */
export async function setWatching(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
  watching: boolean,
): Promise<Result<undefined, "forbidden">> {
  return writeTransaction(db, async (trx) => {
    if (!can(viewer, "group:watch", groupResource(group))) return fail("forbidden");
    const now = new Date().toISOString();
    await trx
      .insertInto("group_watch")
      .values({ group_id: group.id, user_id: viewer.id, watching: watching ? 1 : 0, updated_at: now })
      .onConflict((oc) => oc.columns(["group_id", "user_id"]).doUpdateSet({ watching: watching ? 1 : 0, updated_at: now }))
      .execute();
    return ok();
  });
}
