// Demo community content for the documents capability, seeded after the demo accounts.
//
// The framework for pre-deployment evaluation (published 1.0 from content/) has its next version
// in the works: revisions by both editors and an accepted amendment, section comments (one thread
// resolved, one on a heading that was since reworded), a members' consultation that has closed
// with a disposition for each comment, a declined proposal and one still waiting for a decision.
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { sectionText } from "~/services/documents/sections.server";
import { indexDraft } from "~/services/search/indexers.server";
import { proposalPath } from "~/utils/paths";
import { daysAgo, demoDraft, replaceOnce } from "./document-writer.server";

/** `users` maps demo usernames to their ids. */
export async function seedDemoDocuments(db: Kysely<Database>, users: Map<string, number>): Promise<void> {
  const doc = await db
    .selectFrom("document")
    .select(["id", "slug", "title", "head_revision_id", "group_id"])
    .where("slug", "=", "pre-deployment-evaluation")
    .executeTakeFirst();
  const user = (name: string) => {
    const id = users.get(name);
    if (id === undefined) throw new Error(`demo documents: unknown demo account ${name}`);
    return id;
  };
  if (!doc || doc.head_revision_id === null) return; // a deployment whose content has no such framework

  const draft = await demoDraft(db, doc.id, doc.head_revision_id, user);
  const { save, comment, dispose } = draft;

  // 1. The editor adds what the primary-care pilots taught about local validation.
  const r2 = await save(
    "editor",
    daysAgo(78),
    "Local validation: add the lessons of the primary-care pilot sites",
    replaceOnce(
      draft.head.body_md,
      "Results of local validation can be shared through the network",
      "In primary care, where each practice sees few positive cases, local validation is normally organised across a group of practices that share the same information system and referral pathway; the group is treated as one site for the sample-size calculation, and results are reported per practice where numbers allow.\n\nResults of local validation can be shared through the network",
    ),
  );

  // A member of the group comments on it; the editor answers; the chair resolves the thread.
  const minhThread = await comment(
    "minh",
    daysAgo(76),
    r2,
    "local-validation-on-the-target-population",
    "In our hospital pilot, silent mode for **four weeks** was too short to reach the number of positive cases for the stroke-triage tool. Could the text say that the period is set by the sample size, not by the calendar?",
    { resolvedBy: "chair", resolvedAt: daysAgo(70) },
  );
  await comment(
    "editor",
    daysAgo(75),
    r2,
    "local-validation-on-the-target-population",
    "Agreed — I have reworded point 3 so that the duration follows from the protocol's sample size.",
    {
      parentId: minhThread,
    },
  );

  // 2. The editor follows up on that comment; the chair rewords the heading on generative AI
  //    (its comments stay attached: sections keep their keys across heading edits).
  const r3 = await save(
    "editor",
    daysAgo(74),
    "Silent-mode duration follows from the sample size",
    replaceOnce(
      draft.head.body_md,
      "the tool runs in silent mode for a defined period, typically four to twelve weeks.",
      "the tool runs in silent mode until the sample size set in the protocol is reached, which typically takes four to twelve weeks.",
    ),
  );
  await comment(
    "aisha",
    daysAgo(73),
    r3,
    "generative-ai-and-general-purpose-models",
    "Should this section also cover *foundation models adapted by the deploying organisation itself* (fine-tuning on local records)? Several ministries are considering it.",
  );
  await save(
    "chair",
    daysAgo(71),
    "Generative AI: cover foundation models adapted locally",
    replaceOnce(
      replaceOnce(draft.head.body_md, "### Generative AI and general-purpose models", "### Generative AI and foundation models"),
      "- the underlying model version is fixed, and any change to it is treated as a change requiring impact assessment;",
      "- the underlying model version is fixed, and any change to it is treated as a change requiring impact assessment;\n- where the deploying organisation adapts a foundation model itself (for example by fine-tuning on local records), it carries the manufacturer's responsibilities for the adapted tool;",
    ),
  );

  // 3. A member proposes an amendment to the human-factors section; the editor accepts it.
  const humanFactors = "human-factors-and-usability";
  const baseText = sectionText(draft.head.body_md, draft.headSections, humanFactors)!;
  const proposedText = replaceOnce(
    baseText,
    "- **Training and instructions.** Provided in the users' language, with a competence check before access is granted.",
    "- **Training and instructions.** Provided in the users' language and at a level of health literacy suited to each user group, with a competence check before access is granted and refresher training after each significant update.",
  );
  const { id: acceptedProposal } = await db
    .insertInto("change_proposal")
    .values({
      document_id: doc.id,
      author_id: user("aisha"),
      base_revision_id: draft.head.id,
      section_key: humanFactors,
      section_anchor: humanFactors,
      section_title: "Human factors and usability",
      base_text: baseText,
      proposed_text: proposedText,
      reason:
        "Community health workers in our pilot districts needed shorter, simpler instructions, and nobody was retrained after the vendor's interface changed.",
      created_at: daysAgo(68),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const r5 = await save(
    "aisha",
    daysAgo(66),
    `Change proposal #${acceptedProposal} (Human factors and usability) accepted by James Whitfield`,
    replaceOnce(draft.head.body_md, baseText, proposedText),
    { kind: "proposal", proposalId: acceptedProposal },
  );
  await db
    .updateTable("change_proposal")
    .set({ status: "accepted", decided_by: user("editor"), decided_at: daysAgo(66), applied_revision_id: r5 })
    .where("id", "=", acceptedProposal)
    .execute();

  // 4. A members' consultation, now closed, with a disposition for every comment.
  const { id: consultationId } = await db
    .insertInto("consultation")
    .values({
      document_id: doc.id,
      revision_id: r5,
      audience: "members",
      note: "We would particularly welcome views on local validation in primary care and on generative AI. Please comment section by section.",
      opens_at: daysAgo(60, 8),
      closes_at: daysAgo(30, 23),
      opened_by: user("chair"),
      created_at: daysAgo(60, 8),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const c1 = await comment(
    "member",
    daysAgo(55),
    r5,
    "local-validation-on-the-target-population",
    "The worked example of 139 positive cases is very helpful. Please add that the sample-size calculation should be repeated when the tool is deployed to a population with a clearly different prevalence.",
    { consultationId },
  );
  const c2 = await comment(
    "industry",
    daysAgo(52),
    r5,
    "generative-ai-and-general-purpose-models",
    "Exiger une version figée du modèle sous-jacent est difficile lorsque le fournisseur du modèle le met à jour sans préavis. Nous proposons d'accepter une **fenêtre de validation** de 30 jours après chaque mise à jour.",
    { consultationId },
  );
  const c3 = await comment(
    "ravi",
    daysAgo(47),
    r5,
    "typical-conditions",
    "Human review of every output during an initial period should have a defined length, otherwise sites keep it forever or drop it after a week.",
    { consultationId },
  );
  const c4 = await comment(
    "sophie",
    daysAgo(41),
    r5,
    "reliance-and-work-sharing",
    "La HAS soutient le principe de reliance. Il serait utile de citer les bonnes pratiques de reliance de l'OMS de manière explicite dans la bibliographie.",
    { consultationId },
  );
  await comment(
    "editor",
    daysAgo(40),
    r5,
    "typical-conditions",
    "Thank you — would three months, or the first 500 cases, whichever comes later, match your experience?",
    {
      parentId: c3,
    },
  );
  await comment("ravi", daysAgo(39), r5, "typical-conditions", "Yes, that is what our two pilot hospitals did.", {
    parentId: c3,
  });
  await dispose(c1, "editor", daysAgo(28), "accepted", "Added to point 1 of the local-validation protocol.");
  await dispose(
    c2,
    "chair",
    daysAgo(27),
    "partly_accepted",
    "The version must still be fixed for each evaluation, but an update by the model provider now opens a 30-day window in which the deploying organisation completes an impact assessment, with human review of all outputs in the meantime.",
  );
  await dispose(
    c3,
    "editor",
    daysAgo(27),
    "accepted",
    "The initial period is now three months or the first 500 cases, whichever comes later.",
  );
  await dispose(
    c4,
    "chair",
    daysAgo(26),
    "noted",
    "The WHO good reliance practices are already cited in the section; a bibliography will be added in version 2.0.",
  );

  // 5. The editors answer the consultation in the draft.
  await save(
    "editor",
    daysAgo(24),
    "Address the consultation comments",
    replaceOnce(
      replaceOnce(
        draft.head.body_md,
        "- Human review of every output during an initial period.",
        "- Human review of every output during an initial period of three months or the first 500 cases, whichever comes later.",
      ),
      "1. **Protocol first.** The primary metric, operating point, acceptance criteria, sample size and subgroup analyses are set in a short protocol approved before any data are analysed.",
      "1. **Protocol first.** The primary metric, operating point, acceptance criteria, sample size and subgroup analyses are set in a short protocol approved before any data are analysed. The sample size is recalculated when the target population's prevalence clearly differs from that of earlier validations.",
    ),
  );
  await save(
    "chair",
    daysAgo(22),
    "Model-provider updates: a 30-day impact-assessment window",
    replaceOnce(
      draft.head.body_md,
      "- where the deploying organisation adapts a foundation model itself",
      "- when the model provider updates the underlying model, the deploying organisation completes an impact assessment within 30 days, with human review of all outputs until it is completed;\n- where the deploying organisation adapts a foundation model itself",
    ),
  );

  // An open thread on the current draft, with a reply.
  const open = await comment(
    "aisha",
    daysAgo(12),
    draft.head.id,
    "decision-outcomes",
    "For *Approved for a time-limited pilot*, can we say the pilot lasts 12 to 18 months, as in the network's pilot programme in hospitals and primary care?",
  );
  await comment(
    "chair",
    daysAgo(11),
    draft.head.id,
    "decision-outcomes",
    "Good point; let us discuss it at the next meeting before changing the table.",
    { parentId: open },
  );

  // 6. A proposal declined with a reason, and one waiting for a decision.
  const appealsText = sectionText(draft.head.body_md, draft.headSections, "appeals")!;
  await db
    .insertInto("change_proposal")
    .values({
      document_id: doc.id,
      author_id: user("industry"),
      base_revision_id: draft.head.id,
      section_key: "appeals",
      section_anchor: "appeals",
      section_title: "Appeals",
      base_text: appealsText,
      proposed_text: `${appealsText} The applicant may be heard in person by the evaluation committee.`,
      reason: "Un échange direct éviterait des malentendus sur les preuves soumises.",
      status: "declined",
      decided_by: user("chair"),
      decided_at: daysAgo(8),
      decision_reason: "Hearings are a matter for national procedure; the framework leaves them to each member.",
      created_at: daysAgo(15),
    })
    .execute();
  const conditionsText = sectionText(draft.head.body_md, draft.headSections, "typical-conditions")!;
  const { id: pending } = await db
    .insertInto("change_proposal")
    .values({
      document_id: doc.id,
      author_id: user("minh"),
      base_revision_id: draft.head.id,
      section_key: "typical-conditions",
      section_anchor: "typical-conditions",
      section_title: "Typical conditions",
      base_text: conditionsText,
      proposed_text: replaceOnce(
        conditionsText,
        "- Prompt notification of changes, incidents and field safety actions.",
        "- Prompt notification of changes, incidents and field safety actions.\n- Protection of patient data used in monitoring, with access limited to named staff and reports aggregated before they leave the site.",
      ),
      reason:
        "Our hospital's data protection officer asked that the conditions say how monitoring data stay confidential; the pilot's quarterly reports only use aggregated figures.",
      created_at: daysAgo(5),
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  await indexDraft(db, doc.id);

  // The group was told of the pending proposal; the proposer of the accepted one was told too.
  const group = await db
    .selectFrom("working_group")
    .select("visibility")
    .where("id", "=", doc.group_id)
    .executeTakeFirstOrThrow();
  const privateGroupId = group.visibility === "private" ? doc.group_id : null;
  await db
    .insertInto("notification")
    .values([
      ...["chair", "editor"].map((name) => ({
        user_id: user(name),
        kind: "change_proposal_submitted",
        actor_id: user("minh"),
        title: doc.title,
        excerpt: "Our hospital's data protection officer asked that the conditions say how monitoring data stay confidential.",
        url: proposalPath(doc.slug, pending),
        private_group_id: privateGroupId,
        created_at: daysAgo(5),
      })),
      {
        user_id: user("aisha"),
        kind: "change_proposal_accepted",
        actor_id: user("editor"),
        title: doc.title,
        excerpt: "Human factors and usability",
        url: proposalPath(doc.slug, acceptedProposal),
        private_group_id: privateGroupId,
        created_at: daysAgo(66),
        read_at: daysAgo(65),
      },
    ])
    .execute();
}
