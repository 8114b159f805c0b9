// What the working-group services share: the group they act on, how they record what they did in
// the audit log, and how they tell people (a private group's news reaches its members only).
import type { WorkingGroup } from "~db/schema";
import { recordAudit } from "~/models/audit.server";
import { notify, type NewNotification } from "~/models/notification.server";
import type { Tx } from "~/utils/db.server";

export type GroupRef = Pick<WorkingGroup, "id" | "slug" | "name" | "visibility">;

/** The group a notification must stay within: a private group's id, else null. */
export const privateGroupId = (group: Pick<GroupRef, "id" | "visibility">) => (group.visibility === "private" ? group.id : null);

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
