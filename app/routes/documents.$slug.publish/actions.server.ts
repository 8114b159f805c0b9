// The publishing page's forms: publish the draft as a new version; withdraw or supersede the
// published document (with a reason, and a successor).
import { data, redirect } from "@remix-run/node";
import { authorize } from "~/policies";
import { parseDocumentForm, publishSchema, statusSchema } from "~/schemas/documents";
import { DOCUMENT_FAILURES, type DocumentReason } from "~/services/documents/failures";
import { changeStatus, chooseSuccessor, publishVersion } from "~/services/documents/publisher.server";
import { throwIfRefused, type WorkspaceForm } from "~/services/documents/workspace.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { explain, replyErrors } from "~/utils/failure.server";
import { publicationPath, versionPath } from "~/utils/paths";
import type { Fail } from "~/utils/result";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";

type Submission = ReturnType<typeof parseDocumentForm>;

/** A service's refusal beside the field it concerns (or heading the form), with what its message names. */
function refused(intent: string, submission: Submission, failure: Fail<DocumentReason> & { detail?: string | number }) {
  throwIfRefused(failure);
  const explained = explain(DOCUMENT_FAILURES, failure);
  const detail = "detail" in failure ? { detail: String(failure.detail ?? "") } : {};
  return data({ intent, result: submission.reply(replyErrors(explained)), ...detail }, { status: explained.status });
}

export async function publishAction({ request, viewer, db, document, resource, form }: WorkspaceForm) {
  authorize(viewer, "document:publish", resource);
  requireSecondFactorIfNeeded(viewer, request);
  const submission = parseDocumentForm(form, publishSchema);
  if (submission.status !== "success") return data({ intent: "publish", result: submission.reply() }, { status: 400 });
  const { version, kind, notes, reviewDue, baseRevision } = submission.value;
  const result = await publishVersion(db, viewer, document, { version, kind, notes, reviewDue, baseRevisionId: baseRevision });
  return result.ok
    ? redirect(versionPath(document.slug, result.value, { published: 1 }))
    : refused("publish", submission, result);
}

/** Withdraws or supersedes the document, once its successor is known and the chair has confirmed. */
async function retire(intent: "withdraw" | "supersede", { request, viewer, db, document, resource, form }: WorkspaceForm) {
  authorize(viewer, "document:withdraw", resource);
  requireSecondFactorIfNeeded(viewer, request);
  const submission = parseDocumentForm(form, statusSchema);
  if (submission.status !== "success") return data({ intent: String(form.intent), result: submission.reply() }, { status: 400 });
  const successor = await chooseSuccessor(db, viewer, document, submission.value.successor, intent === "supersede");
  if (!successor.ok) return refused(intent, submission, successor);
  requireConfirmation(request, form, intent === "withdraw" ? "withdrawDocument" : "supersedeDocument", { title: document.title });
  const result = await changeStatus(db, viewer, document, {
    status: intent === "withdraw" ? "withdrawn" : "superseded",
    reason: submission.value.reason,
    successorId: successor.value,
  });
  return result.ok ? redirect(publicationPath(document.slug)) : refused(intent, submission, result);
}

export const withdrawAction = (context: WorkspaceForm) => retire("withdraw", context);
export const supersedeAction = (context: WorkspaceForm) => retire("supersede", context);
