// Demo content of the technical working group on evaluation procedures: its meetings (minuted and
// coming up) and its proposals.
import type { DemoGroup } from "./types";

export const evaluationProcedures: DemoGroup = {
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
};
