// Meetings: scheduling (chairs), answers (members), minutes and attendees (chairs and editors).
// Scheduling, rescheduling, cancelling and minutes are audited; watchers are told of new,
// moved and cancelled meetings. Who may act and whether the meeting still allows it are checked
// inside each write transaction.
import type { AttendanceResponse } from "~/domain/vocabulary";
import { recordAudit } from "~/models/audit.server";
import { groupResource, listWatcherIds } from "~/models/group.server";
import { findMeetingRow } from "~/models/meeting.server";
import { can, type Viewer } from "~/policies";
import { indexMeeting } from "~/services/search/indexers.server";
import { writeTransaction, type DB, type Tx } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { meetingPath } from "~/utils/paths";
import { fail, ok, type Result } from "~/utils/result";
import { currentZoneName } from "~/utils/time-zones";
import { utcToLocalInput } from "~/utils/zoned-time.server";
import type { MeetingReason } from "./failures";
import { answersRefusal, cancellationRefusal, changeRefusal, minutesRefusal } from "./rules.server";
import { notifyAboutGroup, subjectOfAction, type GroupRef } from "./shared.server";

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

type Refusal<R extends MeetingReason> = "forbidden" | "meeting_not_found" | R;

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
  await notifyAboutGroup(trx, await listWatcherIds(trx, group), group, {
    kind,
    actorId,
    title: meeting.title,
    excerpt: whenText(group, meeting.startsAt, meeting.timeZone),
    url: meetingPath(group.slug, meeting.id),
  });
}

async function auditMeeting(trx: Tx, actorId: number, meetingId: number, action: string, data: Record<string, unknown>) {
  await recordAudit(trx, { actorId, action, subjectType: "meeting", subjectId: meetingId, data });
}

/** The columns a scheduled or rescheduled meeting takes from the form. */
function meetingColumns(input: MeetingInput) {
  return {
    title: input.title,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    time_zone: input.timeZone,
    location: input.location,
    video_url: input.videoUrl,
    agenda_md: input.agenda,
    agenda_html: renderMarkdown(input.agenda).html,
  };
}

/** The meeting a service acts on, read inside its transaction, once the viewer may take `action` in the group. */
function meetingFor(
  trx: Tx,
  viewer: Viewer,
  action: "meeting:schedule" | "meeting:respond" | "meeting:record-minutes",
  group: GroupRef,
  meetingId: number,
) {
  return subjectOfAction(viewer, action, group, () => findMeetingRow(trx, group.id, meetingId), "meeting_not_found");
}

export async function scheduleMeeting(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
  given: MeetingInput,
): Promise<Result<{ id: number }, "forbidden">> {
  const input = { ...given, timeZone: currentZoneName(given.timeZone) };
  return writeTransaction(db, async (trx) => {
    if (!can(viewer, "meeting:schedule", groupResource(group))) return fail("forbidden");
    const now = new Date().toISOString();
    const { id } = await trx
      .insertInto("meeting")
      .values({ group_id: group.id, ...meetingColumns(input), created_by: viewer.id, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    await indexMeeting(trx, id);
    await auditMeeting(trx, viewer.id, id, "meeting.schedule", {
      groupId: group.id,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      timeZone: input.timeZone,
    });
    await notifyMeetingWatchers(trx, group, "meeting_scheduled", viewer.id, { id, ...input });
    return ok({ id });
  });
}

/** A chair edits or moves a meeting that has not been cancelled; watchers are told when it moves. */
export async function updateMeeting(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
  meetingId: number,
  given: MeetingInput,
): Promise<Result<undefined, Refusal<"meeting_cancelled">>> {
  const input = { ...given, timeZone: currentZoneName(given.timeZone) };
  return writeTransaction(db, async (trx) => {
    const found = await meetingFor(trx, viewer, "meeting:schedule", group, meetingId);
    if (!found.ok) return found;
    const meeting = found.value;
    const refusal = changeRefusal(meeting);
    if (refusal) return fail(refusal);
    await trx
      .updateTable("meeting")
      .set({ ...meetingColumns(input), sequence: meeting.sequence + 1, updated_at: new Date().toISOString() })
      .where("id", "=", meeting.id)
      .execute();
    const moved =
      meeting.starts_at !== input.startsAt || meeting.ends_at !== input.endsAt || meeting.time_zone !== input.timeZone;
    await indexMeeting(trx, meeting.id);
    await auditMeeting(trx, viewer.id, meeting.id, "meeting.update", {
      groupId: group.id,
      before: { startsAt: meeting.starts_at, endsAt: meeting.ends_at, timeZone: meeting.time_zone, title: meeting.title },
      after: { startsAt: input.startsAt, endsAt: input.endsAt, timeZone: input.timeZone, title: input.title },
    });
    if (moved) await notifyMeetingWatchers(trx, group, "meeting_rescheduled", viewer.id, { id: meeting.id, ...input });
    return ok();
  });
}

/** A chair cancels a meeting that has not ended; watchers are told. */
export async function cancelMeeting(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
  meetingId: number,
): Promise<Result<undefined, Refusal<"meeting_cancelled" | "meeting_over">>> {
  return writeTransaction(db, async (trx) => {
    const found = await meetingFor(trx, viewer, "meeting:schedule", group, meetingId);
    if (!found.ok) return found;
    const meeting = found.value;
    const refusal = cancellationRefusal(meeting);
    if (refusal) return fail(refusal);
    const now = new Date().toISOString();
    await trx
      .updateTable("meeting")
      .set({ cancelled_at: now, sequence: meeting.sequence + 1, updated_at: now })
      .where("id", "=", meeting.id)
      .execute();
    await auditMeeting(trx, viewer.id, meeting.id, "meeting.cancel", { groupId: group.id });
    await notifyMeetingWatchers(trx, group, "meeting_cancelled", viewer.id, {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.starts_at,
      timeZone: meeting.time_zone,
    });
    return ok();
  });
}

/** A member says whether they will attend a meeting that has not ended and is not cancelled. */
export async function respondToMeeting(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
  meetingId: number,
  response: AttendanceResponse,
): Promise<Result<undefined, Refusal<"answers_meeting_cancelled" | "answers_meeting_over">>> {
  return writeTransaction(db, async (trx) => {
    const found = await meetingFor(trx, viewer, "meeting:respond", group, meetingId);
    if (!found.ok) return found;
    const refusal = answersRefusal(found.value);
    if (refusal) return fail(refusal);
    const now = new Date().toISOString();
    await trx
      .insertInto("attendance")
      .values({ meeting_id: meetingId, user_id: viewer.id, response, updated_at: now })
      .onConflict((oc) => oc.columns(["meeting_id", "user_id"]).doUpdateSet({ response, updated_at: now }))
      .execute();
    return ok();
  });
}

/** Whether every one of `userIds` is a member of the group or already recorded as having attended. */
async function allMayAttend(trx: Tx, groupId: number, meetingId: number, userIds: number[]) {
  const known = await trx
    .selectFrom("user")
    .select("user.id")
    .where("user.id", "in", userIds)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("group_membership")
            .select("user_id")
            .whereRef("group_membership.user_id", "=", "user.id")
            .where("group_membership.group_id", "=", groupId),
        ),
        eb.exists(
          eb
            .selectFrom("attendance")
            .select("user_id")
            .whereRef("attendance.user_id", "=", "user.id")
            .where("attendance.meeting_id", "=", meetingId)
            .where("attendance.attended", "=", 1),
        ),
      ]),
    )
    .execute();
  return known.length === userIds.length;
}

/**
 * Records (or corrects) the minutes and who attended, once the meeting has started. Attendees
 * must be members of the group (or people already recorded as attendees who have since left).
 */
export async function recordMinutes(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
  meetingId: number,
  input: { minutes: string; attendeeIds: number[] },
): Promise<Result<undefined, Refusal<"minutes_meeting_cancelled" | "minutes_too_early" | "unknown_attendee">>> {
  return writeTransaction(db, async (trx) => {
    const found = await meetingFor(trx, viewer, "meeting:record-minutes", group, meetingId);
    if (!found.ok) return found;
    const meeting = found.value;
    const refusal = minutesRefusal(meeting);
    if (refusal) return fail(refusal);
    const attendees = [...new Set(input.attendeeIds)];
    if (attendees.length && !(await allMayAttend(trx, group.id, meeting.id, attendees))) return fail("unknown_attendee");
    const now = new Date().toISOString();
    await trx
      .updateTable("meeting")
      .set({
        minutes_md: input.minutes,
        minutes_html: renderMarkdown(input.minutes).html,
        minutes_by: viewer.id,
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
    await auditMeeting(trx, viewer.id, meeting.id, "meeting.minutes", {
      groupId: group.id,
      attendees: attendees.length,
      corrected: meeting.minutes_at !== null,
    });
    return ok();
  });
}
