// Meetings: scheduling (chairs), answers (members), minutes and attendees (chairs and editors).
// Scheduling, rescheduling, cancelling and minutes are audited; watchers are told of new,
// moved and cancelled meetings.
import { indexMeeting } from "./search-indexers.server";
import type { WorkingGroup } from "~db/schema";
import type { Meeting } from "~db/tables/groups";
import type { AttendanceResponse } from "~/domain/vocabulary";
import { recordAudit } from "~/models/audit.server";
import { listWatcherIds } from "~/models/group.server";
import { notify } from "~/models/notification.server";
import { writeTransaction, type DB, type Tx } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { currentZoneName } from "~/utils/time-zones";
import { utcToLocalInput } from "~/utils/zoned-time.server";
import type { GroupResult } from "./group-membership.server";

type GroupRef = Pick<WorkingGroup, "id" | "slug" | "name" | "visibility">;

export interface MeetingInput {
  title: string;
  /** UTC instants (ISO 8601), already checked: ends after it starts. */
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: string;
  videoUrl: string;
  agenda: string;
}

const privateGroupId = (group: GroupRef) => (group.visibility === "private" ? group.id : null);

/** "2026-12-03 14:00 (Europe/Paris) · Group name": language-neutral, for notification excerpts. */
function whenText(group: GroupRef, startsAt: string, zone: string) {
  const timeZone = currentZoneName(zone);
  return `${utcToLocalInput(startsAt, timeZone).replace("T", " ")} (${timeZone}) · ${group.name}`;
}

/** Tells the group's watchers that one of its meetings was scheduled, moved or cancelled. */
async function notifyMeetingWatchers(
  trx: Tx,
  group: GroupRef,
  kind: "meeting_scheduled" | "meeting_rescheduled" | "meeting_cancelled",
  actorId: number,
  meeting: { id: number; title: string; startsAt: string; timeZone: string },
) {
  await notify(trx, await listWatcherIds(trx, group), {
    kind,
    actorId,
    title: meeting.title,
    excerpt: whenText(group, meeting.startsAt, meeting.timeZone),
    url: `/groups/${group.slug}/meetings/${meeting.id}`,
    privateGroupId: privateGroupId(group),
  });
}

export async function scheduleMeeting(
  db: DB,
  actorId: number,
  group: GroupRef,
  given: MeetingInput,
): Promise<GroupResult<{ id: number }>> {
  const input = { ...given, timeZone: currentZoneName(given.timeZone) };
  return writeTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const { id } = await trx
      .insertInto("meeting")
      .values({
        group_id: group.id,
        title: input.title,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        time_zone: input.timeZone,
        location: input.location,
        video_url: input.videoUrl,
        agenda_md: input.agenda,
        agenda_html: renderMarkdown(input.agenda).html,
        created_by: actorId,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await indexMeeting(trx, id);
    await recordAudit(trx, {
      actorId,
      action: "meeting.schedule",
      subjectType: "meeting",
      subjectId: id,
      data: { groupId: group.id, startsAt: input.startsAt, endsAt: input.endsAt, timeZone: input.timeZone },
    });
    await notifyMeetingWatchers(trx, group, "meeting_scheduled", actorId, {
      id,
      title: input.title,
      startsAt: input.startsAt,
      timeZone: input.timeZone,
    });
    return { ok: true, value: { id } };
  });
}

export async function updateMeeting(
  db: DB,
  actorId: number,
  group: GroupRef,
  meeting: Meeting,
  given: MeetingInput,
): Promise<GroupResult> {
  const input = { ...given, timeZone: currentZoneName(given.timeZone) };
  if (meeting.cancelled_at) return { ok: false, status: 409, error: "groups.errors.meetingCancelled" };
  return writeTransaction(db, async (trx) => {
    await trx
      .updateTable("meeting")
      .set({
        title: input.title,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        time_zone: input.timeZone,
        location: input.location,
        video_url: input.videoUrl,
        agenda_md: input.agenda,
        agenda_html: renderMarkdown(input.agenda).html,
        sequence: meeting.sequence + 1,
        updated_at: new Date().toISOString(),
      })
      .where("id", "=", meeting.id)
      .execute();
    const moved =
      meeting.starts_at !== input.startsAt ||
      meeting.ends_at !== input.endsAt ||
      currentZoneName(meeting.time_zone) !== input.timeZone;
    await indexMeeting(trx, meeting.id);
    await recordAudit(trx, {
      actorId,
      action: "meeting.update",
      subjectType: "meeting",
      subjectId: meeting.id,
      data: {
        groupId: group.id,
        before: { startsAt: meeting.starts_at, endsAt: meeting.ends_at, timeZone: meeting.time_zone, title: meeting.title },
        after: { startsAt: input.startsAt, endsAt: input.endsAt, timeZone: input.timeZone, title: input.title },
      },
    });
    if (moved) {
      await notifyMeetingWatchers(trx, group, "meeting_rescheduled", actorId, {
        id: meeting.id,
        title: input.title,
        startsAt: input.startsAt,
        timeZone: input.timeZone,
      });
    }
    return { ok: true, value: undefined };
  });
}

export async function cancelMeeting(db: DB, actorId: number, group: GroupRef, meeting: Meeting): Promise<GroupResult> {
  if (meeting.cancelled_at) return { ok: false, status: 409, error: "groups.errors.meetingCancelled" };
  if (meeting.ends_at <= new Date().toISOString()) return { ok: false, status: 409, error: "groups.errors.meetingOver" };
  return writeTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    await trx
      .updateTable("meeting")
      .set({ cancelled_at: now, sequence: meeting.sequence + 1, updated_at: now })
      .where("id", "=", meeting.id)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: "meeting.cancel",
      subjectType: "meeting",
      subjectId: meeting.id,
      data: { groupId: group.id },
    });
    await notifyMeetingWatchers(trx, group, "meeting_cancelled", actorId, {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.starts_at,
      timeZone: meeting.time_zone,
    });
    return { ok: true, value: undefined };
  });
}

/** A member says whether they will attend a meeting that has not ended and is not cancelled. */
export async function respondToMeeting(
  db: DB,
  userId: number,
  meeting: Meeting,
  response: AttendanceResponse,
): Promise<GroupResult> {
  if (meeting.cancelled_at) return { ok: false, status: 400, error: "groups.errors.meetingCancelled" };
  if (meeting.ends_at <= new Date().toISOString()) return { ok: false, status: 400, error: "groups.errors.meetingOver" };
  const now = new Date().toISOString();
  await db
    .insertInto("attendance")
    .values({ meeting_id: meeting.id, user_id: userId, response, updated_at: now })
    .onConflict((oc) => oc.columns(["meeting_id", "user_id"]).doUpdateSet({ response, updated_at: now }))
    .execute();
  return { ok: true, value: undefined };
}

/**
 * Records (or corrects) the minutes and who attended, once the meeting has started. Attendees
 * must be members of the group (or people already recorded as attendees who have since left).
 */
export async function recordMinutes(
  db: DB,
  actorId: number,
  group: GroupRef,
  meeting: Meeting,
  input: { minutes: string; attendeeIds: number[] },
): Promise<GroupResult> {
  if (meeting.cancelled_at) return { ok: false, status: 400, error: "groups.errors.meetingCancelled" };
  if (meeting.starts_at > new Date().toISOString())
    return { ok: false, status: 400, error: "groups.errors.minutesTooEarly", field: "minutes" };
  return writeTransaction(db, async (trx) => {
    const attendees = [...new Set(input.attendeeIds)];
    if (attendees.length) {
      const known = await trx
        .selectFrom("user")
        .select("user.id")
        .where("user.id", "in", attendees)
        .where((eb) =>
          eb.or([
            eb.exists(
              eb
                .selectFrom("group_membership")
                .select("user_id")
                .whereRef("group_membership.user_id", "=", "user.id")
                .where("group_membership.group_id", "=", group.id),
            ),
            eb.exists(
              eb
                .selectFrom("attendance")
                .select("user_id")
                .whereRef("attendance.user_id", "=", "user.id")
                .where("attendance.meeting_id", "=", meeting.id)
                .where("attendance.attended", "=", 1),
            ),
          ]),
        )
        .execute();
      if (known.length !== attendees.length)
        return { ok: false, status: 400, error: "groups.errors.unknownAttendee", field: "attendees" };
    }
    const now = new Date().toISOString();
    await trx
      .updateTable("meeting")
      .set({
        minutes_md: input.minutes,
        minutes_html: renderMarkdown(input.minutes).html,
        minutes_by: actorId,
        minutes_at: now,
        updated_at: now,
      })
      .where("id", "=", meeting.id)
      .execute();
    await trx.updateTable("attendance").set({ attended: 0, updated_at: now }).where("meeting_id", "=", meeting.id).execute();
    for (const userId of attendees) {
      await trx
        .insertInto("attendance")
        .values({ meeting_id: meeting.id, user_id: userId, attended: 1, updated_at: now })
        .onConflict((oc) => oc.columns(["meeting_id", "user_id"]).doUpdateSet({ attended: 1, updated_at: now }))
        .execute();
    }
    await indexMeeting(trx, meeting.id);
    await recordAudit(trx, {
      actorId,
      action: "meeting.minutes",
      subjectType: "meeting",
      subjectId: meeting.id,
      data: { groupId: group.id, attendees: attendees.length, corrected: meeting.minutes_at !== null },
    });
    return { ok: true, value: undefined };
  });
}
