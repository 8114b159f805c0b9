// The intents of the Meetings tab: a member of a private group creates (or replaces) and revokes
// their private calendar-feed address.
import { redirect } from "@remix-run/node";
import { findCalendarToken } from "~/models/group.server";
import { refused, type GroupAction } from "~/services/groups/context.server";
import { resetCalendarLink, revokeCalendarLink } from "~/services/groups/calendar.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { groupPath } from "~/utils/paths";

export async function resetLinkAction({ viewer, db, group, request, formData }: GroupAction) {
  // Creating the first link takes nothing away; replacing one stops the old link working.
  if (await findCalendarToken(db, group.id, viewer.id)) requireConfirmation(request, formData, "resetCalendarLink");
  const result = await resetCalendarLink(db, viewer, group);
  if (!result.ok) return refused(result);
  return redirect(groupPath(group.slug, "meetings", { done: "link" }, "calendar"));
}

export async function revokeLinkAction({ viewer, db, group, request, formData }: GroupAction) {
  requireConfirmation(request, formData, "revokeCalendarLink");
  const result = await revokeCalendarLink(db, viewer, group);
  if (!result.ok) return refused(result);
  return redirect(groupPath(group.slug, "meetings", { done: "revoked" }, "calendar"));
}
