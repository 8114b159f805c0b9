// The group's calendar feed (meetings from a year ago on), for calendar applications to subscribe
// to. A private group's feed needs a member's session or private token (?token=…), which the
// member can reset or revoke and which stops working when they leave.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listCalendarMeetings } from "~/models/meeting.server";
import { meetingEvent } from "~/services/group-calendar.server";
import { readGroupCalendar } from "~/services/group-context.server";
import { buildCalendar, CALENDAR_CONTENT_TYPE } from "~/utils/ical.server";
import { siteOrigin } from "~/utils/site-origin.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, group } = await readGroupCalendar(request, params.slug);
  const since = new Date(Date.now() - 366 * 86_400_000).toISOString();
  const meetings = await listCalendarMeetings(db, group.id, since);
  const origin = siteOrigin(request);
  const body = buildCalendar({
    name: group.name,
    description: group.purpose,
    events: meetings.map((meeting) => meetingEvent(meeting, group, origin)),
  });
  return new Response(body, {
    headers: {
      "Content-Type": CALENDAR_CONTENT_TYPE,
      "Content-Disposition": `inline; filename="${group.slug}.ics"`,
      "Cache-Control": group.visibility === "private" ? "private, no-store" : "public, max-age=300",
    },
  });
}
