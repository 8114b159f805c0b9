// Deciding a change proposal (accept, decline with a reason) or taking one's own back.
import { data, redirect } from "@remix-run/node";
import type { ProposalRow } from "~/models/change-proposal.server";
import { authorize, can } from "~/policies";
import { acceptSchema, declineSchema, parseDocumentForm } from "~/schemas/documents";
import { segmentsAgainst } from "~/services/documents/diff.server";
import { DOCUMENT_FAILURES, type DocumentReason } from "~/services/documents/failures";
import { acceptProposal, declineProposal, proposalResource, withdrawProposal } from "~/services/documents/proposals.server";
import { throwIfRefused, type WorkspaceForm } from "~/services/documents/workspace.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { explain } from "~/utils/failure.server";
import { proposalPath } from "~/utils/paths";
import type { Fail } from "~/utils/result";

export type ProposalForm = WorkspaceForm & { proposal: ProposalRow };

/** A refusal the page shows above the proposal (the refusals of access answer 404 / 403). */
function refusal(failure: Fail<DocumentReason>) {
  throwIfRefused(failure);
  const { message, status } = explain(DOCUMENT_FAILURES, failure);
  return data({ error: message }, { status });
}

export async function acceptAction(context: ProposalForm) {
  const { viewer, db, document, resource, proposal } = context;
  const submission = parseDocumentForm(context.form, acceptSchema);
  if (submission.status !== "success") return data({ intent: "accept", result: submission.reply() }, { status: 400 });
  authorize(viewer, "document:review-proposal", resource);
  const result = await acceptProposal(db, viewer, document, proposal.id, submission.value.note);
  if (result.ok) {
    const accepted = result.value;
    const applied =
      accepted.status === "accepted" ? { applied: accepted.revisionId, merged: accepted.merged } : { applied: "already" };
    return redirect(proposalPath(document.slug, proposal.id, applied));
  }
  if (result.reason !== "proposal_conflict") return refusal(result);
  return data(
    {
      error: explain(DOCUMENT_FAILURES, result).message,
      conflicts: result.conflicts.map((part) => ({
        proposed: segmentsAgainst(part.base, part.mine),
        current: segmentsAgainst(part.base, part.theirs),
      })),
    },
    { status: 409 },
  );
}

export async function declineAction(context: ProposalForm) {
  const { request, viewer, db, document, resource, proposal, form } = context;
  const submission = parseDocumentForm(form, declineSchema);
  if (submission.status !== "success") return data({ intent: "decline", result: submission.reply() }, { status: 400 });
  authorize(viewer, "document:review-proposal", resource);
  if (!submission.value.reason) {
    const result = submission.reply({ fieldErrors: { reason: ["documents.errors.declineReasonRequired"] } });
    return data({ intent: "decline", result }, { status: 400 });
  }
  requireConfirmation(request, form, "declineProposal");
  const result = await declineProposal(db, viewer, document, proposal.id, submission.value.reason);
  return result.ok ? redirect(proposalPath(document.slug, proposal.id)) : refusal(result);
}

export async function withdrawAction(context: ProposalForm) {
  const { request, viewer, db, document, resource, proposal, form } = context;
  // Only its author may withdraw an open proposal (the service refuses anyone else): ask them only.
  if (can(viewer, "document:withdraw-proposal", proposalResource(resource, proposal)))
    requireConfirmation(request, form, "withdrawProposal");
  const result = await withdrawProposal(db, viewer, document, proposal.id);
  return result.ok ? redirect(proposalPath(document.slug, proposal.id)) : refusal(result);
}
