// Calendars: a meeting as an iCalendar event (the same UID in the single-meeting file and in the
// feed, so calendar applications update rather than duplicate it), and the private feed
// addresses members of a private group hold, which they may reset or revoke.
import { randomBytes } from "node:crypto";
import type { WorkingGroup } from "~db/schema";
import type { Meeting } from "~db/tables/groups";
import { groupResource } from "~/models/group.server";
import { can, type Viewer } from "~/policies";
import { writeTransaction, type DB } from "~/utils/db.server";
import { publicOrigin } from "~/utils/env.server";
import type { CalendarEvent } from "~/utils/ical.server";
import { meetingPath } from "~/utils/paths";
import { fail, ok, type Result } from "~/utils/result";
import { currentZoneName } from "~/utils/time-zones";
import type { GroupRef } from "./shared.server";

/**
 * The domain part of event UIDs: the public address's host, never the Host a request named, so a
 * meeting keeps one UID whichever address a calendar fetched it from.
 */
function uidDomain(): string {
  const origin = publicOrigin();
  return origin ? new URL(origin).host : "cop-portal.localhost";
}

export function meetingEvent(meeting: Meeting, group: Pick<WorkingGroup, "slug" | "name">, origin: string): CalendarEvent {
  const url = `${origin}${meetingPath(group.slug, meeting.id)}`;
  const description = [meeting.agenda_md.trim(), meeting.video_url ? meeting.video_url : "", url].filter(Boolean).join("\n\n");
  return {
    uid: `meeting-${meeting.id}@${uidDomain()}`,
    sequence: meeting.sequence,
    stamp: meeting.updated_at,
    created: meeting.created_at,
    lastModified: meeting.updated_at,
    start: meeting.starts_at,
    end: meeting.ends_at,
    timeZone: currentZoneName(meeting.time_zone),
    summary: `${meeting.title} — ${group.name}`,
    description,
    location: meeting.location || meeting.video_url || undefined,
    url,
    cancelled: meeting.cancelled_at !== null,
    categories: [group.name],
  };
}

/** Gives the member a new private calendar-feed address; any earlier one stops working. */
export async function resetCalendarLink(db: DB, viewer: Viewer, group: GroupRef): Promise<Result<string, "forbidden">> {
  return writeTransaction(db, async (trx) => {
    if (!can(viewer, "group:calendar-link", groupResource(group))) return fail("forbidden");
    const token = randomBytes(24).toString("base64url");
    const now = new Date().toISOString();
    await trx
      .insertInto("group_calendar_token")
      .values({ group_id: group.id, user_id: viewer.id, token, created_at: now })
      .onConflict((oc) => oc.columns(["group_id", "user_id"]).doUpdateSet({ token, created_at: now }))
      .execute();
    return ok(token);
  });
}

/** Ends the member's private calendar-feed address. */
export async function revokeCalendarLink(db: DB, viewer: Viewer, group: GroupRef): Promise<Result<undefined, "forbidden">> {
  return writeTransaction(db, async (trx) => {
    if (!can(viewer, "group:calendar-link", groupResource(group))) return fail("forbidden");
    await trx.deleteFrom("group_calendar_token").where("group_id", "=", group.id).where("user_id", "=", viewer.id).execute();
    return ok();
  });
}
