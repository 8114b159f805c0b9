// Multi-step operations on working groups and their membership: creation, settings, joining,
// requests, invitations, roles, removal, leaving, watching and private calendar links.
// Every membership and role change is audited in its transaction; a group always keeps a chair.
import { randomBytes } from "node:crypto";
import type { WorkingGroup } from "~db/schema";
import type { GroupRole, GroupVisibility } from "~/domain/vocabulary";
import { recordAudit } from "~/models/audit.server";
import { countChairs, findMembership, listMemberIdsWithRole } from "~/models/group.server";
import { findPendingRequest, findRequest } from "~/models/join-request.server";
import { notify } from "~/models/notification.server";
import { indexGroup } from "~/services/search-indexers.server";
import { writeTransaction, type DB } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";

/** What a refused operation tells the route: the status to answer and a catalogue key. */
export type GroupResult<T = undefined> =
  { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; error: string; field?: string };

const ok = <T>(value: T): GroupResult<T> => ({ ok: true, value });
const refuse = (status: 400 | 404 | 409, error: string, field?: string): GroupResult<never> => ({
  ok: false,
  status,
  error,
  field,
});

type GroupRef = Pick<WorkingGroup, "id" | "slug" | "name" | "visibility">;

const privateGroupId = (group: GroupRef) => (group.visibility === "private" ? group.id : null);

/** Slugs that name pages under /groups rather than groups. */
export const RESERVED_GROUP_SLUGS = new Set(["new", "edit", "feed", "calendar"]);

export interface NewGroup {
  name: string;
  slug: string;
  purpose: string;
  visibility: GroupVisibility;
  charter: string;
  chairId: number;
}

/** Creates a group, its discussion category (private for a private group, else public) and its first chair. */
export async function createGroup(db: DB, actorId: number, input: NewGroup): Promise<GroupResult<{ id: number }>> {
  if (RESERVED_GROUP_SLUGS.has(input.slug)) return refuse(400, "groups.errors.slugReserved", "slug");
  return writeTransaction(db, async (trx) => {
    const taken = await trx
      .selectFrom("working_group")
      .select("id")
      .where("slug", "=", input.slug)
      .unionAll(trx.selectFrom("category").select("id").where("slug", "=", `group-${input.slug}`))
      .executeTakeFirst();
    if (taken) return refuse(400, "groups.errors.slugTaken", "slug");
    const chair = await trx.selectFrom("user").select(["id", "status"]).where("id", "=", input.chairId).executeTakeFirst();
    if (!chair || chair.status !== "approved") return refuse(400, "groups.errors.unknownMember", "chair");
    const last = await trx
      .selectFrom("working_group")
      .select((eb) => eb.fn.max("position").as("p"))
      .executeTakeFirst();
    const position = Number(last?.p ?? 0) + 1;
    const now = new Date().toISOString();
    const { id } = await trx
      .insertInto("working_group")
      .values({
        slug: input.slug,
        name: input.name,
        purpose: input.purpose,
        visibility: input.visibility,
        charter_md: input.charter,
        charter_html: renderMarkdown(input.charter).html,
        position,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("category")
      .values({
        slug: `group-${input.slug}`,
        name: input.name,
        description: input.purpose,
        visibility: input.visibility === "private" ? "private" : "public",
        group_id: id,
        position: 100 + position,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto("group_membership")
      .values({ group_id: id, user_id: input.chairId, role: "chair", joined_at: now })
      .execute();
    await recordAudit(trx, {
      actorId,
      action: "group.create",
      subjectType: "group",
      subjectId: id,
      data: { slug: input.slug, visibility: input.visibility, chairId: input.chairId },
    });
    await indexGroup(trx, id);
    await notify(trx, [input.chairId], {
      kind: "group_invited",
      actorId,
      title: input.name,
      url: `/groups/${input.slug}`,
      privateGroupId: input.visibility === "private" ? id : null,
    });
    return ok({ id });
  });
}

export interface GroupSettings {
  name: string;
  purpose: string;
  visibility: GroupVisibility;
  charter: string;
}

/**
 * Saves a group's name, purpose and charter. Open and closed groups may switch between the two;
 * a group never becomes private or stops being private (its record would be exposed or hidden
 * after the fact): create a new group instead.
 */
export async function updateGroup(db: DB, actorId: number, group: WorkingGroup, input: GroupSettings): Promise<GroupResult> {
  if ((group.visibility === "private") !== (input.visibility === "private"))
    return refuse(400, "groups.errors.visibilityLocked", "visibility");
  return writeTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    await trx
      .updateTable("working_group")
      .set({
        name: input.name,
        purpose: input.purpose,
        visibility: input.visibility,
        charter_md: input.charter,
        charter_html: renderMarkdown(input.charter).html,
        updated_at: now,
      })
      .where("id", "=", group.id)
      .execute();
    if (input.name !== group.name) {
      await trx
        .updateTable("category")
        .set({ name: input.name })
        .where("slug", "=", `group-${group.slug}`)
        .where("group_id", "=", group.id)
        .execute();
    }
    const changed = (["name", "purpose", "visibility"] as const).filter((key) => input[key] !== group[key]);
    await recordAudit(trx, {
      actorId,
      action: "group.update",
      subjectType: "group",
      subjectId: group.id,
      data: {
        before: Object.fromEntries(changed.map((key) => [key, group[key]])),
        after: Object.fromEntries(changed.map((key) => [key, input[key]])),
        charterChanged: input.charter !== group.charter_md,
      },
    });
    await indexGroup(trx, group.id);
    return ok(undefined);
  });
}

/** An approved member joins an open group. */
export async function joinOpenGroup(db: DB, userId: number, group: GroupRef): Promise<GroupResult> {
  if (group.visibility !== "open") return refuse(409, "groups.errors.notOpen");
  return writeTransaction(db, async (trx) => {
    if (await findMembership(trx, group.id, userId)) return refuse(409, "groups.errors.alreadyMember");
    await trx
      .insertInto("group_membership")
      .values({ group_id: group.id, user_id: userId, role: "member", joined_at: new Date().toISOString() })
      .execute();
    await recordAudit(trx, {
      actorId: userId,
      action: "group.join",
      subjectType: "group",
      subjectId: group.id,
      data: { userId, role: "member" },
    });
    return ok(undefined);
  });
}

/** Asks to join a closed group; its chairs are told. */
export async function requestToJoin(db: DB, user: { id: number }, group: GroupRef, motivation: string): Promise<GroupResult> {
  if (group.visibility !== "closed") return refuse(409, "groups.errors.notClosed");
  return writeTransaction(db, async (trx) => {
    if (await findMembership(trx, group.id, user.id)) return refuse(409, "groups.errors.alreadyMember");
    if (await findPendingRequest(trx, group.id, user.id)) return refuse(409, "groups.errors.requestPending");
    const { id } = await trx
      .insertInto("join_request")
      .values({ group_id: group.id, user_id: user.id, motivation, created_at: new Date().toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: user.id,
      action: "group.request",
      subjectType: "group",
      subjectId: group.id,
      data: { requestId: id },
    });
    await notify(trx, await listMemberIdsWithRole(trx, group.id, ["chair"]), {
      kind: "group_join_request",
      actorId: user.id,
      title: group.name,
      excerpt: motivation,
      url: `/groups/${group.slug}/members#requests`,
    });
    return ok(undefined);
  });
}

export async function withdrawRequest(db: DB, userId: number, group: GroupRef): Promise<GroupResult> {
  return writeTransaction(db, async (trx) => {
    const request = await findPendingRequest(trx, group.id, userId);
    if (!request) return refuse(409, "groups.errors.noPendingRequest");
    await trx
      .updateTable("join_request")
      .set({ status: "withdrawn", decided_at: new Date().toISOString() })
      .where("id", "=", request.id)
      .execute();
    await recordAudit(trx, {
      actorId: userId,
      action: "group.request.withdraw",
      subjectType: "group",
      subjectId: group.id,
      data: { requestId: request.id },
    });
    return ok(undefined);
  });
}

/** A chair approves (the requester becomes a member) or declines a pending request; the requester is told either way. */
export async function decideRequest(
  db: DB,
  actorId: number,
  group: GroupRef,
  requestId: number,
  decision: "approve" | "decline",
  response: string,
): Promise<GroupResult<{ userId: number }>> {
  return writeTransaction(db, async (trx) => {
    const request = await findRequest(trx, group.id, requestId);
    if (!request) return refuse(404, "groups.errors.noSuchRequest");
    if (request.status !== "pending") return refuse(409, "groups.errors.requestDecided");
    const now = new Date().toISOString();
    if (decision === "approve") {
      const user = await trx.selectFrom("user").select("status").where("id", "=", request.user_id).executeTakeFirst();
      if (user?.status !== "approved") return refuse(409, "groups.errors.unknownMember");
      if (!(await findMembership(trx, group.id, request.user_id))) {
        await trx
          .insertInto("group_membership")
          .values({ group_id: group.id, user_id: request.user_id, role: "member", joined_at: now })
          .execute();
      }
    }
    await trx
      .updateTable("join_request")
      .set({ status: decision === "approve" ? "approved" : "declined", response, decided_by: actorId, decided_at: now })
      .where("id", "=", request.id)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: decision === "approve" ? "group.request.approve" : "group.request.decline",
      subjectType: "group",
      subjectId: group.id,
      data: {
        requestId: request.id,
        userId: request.user_id,
        ...(decision === "approve" ? { role: "member" } : {}),
        ...(response ? { response } : {}),
      },
    });
    await notify(trx, [request.user_id], {
      kind: decision === "approve" ? "group_join_approved" : "group_join_declined",
      actorId,
      title: group.name,
      excerpt: response,
      url: decision === "approve" ? `/groups/${group.slug}` : `/groups/${group.slug}/join`,
      privateGroupId: privateGroupId(group),
    });
    return ok({ userId: request.user_id });
  });
}

/** A chair adds an approved member to the group with a role (an invitation needs no answer). */
export async function inviteMember(
  db: DB,
  actorId: number,
  group: GroupRef,
  username: string,
  role: GroupRole,
): Promise<GroupResult<{ userId: number; name: string }>> {
  return writeTransaction(db, async (trx) => {
    const user = await trx
      .selectFrom("user")
      .select(["id", "status", "display_name"])
      .where("username", "=", username.trim().toLowerCase())
      .executeTakeFirst();
    if (!user || user.status !== "approved") return refuse(400, "groups.errors.unknownMember", "username");
    if (await findMembership(trx, group.id, user.id)) return refuse(400, "groups.errors.alreadyMember", "username");
    const now = new Date().toISOString();
    await trx.insertInto("group_membership").values({ group_id: group.id, user_id: user.id, role, joined_at: now }).execute();
    // An invitation answers any pending request of the same person.
    await trx
      .updateTable("join_request")
      .set({ status: "approved", decided_by: actorId, decided_at: now })
      .where("group_id", "=", group.id)
      .where("user_id", "=", user.id)
      .where("status", "=", "pending")
      .execute();
    await recordAudit(trx, {
      actorId,
      action: "group.member.invite",
      subjectType: "group",
      subjectId: group.id,
      data: { userId: user.id, role },
    });
    await notify(trx, [user.id], {
      kind: "group_invited",
      actorId,
      title: group.name,
      url: `/groups/${group.slug}`,
      privateGroupId: privateGroupId(group),
    });
    return ok({ userId: user.id, name: user.display_name });
  });
}

/** A chair changes a member's role; the last chair cannot be demoted. */
export async function changeGroupRole(
  db: DB,
  actorId: number,
  group: GroupRef,
  userId: number,
  role: GroupRole,
): Promise<GroupResult> {
  return writeTransaction(db, async (trx) => {
    const membership = await findMembership(trx, group.id, userId);
    if (!membership) return refuse(404, "groups.errors.notAMember");
    if (membership.role === role) return ok(undefined);
    if (membership.role === "chair" && (await countChairs(trx, group.id)) <= 1) return refuse(409, "groups.errors.lastChair");
    await trx
      .updateTable("group_membership")
      .set({ role })
      .where("group_id", "=", group.id)
      .where("user_id", "=", userId)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: "group.member.role",
      subjectType: "group",
      subjectId: group.id,
      data: { userId, before: { role: membership.role }, after: { role } },
    });
    await notify(trx, [userId], {
      kind: "group_role_changed",
      actorId,
      title: group.name,
      url: `/groups/${group.slug}`,
      privateGroupId: privateGroupId(group),
    });
    return ok(undefined);
  });
}

async function endMembership(trx: DB, group: GroupRef, userId: number) {
  await trx.deleteFrom("group_membership").where("group_id", "=", group.id).where("user_id", "=", userId).execute();
  // What only a member holds goes with the membership: the private calendar link and the watch.
  await trx.deleteFrom("group_calendar_token").where("group_id", "=", group.id).where("user_id", "=", userId).execute();
  await trx.deleteFrom("group_watch").where("group_id", "=", group.id).where("user_id", "=", userId).execute();
}

/** A chair removes a member; the last chair cannot be removed. */
export async function removeMember(db: DB, actorId: number, group: GroupRef, userId: number): Promise<GroupResult> {
  return writeTransaction(db, async (trx) => {
    const membership = await findMembership(trx, group.id, userId);
    if (!membership) return refuse(404, "groups.errors.notAMember");
    if (membership.role === "chair" && (await countChairs(trx, group.id)) <= 1) return refuse(409, "groups.errors.lastChair");
    await endMembership(trx, group, userId);
    await recordAudit(trx, {
      actorId,
      action: "group.member.remove",
      subjectType: "group",
      subjectId: group.id,
      data: { userId, role: membership.role },
    });
    return ok(undefined);
  });
}

/** A member leaves; the last chair must hand over first. */
export async function leaveGroup(db: DB, userId: number, group: GroupRef): Promise<GroupResult> {
  return writeTransaction(db, async (trx) => {
    const membership = await findMembership(trx, group.id, userId);
    if (!membership) return refuse(409, "groups.errors.notAMember");
    if (membership.role === "chair" && (await countChairs(trx, group.id)) <= 1) return refuse(409, "groups.errors.lastChair");
    await endMembership(trx, group, userId);
    await recordAudit(trx, {
      actorId: userId,
      action: "group.leave",
      subjectType: "group",
      subjectId: group.id,
      data: { userId, role: membership.role },
    });
    return ok(undefined);
  });
}

export async function setWatching(db: DB, userId: number, groupId: number, watching: boolean) {
  await db
    .insertInto("group_watch")
    .values({ group_id: groupId, user_id: userId, watching: watching ? 1 : 0, updated_at: new Date().toISOString() })
    .onConflict((oc) =>
      oc.columns(["group_id", "user_id"]).doUpdateSet({ watching: watching ? 1 : 0, updated_at: new Date().toISOString() }),
    )
    .execute();
}

/** Gives the member a new private calendar-feed address; any earlier one stops working. */
export async function resetCalendarLink(db: DB, userId: number, groupId: number) {
  const token = randomBytes(24).toString("base64url");
  await db
    .insertInto("group_calendar_token")
    .values({ group_id: groupId, user_id: userId, token, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(["group_id", "user_id"]).doUpdateSet({ token, created_at: new Date().toISOString() }))
    .execute();
  return token;
}

export async function revokeCalendarLink(db: DB, userId: number, groupId: number) {
  await db.deleteFrom("group_calendar_token").where("group_id", "=", groupId).where("user_id", "=", userId).execute();
}
