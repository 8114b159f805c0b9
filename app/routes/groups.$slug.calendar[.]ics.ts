// The group's calendar feed (meetings from a year ago on), for calendar applications to subscribe
// to. A private group's feed needs a member's session or private token (?token=…), which the
// member can reset or revoke and which stops working when they leave.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listCalendarMeetings } from "~/models/meeting.server";
import { meetingEvent } from "~/services/groups/calendar.server";
import { readGroupCalendar } from "~/services/groups/context.server";
import { buildCalendar, CALENDAR_CONTENT_TYPE } from "~/utils/ical.server";
import { siteOrigin } from "~/utils/site-origin.server";
import { feedResponse, plainRefusals } from "~/utils/syndication.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => plainRefusals(() => groupCalendar(request, params.slug));

async function groupCalendar(request: Request, slug: string | undefined) {
  const { db, group } = await readGroupCalendar(request, slug);
  const since = new Date(Date.now() - 366 * 86_400_000).toISOString();
  const meetings = await listCalendarMeetings(db, group.id, since);
  const origin = siteOrigin(request);
  const body = buildCalendar({
    name: group.name,
    description: group.purpose,
    events: meetings.map((meeting) => meetingEvent(meeting, group, origin)),
    refreshHours: 1,
  });
  return feedResponse(request, body, {
    contentType: CALENDAR_CONTENT_TYPE,
    contentDisposition: `inline; filename="${group.slug}.ics"`,
    // Private feeds are fetched with a member's token: never stored anywhere on the way.
    cacheControl: group.visibility === "private" ? "private, no-store" : "public, max-age=300",
    lastModified: meetings
      .map((meeting) => meeting.updated_at)
      .sort()
      .pop(),
  });
}
