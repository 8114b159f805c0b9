// One meeting as an iCalendar file, to add to a calendar. A private group's meeting answers 404
// to anyone but its members (signed in, or with their private feed token).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { meetingEvent } from "~/services/groups/calendar.server";
import { findMeeting } from "~/models/meeting.server";
import { readGroupCalendar } from "~/services/groups/context.server";
import { buildCalendar, CALENDAR_CONTENT_TYPE } from "~/utils/ical.server";
import { notFound, parseId } from "~/utils/http.server";
import { siteOrigin } from "~/utils/site-origin.server";
import { feedResponse, plainRefusals } from "~/utils/syndication.server";

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  plainRefusals(() => meetingCalendar(request, params.slug, params.meetingId));

async function meetingCalendar(request: Request, slug: string | undefined, meetingId: string | undefined) {
  const { db, group } = await readGroupCalendar(request, slug);
  const meeting = await findMeeting(db, group.id, parseId(meetingId));
  if (!meeting) notFound();
  const body = buildCalendar({ events: [meetingEvent(meeting, group, siteOrigin(request))] });
  return feedResponse(request, body, {
    contentType: CALENDAR_CONTENT_TYPE,
    contentDisposition: `attachment; filename="meeting-${meeting.id}.ics"`,
    cacheControl: group.visibility === "private" ? "private, no-store" : "public, max-age=300",
    lastModified: meeting.updated_at,
  });
}
