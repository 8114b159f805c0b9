// A meeting as an iCalendar event: the same UID in the single-meeting file and in the feed, so
// calendar applications update rather than duplicate it.
import type { WorkingGroup } from "~db/schema";
import type { Meeting } from "~db/tables/groups";
import type { CalendarEvent } from "~/utils/ical.server";
import { publicOrigin } from "~/utils/env.server";
import { currentZoneName } from "~/utils/time-zones";

/**
 * The domain part of event UIDs: the public address's host, never the Host a request named, so a
 * meeting keeps one UID whichever address a calendar fetched it from.
 */
function uidDomain(): string {
  const origin = publicOrigin();
  return origin ? new URL(origin).host : "cop-portal.localhost";
}

export function meetingEvent(meeting: Meeting, group: Pick<WorkingGroup, "slug" | "name">, origin: string): CalendarEvent {
  const url = `${origin}/groups/${group.slug}/meetings/${meeting.id}`;
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
