// One meeting as an iCalendar file, to add to a calendar. A private group's meeting answers 404
// to anyone but its members (signed in, or with their private feed token).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { meetingEvent } from "~/services/group-calendar.server";
import { findMeeting } from "~/models/meeting.server";
import { readGroupCalendar } from "~/services/group-context.server";
import { buildCalendar, CALENDAR_CONTENT_TYPE } from "~/utils/ical.server";
import { notFound, parseId } from "~/utils/http.server";
import { siteOrigin } from "~/utils/site-origin.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, group } = await readGroupCalendar(request, params.slug);
  const meeting = await findMeeting(db, group.id, parseId(params.meetingId));
  if (!meeting) notFound();
  const body = buildCalendar({ events: [meetingEvent(meeting, group, siteOrigin(request))] });
  return new Response(body, {
    headers: {
      "Content-Type": CALENDAR_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="meeting-${meeting.id}.ics"`,
      "Cache-Control": group.visibility === "private" ? "private, no-store" : "public, max-age=300",
    },
  });
}
