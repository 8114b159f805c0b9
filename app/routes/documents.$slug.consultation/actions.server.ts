// The consultation page's forms: a chair opens a consultation or closes it early (cancels a
// scheduled one); the drafting team records the disposition of each consultation comment.
import { data, redirect } from "@remix-run/node";
import { authorize } from "~/policies";
import { dispositionSchema, openConsultationSchema, parseDocumentForm } from "~/schemas/documents";
import { closeConsultation, openConsultation, recordDisposition } from "~/services/documents/consultations.server";
import { DOCUMENT_FAILURES, type DocumentReason } from "~/services/documents/failures";
import { throwIfRefused, type WorkspaceForm } from "~/services/documents/workspace.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { explain, replyErrors } from "~/utils/failure.server";
import { badRequest } from "~/utils/http.server";
import { dispositionAnchor, documentPath } from "~/utils/paths";
import type { Fail } from "~/utils/result";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";

type Submission = ReturnType<typeof parseDocumentForm>;

/** A service's refusal, beside the field it concerns (or heading the form); `intent` names the form. */
function refused(intent: string, submission: Submission, failure: Fail<DocumentReason>) {
  throwIfRefused(failure);
  const explained = explain(DOCUMENT_FAILURES, failure);
  return data({ intent, result: submission.reply(replyErrors(explained)) }, { status: explained.status });
}

export async function openAction({ request, viewer, db, document, resource, form }: WorkspaceForm) {
  authorize(viewer, "document:consult", resource);
  const submission = parseDocumentForm(form, openConsultationSchema);
  if (submission.status !== "success") return data({ intent: "open", result: submission.reply() }, { status: 400 });
  requireSecondFactorIfNeeded(viewer, request);
  const { opensOn, closesOn, audience, note } = submission.value;
  const result = await openConsultation(db, viewer, document, { opensOn, closesOn, audience, note });
  return result.ok ? redirect(documentPath(document.slug, "consultation")) : refused("open", submission, result);
}

export async function closeAction({ request, viewer, db, document, resource, form }: WorkspaceForm) {
  authorize(viewer, "document:consult", resource);
  requireSecondFactorIfNeeded(viewer, request);
  requireConfirmation(request, form, "closeConsultation");
  const result = await closeConsultation(db, viewer, document);
  if (result.ok) return redirect(documentPath(document.slug, "consultation", { closed: 1 }));
  throwIfRefused(result);
  const { message, status } = explain(DOCUMENT_FAILURES, result);
  return data({ intent: "close", error: message }, { status });
}

export async function dispositionAction({ viewer, db, document, resource, form }: WorkspaceForm) {
  authorize(viewer, "document:disposition", resource);
  const submission = parseDocumentForm(form, dispositionSchema);
  if (submission.status !== "success")
    return data({ intent: dispositionAnchor(Number(form.comment)), result: submission.reply() }, { status: 400 });
  const { comment, disposition, response } = submission.value;
  const result = await recordDisposition(db, viewer, document, { commentId: comment, disposition, response });
  if (result.ok) return redirect(documentPath(document.slug, "consultation", undefined, dispositionAnchor(comment)));
  if (result.reason === "not_a_consultation_comment") badRequest(result.reason);
  return refused(dispositionAnchor(comment), submission, result);
}
