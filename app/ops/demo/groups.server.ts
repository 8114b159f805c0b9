// Demo community content for the groups capability, seeded after the demo accounts: meetings
// (past ones with minutes and attendance, upcoming ones with agendas and answers), proposals (open
// and decided, with votes, comments and outcomes), a pending join request and a follower.
// Dates are relative to the day the demo is seeded, at sensible hours in each organiser's zone.
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import type { AttendanceResponse } from "~/domain/vocabulary";
import { renderMarkdown } from "~/utils/markdown.server";
import { localToUtc, utcToLocalInput } from "~/utils/zoned-time.server";
import { evaluationProcedures } from "./groups/evaluation-procedures";
import { pilotCoordination } from "./groups/pilot-coordination";
import { postDeploymentMonitoring, riskManagement } from "./groups/risk-and-monitoring";
import type { DemoGroup } from "./groups/types";

const DAY = 86_400_000;

/** The UTC instant of `time` ("HH:mm") in `zone`, `days` days from now. */
function at(days: number, time: string, zone: string): string {
  const day = utcToLocalInput(new Date(Date.now() + days * DAY).toISOString(), zone).slice(0, 10);
  const result = localToUtc(`${day}T${time}`, zone);
  if (!result.ok) throw new Error(`demo: ${day}T${time} in ${zone}: ${result.reason}`);
  return result.iso;
}

const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

const GROUPS: DemoGroup[] = [evaluationProcedures, pilotCoordination, riskManagement, postDeploymentMonitoring];

/** `users` maps demo usernames to their ids. */
export async function seedDemoGroups(db: Kysely<Database>, users: Map<string, number>): Promise<void> {
  const groupRows = await db.selectFrom("working_group").select(["id", "slug"]).execute();
  const groupIds = new Map(groupRows.map((g) => [g.slug, g.id]));
  const user = (username: string) => {
    const id = users.get(username);
    if (id === undefined) throw new Error(`demo groups: unknown demo user ${username}`);
    return id;
  };

  for (const spec of GROUPS) {
    const groupId = groupIds.get(spec.slug);
    if (groupId === undefined) continue; // a deployment whose content has no such group
    const meetingIds: number[] = [];
    for (const meeting of spec.meetings) {
      const startsAt = at(meeting.day, meeting.from, spec.zone);
      const endsAt = at(meeting.day, meeting.to, spec.zone);
      // Scheduled three weeks ahead, or a few days ago for meetings coming up sooner than that.
      const createdAt = new Date(
        Math.min(Date.parse(startsAt) - 21 * DAY, Date.now() - (spec.meetings.indexOf(meeting) + 2) * DAY),
      ).toISOString();
      const minutesAt = meeting.minutes ? new Date(Date.parse(endsAt) + DAY).toISOString() : null;
      const { id } = await db
        .insertInto("meeting")
        .values({
          group_id: groupId,
          title: meeting.title,
          starts_at: startsAt,
          ends_at: endsAt,
          time_zone: spec.zone,
          location: meeting.location ?? "",
          video_url: meeting.videoUrl ?? "",
          agenda_md: meeting.agenda,
          agenda_html: renderMarkdown(meeting.agenda).html,
          minutes_md: meeting.minutes?.text ?? null,
          minutes_html: meeting.minutes ? renderMarkdown(meeting.minutes.text).html : null,
          minutes_by: meeting.minutes ? user(meeting.minutes.by) : null,
          minutes_at: minutesAt,
          created_by: user(spec.organiser),
          created_at: createdAt,
          updated_at: minutesAt ?? createdAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      meetingIds.push(id);
      const people = new Map<string, { response: AttendanceResponse | null; attended: number | null }>();
      for (const [username, response] of Object.entries(meeting.answers ?? {}))
        people.set(username, { response, attended: null });
      for (const username of meeting.minutes?.attended ?? []) people.set(username, { response: "attending", attended: 1 });
      for (const [username, row] of people) {
        await db
          .insertInto("attendance")
          .values({
            meeting_id: id,
            user_id: user(username),
            response: row.response,
            attended: row.attended,
            updated_at: createdAt,
          })
          .execute();
      }
    }

    for (const proposal of spec.proposals) {
      const openedAt = daysAgo(proposal.openedDaysAgo);
      const closesAt = at(proposal.closes.day, proposal.closes.time, spec.zone);
      const documentId = proposal.document
        ? ((
            await db
              .selectFrom("document")
              .select("id")
              .where("slug", "=", proposal.document)
              .where("group_id", "=", groupId)
              .executeTakeFirst()
          )?.id ?? null)
        : null;
      const closedAt = proposal.outcome ? daysAgo(proposal.outcome.daysAgo) : null;
      const { id } = await db
        .insertInto("proposal")
        .values({
          group_id: groupId,
          title: proposal.title,
          body_md: proposal.body,
          body_html: renderMarkdown(proposal.body).html,
          closes_at: closesAt,
          meeting_id: proposal.meeting !== undefined ? meetingIds[proposal.meeting] : null,
          document_id: documentId,
          opened_by: user(proposal.by),
          opened_at: openedAt,
          closed_at: closedAt,
          closed_by: proposal.outcome ? user(proposal.outcome.by) : null,
          outcome_md: proposal.outcome?.text ?? null,
          outcome_html: proposal.outcome ? renderMarkdown(proposal.outcome.text).html : null,
          updated_at: closedAt ?? openedAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const [i, [username, position, reason]] of proposal.votes.entries()) {
        const votedAt = new Date(Date.parse(openedAt) + (i + 1) * 3_600_000 * 7).toISOString();
        await db
          .insertInto("vote")
          .values({
            proposal_id: id,
            user_id: user(username),
            position,
            reason: reason ?? "",
            created_at: votedAt,
            updated_at: votedAt,
          })
          .execute();
      }
      for (const [i, [username, text]] of (proposal.comments ?? []).entries()) {
        await db
          .insertInto("proposal_comment")
          .values({
            proposal_id: id,
            author_id: user(username),
            body_md: text,
            body_html: renderMarkdown(text).html,
            created_at: new Date(Date.parse(openedAt) + (i + 1) * 3_600_000 * 5).toISOString(),
          })
          .execute();
      }
    }
  }

  // A pending request to the closed group, and a member who follows a group without joining it.
  const evaluation = groupIds.get("evaluation-procedures");
  if (evaluation !== undefined) {
    await db
      .insertInto("join_request")
      .values({
        group_id: evaluation,
        user_id: user("sophie"),
        motivation:
          "Je coordonne l’évaluation des dispositifs médicaux numériques à la HAS. Nous révisons notre grille d’évaluation des outils d’IA et souhaitons l’aligner sur le cadre du réseau ; je peux apporter notre expérience des études d’impact organisationnel.",
        created_at: daysAgo(2),
      })
      .execute();
  }
  const monitoring = groupIds.get("post-deployment-monitoring");
  if (monitoring !== undefined) {
    await db
      .insertInto("group_watch")
      .values({ group_id: monitoring, user_id: user("daniel"), watching: 1, updated_at: daysAgo(10) })
      .execute();
  }
}
