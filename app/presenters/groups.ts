// View models of the working-group pages: what a loader hands its component, named the way the
// components read it.

/** A meeting's title and times (UTC instants and the organiser's zone), as MeetingTime shows them. */
export function meetingTimes(meeting: { id: number; title: string; starts_at: string; ends_at: string; time_zone: string }) {
  return {
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.starts_at,
    endsAt: meeting.ends_at,
    timeZone: meeting.time_zone,
  };
}
