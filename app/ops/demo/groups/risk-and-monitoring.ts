// Demo content of the risk-management and post-deployment-monitoring groups: their meetings and
// proposals.
import type { DemoGroup } from "./types";

export const riskManagement: DemoGroup = {
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
};

export const postDeploymentMonitoring: DemoGroup = {
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
};
