// Meetings of a working group: schedule, attendance, minutes.
import type { ExpressionBuilder } from "kysely";
import type { Database } from "~db/schema";
import type { Meeting } from "~db/tables/groups";
import type { Tx } from "~/utils/db.server";
import { currentZoneName } from "~/utils/time-zones";
import { MEMBER_BYLINE_COLUMNS } from "./group.server";
import { keysetPage } from "./keyset.server";

export type { Meeting };

/** Rows written before zones were saved under their current names may hold old ones (Asia/Saigon): read them as current. */
function withCurrentZone<T extends { time_zone: string }>(row: T): T {
  const zone = currentZoneName(row.time_zone);
  return zone === row.time_zone ? row : { ...row, time_zone: zone };
}

const LIST_COLUMNS = [
  "meeting.id",
  "meeting.title",
  "meeting.starts_at",
  "meeting.ends_at",
  "meeting.time_zone",
  "meeting.location",
  "meeting.video_url",
  "meeting.cancelled_at",
  "meeting.minutes_at",
] as const;

/** How many said they would come to the meeting of the row, or (`"attended"`) were recorded as there. */
function attendanceCount(eb: ExpressionBuilder<Database, "meeting">, counted: "attending" | "attended") {
  const people = eb
    .selectFrom("attendance")
    .select(eb.fn.countAll<number>().as("n"))
    .whereRef("attendance.meeting_id", "=", "meeting.id");
  return counted === "attending"
    ? people.where("attendance.response", "=", "attending")
    : people.where("attendance.attended", "=", 1);
}

/** Meetings that have not ended yet, soonest first (cancelled ones stay listed, marked). */
export async function listUpcomingMeetings(db: Tx, groupId: number, now: string, limit = 50) {
  return db
    .selectFrom("meeting")
    .select([...LIST_COLUMNS, (eb) => attendanceCount(eb, "attending").as("attending_count")])
    .where("meeting.group_id", "=", groupId)
    .where("meeting.ends_at", ">", now)
    .orderBy("meeting.starts_at")
    .limit(limit)
    .execute()
    .then((rows) => rows.map(withCurrentZone));
}

export const PAST_MEETINGS_PAGE = 20;

/** Meetings that have ended, most recent first, paginated by their start (keyset). */
export async function listPastMeetings(db: Tx, groupId: number, now: string, options: { before?: string } = {}) {
  let query = db
    .selectFrom("meeting")
    .select([...LIST_COLUMNS, (eb) => attendanceCount(eb, "attended").as("attended_count")])
    .where("meeting.group_id", "=", groupId)
    .where("meeting.ends_at", "<=", now)
    .orderBy("meeting.starts_at", "desc")
    .limit(PAST_MEETINGS_PAGE + 1);
  if (options.before) query = query.where("meeting.starts_at", "<", options.before);
  const rows = (await query.execute()).map(withCurrentZone);
  const { items: meetings, next: nextBefore } = keysetPage(rows, PAST_MEETINGS_PAGE, (meeting) => meeting.starts_at);
  return { meetings, nextBefore };
}

/** The meeting's own row, for the services that change it. */
export async function findMeetingRow(db: Tx, groupId: number, meetingId: number) {
  return db
    .selectFrom("meeting")
    .selectAll()
    .where("group_id", "=", groupId)
    .where("id", "=", meetingId)
    .executeTakeFirst()
    .then((row) => row && withCurrentZone(row));
}

export async function findMeeting(db: Tx, groupId: number, meetingId: number) {
  return db
    .selectFrom("meeting")
    .leftJoin("user as organiser", "organiser.id", "meeting.created_by")
    .leftJoin("user as scribe", "scribe.id", "meeting.minutes_by")
    .selectAll("meeting")
    .select([
      "organiser.display_name as organiser_name",
      "organiser.username as organiser_username",
      "scribe.display_name as scribe_name",
    ])
    .where("meeting.group_id", "=", groupId)
    .where("meeting.id", "=", meetingId)
    .executeTakeFirst()
    .then((row) => row && withCurrentZone(row));
}

/** Every member of the group with their answer and recorded attendance for one meeting, plus anyone recorded who has since left. */
export async function listAttendance(db: Tx, groupId: number, meetingId: number) {
  const members = await db
    .selectFrom("group_membership")
    .innerJoin("user", "user.id", "group_membership.user_id")
    .leftJoin("attendance", (join) =>
      join.onRef("attendance.user_id", "=", "user.id").on("attendance.meeting_id", "=", meetingId),
    )
    .select([...MEMBER_BYLINE_COLUMNS, "group_membership.role", "attendance.response", "attendance.attended"])
    .where("group_membership.group_id", "=", groupId)
    .where("user.status", "=", "approved")
    .orderBy("user.display_name")
    .execute();
  const formerAttendees = await db
    .selectFrom("attendance")
    .innerJoin("user", "user.id", "attendance.user_id")
    .select([...MEMBER_BYLINE_COLUMNS, "attendance.response", "attendance.attended"])
    .where("attendance.meeting_id", "=", meetingId)
    .where("attendance.attended", "=", 1)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("group_membership")
            .select("group_membership.user_id")
            .whereRef("group_membership.user_id", "=", "attendance.user_id")
            .where("group_membership.group_id", "=", groupId),
        ),
      ),
    )
    .execute();
  return [...members, ...formerAttendees.map((row) => ({ ...row, role: null }))];
}

export async function findResponse(db: Tx, meetingId: number, userId: number) {
  const row = await db
    .selectFrom("attendance")
    .select(["response", "attended"])
    .where("meeting_id", "=", meetingId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ?? null;
}

/** Meetings for the calendar feed: from a year ago on, at most 500. */
export async function listCalendarMeetings(db: Tx, groupId: number, since: string) {
  return db
    .selectFrom("meeting")
    .selectAll()
    .where("group_id", "=", groupId)
    .where("starts_at", ">=", since)
    .orderBy("starts_at")
    .limit(500)
    .execute()
    .then((rows) => rows.map(withCurrentZone));
}

/** Recent and upcoming meetings a proposal may refer to. */
export async function listMeetingChoices(db: Tx, groupId: number) {
  return db
    .selectFrom("meeting")
    .select(["id", "title", "starts_at"])
    .where("group_id", "=", groupId)
    .where("cancelled_at", "is", null)
    .orderBy("starts_at", "desc")
    .limit(30)
    .execute();
}
