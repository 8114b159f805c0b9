// The intents of a meeting's page: a member says whether they will attend; a chair cancels it.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import type { findMeeting } from "~/models/meeting.server";
import { authorize } from "~/policies";
import { attendanceSchema } from "~/schemas/groups";
import { refused, type GroupAction } from "~/services/groups/context.server";
import { cancelMeeting, respondToMeeting } from "~/services/groups/meetings.server";
import { cancellationRefusal } from "~/services/groups/rules.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { groupPath, meetingPath } from "~/utils/paths";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";

export type MeetingAction = GroupAction & { meeting: NonNullable<Awaited<ReturnType<typeof findMeeting>>> };

export async function respondAction({ viewer, db, group, resource, meeting, formData }: MeetingAction) {
  authorize(viewer, "meeting:respond", resource);
  const submission = parseWithZod(formData, { schema: attendanceSchema });
  if (submission.status !== "success") return data({ error: "validation.formInvalid" }, { status: 400 });
  const result = await respondToMeeting(db, viewer, group, meeting.id, submission.value.response);
  if (!result.ok) return refused(result);
  return redirect(meetingPath(group.slug, meeting.id, undefined, { done: "responded" }));
}

export async function cancelAction({ viewer, db, group, resource, meeting, request, formData }: MeetingAction) {
  authorize(viewer, "meeting:schedule", resource);
  requireSecondFactorIfNeeded(viewer, request);
  // Only an action that would happen needs confirming: a meeting already cancelled or over answers 409 as before.
  if (!cancellationRefusal(meeting)) requireConfirmation(request, formData, "cancelMeeting", { title: meeting.title });
  const result = await cancelMeeting(db, viewer, group, meeting.id);
  if (!result.ok) return refused(result);
  return redirect(groupPath(group.slug, "meetings", { done: "cancelled" }));
}
