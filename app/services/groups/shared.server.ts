// What the working-group services share: the group they act on, the meeting or proposal they act
// on once the viewer may, how they record what they did in the audit log, and how they tell
// people (a private group's news reaches its members only).
import type { WorkingGroup } from "~db/schema";
import { recordAudit } from "~/models/audit.server";
import { groupResource } from "~/models/group.server";
import { notify, type NewNotification } from "~/models/notification.server";
import { can, type Viewer } from "~/policies";
import type { GroupRules } from "~/policies/groups";
import type { Tx } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";

export type GroupRef = Pick<WorkingGroup, "id" | "slug" | "name" | "visibility">;

/** The group a notification must stay within: a private group's id, else null. */
export const privateGroupId = (group: Pick<GroupRef, "id" | "visibility">) => (group.visibility === "private" ? group.id : null);

/**
 * What a service acts on in the group (a meeting, a proposal), read inside its transaction once
 * the viewer may take `action` there; `missing` when the group has no such thing.
 */
export async function subjectOfAction<T, M extends string>(
  viewer: Viewer,
  action: Exclude<keyof GroupRules, "group:create">,
  group: Pick<GroupRef, "id" | "visibility">,
  find: () => Promise<T | undefined>,
  missing: M,
): Promise<Result<T, "forbidden" | M>> {
  if (!can(viewer, action, groupResource(group))) return fail("forbidden");
  const subject = await find();
  return subject ? ok(subject) : fail(missing);
}

/** Records an action on the group itself (subject "group") in the audit log. */
export async function auditGroup(
  trx: Tx,
  actorId: number,
  group: Pick<GroupRef, "id">,
  action: string,
  data: Record<string, unknown>,
) {
  await recordAudit(trx, { actorId, action, subjectType: "group", subjectId: group.id, data });
}

/** Tells `recipients` of something in the group; outsiders of a private group never see it. */
export async function notifyAboutGroup(
  trx: Tx,
  recipients: Iterable<number>,
  group: Pick<GroupRef, "id" | "visibility">,
  notification: Omit<NewNotification, "privateGroupId" | "membersOnly">,
) {
  await notify(trx, recipients, { ...notification, privateGroupId: privateGroupId(group) });
}
