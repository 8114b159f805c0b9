// Demo community content for the groups capability, seeded after the demo accounts: meetings
// (past ones with minutes and attendance, upcoming ones with agendas and answers), proposals (open
// and decided, with votes, comments and outcomes), a pending join request and a follower.
// Dates are relative to the day the demo is seeded, at sensible hours in each organiser's zone.
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import type { AttendanceResponse, VotePosition } from "~/domain/vocabulary";
import { renderMarkdown } from "~/utils/markdown.server";
import { localToUtc, utcToLocalInput } from "~/utils/zoned-time.server";

const DAY = 86_400_000;

/** The UTC instant of `time` ("HH:mm") in `zone`, `days` days from now. */
function at(days: number, time: string, zone: string): string {
  const day = utcToLocalInput(new Date(Date.now() + days * DAY).toISOString(), zone).slice(0, 10);
  const result = localToUtc(`${day}T${time}`, zone);
  if (!result.ok) throw new Error(`demo: ${day}T${time} in ${zone}: ${result.reason}`);
  return result.iso;
}

const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

interface DemoMeeting {
  title: string;
  day: number;
  from: string;
  to: string;
  location?: string;
  videoUrl?: string;
  agenda: string;
  minutes?: { by: string; text: string; attended: string[] };
  answers?: Record<string, AttendanceResponse>;
}

interface DemoProposal {
  title: string;
  body: string;
  openedDaysAgo: number;
  closes: { day: number; time: string };
  by: string;
  meeting?: number;
  document?: string;
  votes: Array<[string, VotePosition, string?]>;
  comments?: Array<[string, string]>;
  outcome?: { by: string; daysAgo: number; text: string };
}

interface DemoGroup {
  slug: string;
  zone: string;
  organiser: string;
  meetings: DemoMeeting[];
  proposals: DemoProposal[];
}

const GROUPS: DemoGroup[] = [
  {
    slug: "evaluation-procedures",
    zone: "Asia/Ho_Chi_Minh",
    organiser: "chair",
    meetings: [
      {
        title: "Monthly meeting — local-validation template and sample sizes",
        day: -42,
        from: "14:00",
        to: "15:30",
        videoUrl: "https://meet.example.org/cop-evaluation",
        agenda: `1. Welcome; declarations of interest for today's items
2. Draft template protocol and report for local validation, v0.9 (James Whitfield)
3. Sample-size guidance for sensitivity and specificity at small primary-care sites
4. Length of silent-mode operation before supervised use
5. Any other business`,
        minutes: {
          by: "editor",
          attended: ["chair", "editor", "minh", "aisha"],
          text: `**Chair:** Nguyễn Thị Lan. Quorum reached (4 of 4 members). No new declarations of interest.

## 2. Local-validation template v0.9
James presented the changes since v0.8: a mandatory comparison of the local case mix with the manufacturer's validation population, subgroup results by age band and sex, and a section on data-protection safeguards for the extract used.

- The group agreed to put the template to a written decision (proposal opened after the meeting).
- Aisha noted that the sample-size table assumes a prevalence above 5 %.

## 3. Sample sizes at small sites
Discussion of primary-care sites that see fewer than 20 eligible cases a week. Options: pooling across sites with the same tool and version, or a longer silent-mode period.

**Action:** James to draft a small-numbers annex (due before the next meeting).

## 4. Silent-mode duration
Views differ between a fixed duration and a minimum number of cases. To be decided by written procedure.

## Actions
| Action | Owner | Due |
|---|---|---|
| Small-numbers annex to the template | James Whitfield | next meeting |
| Proposal on silent-mode duration | Chair | two weeks |`,
        },
      },
      {
        title: "Quarterly review — pilot feedback on the evaluation framework",
        day: -14,
        from: "14:00",
        to: "16:00",
        videoUrl: "https://meet.example.org/cop-evaluation",
        agenda: `1. Feedback from the pilot sites on the evaluation framework 1.0 (Trần Quang Minh)
2. Silent-mode proposal: result of the written procedure
3. Q3 progress on deliverables and indicative timeline
4. Next steps on the supplementary guidance for generative AI tools`,
        minutes: {
          by: "chair",
          attended: ["chair", "editor", "minh"],
          text: `**Apologies:** Aisha Rahman.

## 1. Pilot feedback
Minh reported on the first quarter of the pilot in Bạch Mai hospital and three primary-care stations: the evaluation dossier took longer than planned (11 weeks instead of 8), mostly because the local data extract needed a data-protection impact assessment first. Sites asked for a checklist of what the extract may contain.

## 2. Silent-mode proposal
The proposal of a fixed eight-week silent mode was **not adopted**: a block was raised in favour of a minimum number of cases. A revised proposal will follow.

## 3. Deliverables
The template protocol stays on track for Q3; the assessor curriculum moves to Q1 next year.

## 4. Generative AI
James will circulate a first draft of the supplementary guidance before the next monthly meeting.`,
        },
      },
      {
        title: "Monthly meeting — supplementary guidance on generative AI tools",
        day: 9,
        from: "14:00",
        to: "15:30",
        videoUrl: "https://meet.example.org/cop-evaluation",
        agenda: `1. Declarations of interest
2. First draft of the supplementary guidance on evaluating generative AI tools (James Whitfield)
   - scope: clinical documentation assistants, patient-facing chat
   - evaluation of hallucination rates and their monitoring after deployment
3. Revised proposal on silent-mode duration (minimum duration **and** minimum number of cases)
4. Consultation plan for the supplementary guidance

Papers are in the group's documents; please read them before the meeting.`,
        answers: { editor: "attending", minh: "attending", aisha: "not_attending" },
      },
      {
        title: "Hybrid workshop — assessor curriculum and case studies",
        day: 37,
        from: "09:00",
        to: "12:30",
        location: "National Health Information Centre, meeting room 2, Hà Nội",
        videoUrl: "https://meet.example.org/cop-evaluation-workshop",
        agenda: `A half-day workshop to design the case-based training for evaluation bodies.

1. What assessors need to know: results of the skills survey
2. Three case studies: sepsis prediction in hospital, diabetic-retinopathy screening in primary care, a documentation assistant
3. Structure of the curriculum and assessment of trainees`,
        answers: { chair: "attending" },
      },
    ],
    proposals: [
      {
        title: "Adopt the local-validation report template v0.9 for the pilot sites",
        body: `Issue the **template protocol and report for local validation, v0.9**, to the pilot sites for use from the next reporting quarter, while the group finishes version 1.0.

The template covers the comparison of the local case mix with the manufacturer's validation population, subgroup results, silent-mode results and the data-protection safeguards of the extract used.`,
        openedDaysAgo: 41,
        closes: { day: -31, time: "17:00" },
        by: "chair",
        meeting: 0,
        document: "pre-deployment-evaluation",
        votes: [
          ["chair", "agree"],
          ["editor", "agree"],
          ["minh", "agree", "The sites need it now; v1.0 can follow."],
          [
            "aisha",
            "disagree",
            "The sample-size table assumes a prevalence above 5 %; low-prevalence primary-care sites need the small-numbers annex first.",
          ],
        ],
        comments: [
          [
            "minh",
            "Bạch Mai and the three primary-care stations are ready to use the template from the first day of the next quarter.",
          ],
        ],
        outcome: {
          by: "chair",
          daysAgo: 30,
          text: `**Adopted by consent.** Template v0.9 is issued to the pilot sites for use from the next reporting quarter.

Aisha Rahman's concern about sample sizes at low-prevalence primary-care sites is recorded; the editor will add a small-numbers annex before version 1.0.`,
        },
      },
      {
        title: "Require at least eight weeks of silent-mode operation before supervised use of high-risk tools",
        body: `Before a high-risk AI tool is used under supervision at a pilot site, it runs in **silent mode** (outputs recorded, not shown to clinicians) for at least eight weeks, and its results are compared with the local-validation report.`,
        openedDaysAgo: 20,
        closes: { day: -12, time: "17:00" },
        by: "chair",
        meeting: 1,
        votes: [
          ["editor", "agree"],
          ["aisha", "agree"],
          ["chair", "abstain", "As chair I will facilitate the revised proposal."],
          [
            "minh",
            "block",
            "Eight weeks is too short for primary-care stations with few eligible cases: require a minimum number of consecutive eligible cases (e.g. 300) as well as a minimum duration.",
          ],
        ],
        outcome: {
          by: "chair",
          daysAgo: 12,
          text: `**Not adopted.** A block was raised: a fixed duration does not guarantee enough cases at small sites.

The editor will prepare a revised proposal combining a minimum of eight weeks with a minimum number of eligible cases, for the next monthly meeting.`,
        },
      },
      {
        title: "Put the supplementary guidance on generative AI tools to a six-week members' consultation",
        body: `Once the first draft has been discussed at the monthly meeting, open a **six-week consultation of all network members** on the supplementary guidance on evaluating generative AI tools used in clinical settings.

Targeted consultation of patient organisations and of companies that build documentation assistants will run in parallel.`,
        openedDaysAgo: 3,
        closes: { day: 6, time: "17:00" },
        by: "editor",
        meeting: 2,
        document: "pre-deployment-evaluation",
        votes: [
          ["editor", "agree"],
          ["minh", "abstain", "No view yet: I have not read the draft."],
        ],
        comments: [
          [
            "aisha",
            "Could the consultation reach the patient organisations in the network directly? The section on monitoring hallucinations affects them most.",
          ],
          ["editor", "Yes — the targeted consultation includes Patients for Safe AI and two other patient organisations."],
        ],
      },
    ],
  },
  {
    slug: "pilot-coordination",
    zone: "Asia/Ho_Chi_Minh",
    organiser: "minh",
    meetings: [
      {
        title: "Fortnightly coordination — end of silent mode at H1 and PC2",
        day: -16,
        from: "09:00",
        to: "10:30",
        videoUrl: "https://meet.example.org/pilot-coordination",
        agenda: `1. Action log
2. Silent-mode results at H1 (hospital) and PC2 (primary-care station)
3. Open incidents and alerts by site
4. Preparation of the Q3 quarterly pilot report`,
        minutes: {
          by: "editor",
          attended: ["minh", "editor", "chair"],
          text: `*Sites are pseudonymised (H = hospital, PC = primary-care station). No patient-identifiable data is recorded here.*

## 2. Silent mode
- **H1:** 12 weeks, 1,140 eligible cases; sensitivity within the pre-specified margin of the local-validation report. Ready for the go-live review.
- **PC2:** 9 weeks, 212 eligible cases; below the minimum of 300 cases. Silent mode continues.

## 3. Incidents
One Level 2 alert at PC1 (data feed interrupted for 36 hours); corrected by the site, no clinical impact. Closed.

## 4. Q3 report
Editor to consolidate the site submissions; small cells (< 5) suppressed.`,
        },
      },
      {
        title: "Fortnightly coordination — Q3 quarterly report draft",
        day: -2,
        from: "09:00",
        to: "10:30",
        videoUrl: "https://meet.example.org/pilot-coordination",
        agenda: `1. Action log
2. Draft Q3 quarterly pilot report: indicators by site, incidents, corrective actions
3. Go-live review for H1`,
        minutes: {
          by: "minh",
          attended: ["minh", "editor"],
          text: `**Apologies:** Nguyễn Thị Lan.

The draft Q3 report was reviewed section by section. Comments to the editor by Friday; sign-off planned at the next meeting.

The H1 go-live review is positive; the site's clinical safety officer confirmed the training of all users.`,
        },
      },
      {
        title: "Quarterly pilot report Q3 — sign-off before the steering committee",
        day: 4,
        from: "09:00",
        to: "10:30",
        videoUrl: "https://meet.example.org/pilot-coordination",
        agenda: `1. Final Q3 quarterly pilot report (editor)
2. Aggregation and small-cell suppression check (methods adviser)
3. Recommendation on H2 moving to supervised use
4. Message to the steering committee`,
        answers: { chair: "attending", editor: "attending" },
      },
      {
        title: "Fortnightly coordination — supervised-use readiness at H2",
        day: 18,
        from: "09:00",
        to: "10:30",
        videoUrl: "https://meet.example.org/pilot-coordination",
        agenda: `1. Action log
2. H2 readiness checklist: training, integration tests, data-protection impact assessment
3. User survey after the silent-mode phase`,
      },
    ],
    proposals: [
      {
        title: "Approve the Q2 quarterly pilot report for transmission to the steering committee",
        body: `Approve the **Q2 quarterly pilot report** (indicators aggregated across sites, small cells suppressed) and transmit it to the pilot steering committee.`,
        openedDaysAgo: 60,
        closes: { day: -53, time: "12:00" },
        by: "minh",
        votes: [
          ["minh", "agree"],
          ["editor", "agree"],
          ["chair", "agree", "The incident table is much clearer than in Q1."],
        ],
        outcome: {
          by: "minh",
          daysAgo: 53,
          text: "**Approved.** The Q2 report was transmitted to the steering committee the same day; site-level annexes stay within the group.",
        },
      },
      {
        title: "Recommend that site H2 moves from silent mode to supervised use",
        body: `Recommend to H2's steering committee that the tool moves from silent mode to **supervised use**, subject to the readiness checklist being complete at the next meeting.`,
        openedDaysAgo: 1,
        closes: { day: 5, time: "12:00" },
        by: "minh",
        meeting: 2,
        votes: [["editor", "agree"]],
      },
    ],
  },
  {
    slug: "risk-management",
    zone: "Asia/Kolkata",
    organiser: "ravi",
    meetings: [
      {
        title: "Hazard catalogue — first review",
        day: -21,
        from: "16:00",
        to: "17:30",
        videoUrl: "https://meet.example.org/cop-risk",
        agenda: `1. Structure of the common hazard catalogue
2. Hazards from human–AI interaction: automation bias, alert fatigue
3. Mapping to ISO 14971 and IEC 62304`,
        minutes: {
          by: "sophie",
          attended: ["ravi", "sophie", "daniel"],
          text: `The catalogue will be organised by lifecycle stage. Daniel asked that hazards seen by patients (e.g. delayed referral) be described in plain language. Proposal on human–AI interaction hazards to follow.`,
        },
      },
      {
        title: "Change control for retrained models",
        day: 12,
        from: "16:00",
        to: "17:30",
        videoUrl: "https://meet.example.org/cop-risk",
        agenda: `1. Predetermined change control plans: what changes need a new evaluation
2. Examples from members' authorities`,
        answers: { sophie: "attending" },
      },
    ],
    proposals: [
      {
        title: "Add automation bias and alert fatigue to the common hazard catalogue",
        body: `Add two hazards of human–AI interaction to the catalogue: **automation bias** (over-reliance on the tool's output) and **alert fatigue** (alerts ignored because there are too many).`,
        openedDaysAgo: 4,
        closes: { day: 8, time: "18:00" },
        by: "ravi",
        meeting: 0,
        votes: [
          ["sophie", "agree"],
          ["daniel", "agree", "Patients are the first to suffer from both."],
        ],
      },
    ],
  },
  {
    slug: "post-deployment-monitoring",
    zone: "Europe/Paris",
    organiser: "sophie",
    meetings: [
      {
        title: "Indicateurs de suivi — seuils d’alerte / KPI alert thresholds",
        day: -28,
        from: "10:00",
        to: "11:30",
        videoUrl: "https://meet.example.org/cop-monitoring",
        agenda: `1. Seuils d’alerte par indicateur (sensibilité, taux d’alertes, délai de prise en charge)
2. Alert thresholds for drift in the input data
3. Quarterly KPI reporting template, version 2`,
        minutes: {
          by: "aisha",
          attended: ["sophie", "aisha", "ravi"],
          text: `## Seuils d’alerte
Les seuils sont fixés par rapport à la performance mesurée lors de la validation locale, avec trois niveaux (surveillance, revue, suspension).

## Drift
Input-data drift is monitored monthly with a population stability index; a value above 0.25 triggers a review.

## KPI template
Version 2 of the quarterly template was agreed in substance; a written decision will follow.`,
        },
      },
      {
        title: "Quarterly KPI report template — first reports from the pilot",
        day: 16,
        from: "10:00",
        to: "11:30",
        videoUrl: "https://meet.example.org/cop-monitoring",
        agenda: `1. First quarterly reports using template version 2
2. Confidentiality of site-level indicators
3. Indicators for generative AI tools`,
      },
    ],
    proposals: [
      {
        title: "Adopt the quarterly KPI reporting template (version 2)",
        body: `Adopt **version 2 of the quarterly KPI reporting template**: performance, alert rates, incidents, corrective actions and input-data drift, reported within 30 days of the end of each quarter.`,
        openedDaysAgo: 27,
        closes: { day: -20, time: "18:00" },
        by: "sophie",
        meeting: 0,
        document: "post-deployment-monitoring",
        votes: [
          ["sophie", "agree"],
          ["aisha", "agree"],
          ["ravi", "agree"],
        ],
        outcome: {
          by: "sophie",
          daysAgo: 19,
          text: "**Adopted.** Version 2 of the template applies from the next quarter. / **Adopté.** La version 2 du modèle s’applique dès le prochain trimestre.",
        },
      },
    ],
  },
];

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
