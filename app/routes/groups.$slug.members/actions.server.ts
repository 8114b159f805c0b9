// The intents of the Members tab, all for the group's chairs: invite a member, change a member's
// role, remove a member, approve or decline a request to join.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import { findRequest } from "~/models/join-request.server";
import { findUserById } from "~/models/user.server";
import { inviteSchema, memberActionSchema } from "~/schemas/groups";
import { refused, refusedForm, type GroupAction } from "~/services/groups/context.server";
import type { GroupReason } from "~/services/groups/failures";
import { changeGroupRole, decideRequest, inviteMember, removeMember } from "~/services/groups/membership.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { groupPath } from "~/utils/paths";
import { fail, ok, type Fail } from "~/utils/result";

type RowAction = z.infer<typeof memberActionSchema>;
type RowIntent = RowAction["intent"];

/** A member's or a request's form (the page shows its error beside that row: `target`). */
function parseRow<I extends RowIntent>(formData: FormData, intent: I) {
  const parsed = memberActionSchema.safeParse(Object.fromEntries(formData));
  if (parsed.success) return ok(parsed.data as Extract<RowAction, { intent: I }>);
  const target = Number(formData.get("userId") ?? formData.get("requestId"));
  const error = parsed.error.issues[0]?.message ?? "validation.formInvalid";
  return fail("invalid", { reply: data({ intent, result: undefined, error, target }, { status: 400 }) });
}

/** The answer when the service refused a row's action: its message beside that row. */
function rowRefused(intent: RowIntent, failure: Fail<GroupReason>, target: number) {
  return refused(failure, { intent, result: undefined, target });
}

export async function inviteAction({ viewer, db, group, formData }: GroupAction) {
  const submission = parseWithZod(formData, { schema: inviteSchema });
  if (submission.status !== "success")
    return data({ intent: "invite", result: submission.reply(), error: null, target: null }, { status: 400 });
  const result = await inviteMember(db, viewer, group, submission.value.username, submission.value.role);
  if (!result.ok) return refusedForm(submission, result, { intent: "invite", error: null, target: null });
  return redirect(groupPath(group.slug, "members", { done: "invited", name: result.value.name }));
}

export async function roleAction({ viewer, db, group, formData }: GroupAction) {
  const row = parseRow(formData, "role");
  if (!row.ok) return row.reply;
  const result = await changeGroupRole(db, viewer, group, row.value.userId, row.value.role);
  if (!result.ok) return rowRefused("role", result, row.value.userId);
  return redirect(groupPath(group.slug, "members", { done: "role" }));
}

export async function removeAction({ viewer, db, group, request, formData }: GroupAction) {
  const row = parseRow(formData, "remove");
  if (!row.ok) return row.reply;
  const name = (await findUserById(db, row.value.userId))?.display_name ?? "";
  requireConfirmation(request, formData, "removeMember", { name });
  const result = await removeMember(db, viewer, group, row.value.userId);
  if (!result.ok) return rowRefused("remove", result, row.value.userId);
  return redirect(groupPath(group.slug, "members", { done: "removed" }));
}

async function decide({ viewer, db, group, request, formData }: GroupAction, decision: "approve" | "decline") {
  const row = parseRow(formData, decision);
  if (!row.ok) return row.reply;
  if (decision === "decline") {
    const pending = await findRequest(db, group.id, row.value.requestId);
    const applicant = pending ? await findUserById(db, pending.user_id) : undefined;
    requireConfirmation(request, formData, "declineJoinRequest", { name: applicant?.display_name ?? "" });
  }
  const result = await decideRequest(db, viewer, group, row.value.requestId, decision, row.value.response);
  if (!result.ok) return rowRefused(decision, result, row.value.requestId);
  const done = decision === "approve" ? "approved" : "declined";
  return redirect(groupPath(group.slug, "members", { done }, "requests"));
}

export const approveAction = (context: GroupAction) => decide(context, "approve");
export const declineAction = (context: GroupAction) => decide(context, "decline");
