// Demo content of the pilot-coordination group (private): its meetings and proposals.
import type { DemoGroup } from "./types";

export const pilotCoordination: DemoGroup = {
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
};
