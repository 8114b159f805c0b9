// The consultation page's forms: a chair opens a consultation or closes it early (cancels a
// scheduled one); the drafting team records the disposition of each consultation comment.
import { data, redirect } from "@remix-run/node";
import { authorize } from "~/policies";
import { dispositionSchema, documentErrors, openConsultationSchema } from "~/schemas/documents";
import { closeConsultation, openConsultation, recordDisposition } from "~/services/documents/consultations.server";
import { DOCUMENT_FAILURES, type DocumentReason } from "~/services/documents/failures";
import { throwIfRefused, type WorkspaceForm } from "~/services/documents/workspace.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { explain } from "~/utils/failure.server";
import { badRequest } from "~/utils/http.server";
import { dispositionAnchor, documentPath } from "~/utils/paths";
import type { Fail } from "~/utils/result";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";

/** A form sent back: which form (`intent`), the message of each field at fault, and what was typed. */
function sentBack(intent: string, errors: Record<string, string>, values: Record<string, FormDataEntryValue>, status = 400) {
  return data({ intent, errors, values: values as Record<string, string> }, { status });
}

/** A service's refusal, beside the field it concerns (or heading the form). */
function refused(intent: string, failure: Fail<DocumentReason>, values: Record<string, FormDataEntryValue>) {
  throwIfRefused(failure);
  const { field, message, status } = explain(DOCUMENT_FAILURES, failure);
  return sentBack(intent, { [field ?? "form"]: message }, values, status);
}

export async function openAction({ request, viewer, db, document, resource, form }: WorkspaceForm) {
  authorize(viewer, "document:consult", resource);
  const parsed = openConsultationSchema.safeParse(form);
  if (!parsed.success) return sentBack("open", documentErrors(parsed.error.issues), form);
  requireSecondFactorIfNeeded(viewer, request);
  const { opensOn, closesOn, audience, note } = parsed.data;
  const result = await openConsultation(db, viewer, document, { opensOn, closesOn, audience, note });
  return result.ok ? redirect(documentPath(document.slug, "consultation")) : refused("open", result, form);
}

export async function closeAction({ request, viewer, db, document, resource, form }: WorkspaceForm) {
  authorize(viewer, "document:consult", resource);
  requireSecondFactorIfNeeded(viewer, request);
  requireConfirmation(request, form, "closeConsultation");
  const result = await closeConsultation(db, viewer, document);
  return result.ok ? redirect(documentPath(document.slug, "consultation", { closed: 1 })) : refused("close", result, {});
}

export async function dispositionAction({ viewer, db, document, resource, form }: WorkspaceForm) {
  authorize(viewer, "document:disposition", resource);
  const parsed = dispositionSchema.safeParse(form);
  if (!parsed.success) return sentBack("disposition", documentErrors(parsed.error.issues), form);
  const { comment, disposition, response } = parsed.data;
  const result = await recordDisposition(db, viewer, document, { commentId: comment, disposition, response });
  if (result.ok) return redirect(documentPath(document.slug, "consultation", undefined, dispositionAnchor(comment)));
  if (result.reason === "not_a_consultation_comment") badRequest(result.reason);
  return refused(dispositionAnchor(comment), result, form);
}
