// Change proposals: a reader proposes a new text for one section with a reason; an editor accepts it
// (applied as a revision credited to the proposer) or declines it with a reason; the proposer may
// take it back while it is open.
import { decideProposal, findProposal, insertProposal, type ProposalRow } from "~/models/change-proposal.server";
import { notify } from "~/models/notification.server";
import { findRevisionSource } from "~/models/revision.server";
import { can, type Viewer } from "~/policies";
import type { DocumentResource, ProposalResource } from "~/policies/documents";
import type { DB, Tx } from "~/utils/db.server";
import { writeTransaction } from "~/utils/db.server";
import { proposalPath } from "~/utils/paths";
import { fail, ok, type Fail, type Result } from "~/utils/result";
import type { ConflictPart } from "./diff.server";
import type { AccessReason, SaveReason, SectionReason } from "./failures";
import { auditDocument, groupMemberIds, noticePrivacy } from "./notices.server";
import { consultationStateOf, documentFor, documentNow, type LoadedDocument } from "./resource.server";
import { commitDraft } from "./saver.server";
import { replaceSection, sectionText, sectionsOf } from "./sections.server";

/** What the policies need to know about a proposal. */
export const proposalResource = (document: DocumentResource, proposal: Pick<ProposalRow, "author_id" | "status">) =>
  ({ document, authorId: proposal.author_id, status: proposal.status }) satisfies ProposalResource;

export async function submitProposal(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  input: { baseRevisionId: number; sectionKey: string; text: string; reason: string },
): Promise<Result<number, AccessReason | SectionReason | "unchanged">> {
  return writeTransaction(db, async (trx) => {
    const access = await documentFor(trx, viewer, document.id, "document:propose");
    if (!access.ok) return access;
    const { document: doc, consultation } = access.value;
    const base = await findRevisionSource(trx, doc.id, input.baseRevisionId);
    if (!base) return fail("unknown_revision");
    const sections = sectionsOf(base);
    const baseText = sectionText(base.body_md, sections, input.sectionKey);
    if (baseText === undefined) return fail("unknown_section");
    if (baseText === input.text.replace(/\r\n?/g, "\n").replace(/\s+$/, "")) return fail("unchanged");
    const section = sections.find((s) => s.key === input.sectionKey);
    const open = consultation && consultationStateOf(consultation) === "open";
    const id = await insertProposal(trx, {
      documentId: doc.id,
      authorId: viewer.id,
      baseRevisionId: base.id,
      sectionKey: input.sectionKey,
      sectionAnchor: section?.id ?? "",
      sectionTitle: section?.title ?? "",
      baseText,
      proposedText: input.text.replace(/\r\n?/g, "\n"),
      reason: input.reason,
      consultationId: open ? consultation!.id : null,
    });
    await notify(trx, await groupMemberIds(trx, doc.group_id, ["chair", "editor"]), {
      kind: "change_proposal_submitted",
      actorId: viewer.id,
      title: doc.title,
      excerpt: input.reason,
      url: proposalPath(doc.slug, id),
      ...noticePrivacy(doc),
    });
    return ok(id);
  });
}

/**
 * The open proposal an editor decides on, with the document as it stands: not_found when either is
 * gone, forbidden for anyone but the document's reviewers, proposal_closed once it was decided.
 */
async function openProposal(trx: Tx, viewer: Viewer, documentId: number, proposalId: number) {
  const now = await documentNow(trx, documentId);
  const proposal = now && (await findProposal(trx, documentId, proposalId));
  if (!now || !proposal) return fail("not_found");
  if (can(viewer, "document:decide-proposal", proposalResource(now.resource, proposal))) return ok({ ...now, proposal });
  return fail(can(viewer, "document:review-proposal", now.resource) ? "proposal_closed" : "forbidden");
}

/** The proposer hears of the decision on their proposal (a proposal of a former member is decided in silence). */
async function tellProposer(
  trx: Tx,
  viewer: Viewer,
  document: LoadedDocument,
  proposal: Pick<ProposalRow, "id" | "author_id">,
  kind: "change_proposal_accepted" | "change_proposal_declined",
  excerpt: string,
) {
  if (!proposal.author_id) return;
  await notify(trx, [proposal.author_id], {
    kind,
    actorId: viewer.id,
    title: document.title,
    excerpt,
    url: proposalPath(document.slug, proposal.id),
    ...noticePrivacy(document),
  });
}

export type Accepted = { status: "accepted"; revisionId: number; merged: boolean } | { status: "already_applied" };

/**
 * Applies a proposal as a revision credited to its proposer: the section is replaced in the
 * revision the proposer read, then merged with the current draft like any stale save. If the
 * section changed meanwhile in a way that overlaps the proposal, nothing is applied
 * ("proposal_conflict", with the overlapping parts).
 */
export async function acceptProposal(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  proposalId: number,
  note: string,
): Promise<
  | Result<Accepted, AccessReason | "proposal_closed" | SectionReason | SaveReason>
  | Fail<"proposal_conflict", { conflicts: ConflictPart[] }>
> {
  return writeTransaction(db, async (trx) => {
    const decision = await openProposal(trx, viewer, document.id, proposalId);
    if (!decision.ok) return decision;
    const { document: doc, proposal } = decision.value;
    const base = await findRevisionSource(trx, doc.id, proposal.base_revision_id);
    if (!base) return fail("unknown_revision");
    const proposedBody = replaceSection(base.body_md, sectionsOf(base), proposal.section_key, proposal.proposed_text);
    if (proposedBody === undefined) return fail("unknown_section");
    const title = proposal.section_title || proposal.section_key;
    const outcome = await commitDraft(trx, {
      documentId: doc.id,
      authorId: proposal.author_id,
      body: proposedBody,
      baseRevisionId: base.id,
      message: `Change proposal #${proposal.id} (${title}) accepted by ${viewer.displayName}${note ? `: ${note}` : ""}`.slice(
        0,
        500,
      ),
      kind: "proposal",
      proposalId: proposal.id,
    });
    if (!outcome.ok) return outcome.reason === "conflict" ? fail("proposal_conflict", { conflicts: outcome.conflicts }) : outcome;
    const saved = outcome.value;
    await decideProposal(trx, proposal.id, {
      status: "accepted",
      by: viewer.id,
      reason: note,
      appliedRevisionId: saved.revisionId,
    });
    await auditDocument(trx, viewer, "document.proposal.accept", ["change_proposal", proposal.id], {
      revisionId: saved.revisionId,
    });
    if (proposal.author_id) {
      // The notice names the revision the proposal became by its number in the document (#N).
      const applied =
        saved.status === "saved"
          ? await trx.selectFrom("revision").select("number").where("id", "=", saved.revisionId).executeTakeFirst()
          : undefined;
      const excerpt = note || proposal.section_title;
      await tellProposer(
        trx,
        viewer,
        doc,
        proposal,
        "change_proposal_accepted",
        applied ? `#${applied.number} · ${excerpt}` : excerpt,
      );
    }
    return ok<Accepted>(
      saved.status === "unchanged"
        ? { status: "already_applied" }
        : { status: "accepted", revisionId: saved.revisionId, merged: saved.merged },
    );
  });
}

export async function declineProposal(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  proposalId: number,
  reason: string,
): Promise<Result<undefined, AccessReason | "proposal_closed">> {
  return writeTransaction(db, async (trx) => {
    const decision = await openProposal(trx, viewer, document.id, proposalId);
    if (!decision.ok) return decision;
    const { document: doc, proposal } = decision.value;
    await decideProposal(trx, proposal.id, { status: "declined", by: viewer.id, reason });
    await auditDocument(trx, viewer, "document.proposal.decline", ["change_proposal", proposal.id], { reason });
    await tellProposer(trx, viewer, doc, proposal, "change_proposal_declined", reason);
    return ok();
  });
}

/** The proposer takes their own open proposal back. */
export async function withdrawProposal(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  proposalId: number,
): Promise<Result<undefined, "not_found" | "proposal_closed" | "not_proposer">> {
  return writeTransaction(db, async (trx) => {
    const now = await documentNow(trx, document.id);
    const proposal = now && (await findProposal(trx, document.id, proposalId));
    if (!now || !proposal) return fail("not_found");
    if (!can(viewer, "document:withdraw-proposal", proposalResource(now.resource, proposal)))
      return fail(proposal.author_id === viewer.id ? "proposal_closed" : "not_proposer");
    await decideProposal(trx, proposal.id, { status: "withdrawn", by: viewer.id });
    return ok();
  });
}
