// The publishing page's forms: publish the draft as a new version; withdraw or supersede the
// published document (with a reason, and a successor).
import { data, redirect } from "@remix-run/node";
import { authorize } from "~/policies";
import { documentErrors, publishSchema, statusSchema } from "~/schemas/documents";
import { DOCUMENT_FAILURES, type DocumentReason } from "~/services/documents/failures";
import { changeStatus, chooseSuccessor, publishVersion } from "~/services/documents/publisher.server";
import { throwIfRefused, type WorkspaceForm } from "~/services/documents/workspace.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { explain } from "~/utils/failure.server";
import { publicationPath, versionPath } from "~/utils/paths";
import type { Fail } from "~/utils/result";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";

type Values = Record<string, string>;

/** A service's refusal beside the field it concerns (or heading the form), with what its message names. */
function refused(intent: string, failure: Fail<DocumentReason> & { detail?: string | number }, values: Values) {
  throwIfRefused(failure);
  const { field, message, status } = explain(DOCUMENT_FAILURES, failure);
  const detail = "detail" in failure ? { detail: String(failure.detail ?? "") } : {};
  return data({ intent, errors: { [field ?? "form"]: message }, ...detail, values }, { status });
}

export async function publishAction({ request, viewer, db, document, resource, form }: WorkspaceForm) {
  const values = form as Values;
  authorize(viewer, "document:publish", resource);
  requireSecondFactorIfNeeded(viewer, request);
  const parsed = publishSchema.safeParse(form);
  if (!parsed.success) return data({ intent: "publish", errors: documentErrors(parsed.error.issues), values }, { status: 400 });
  const { version, kind, notes, reviewDue, baseRevision } = parsed.data;
  const result = await publishVersion(db, viewer, document, { version, kind, notes, reviewDue, baseRevisionId: baseRevision });
  return result.ok ? redirect(versionPath(document.slug, result.value, { published: 1 })) : refused("publish", result, values);
}

/** Withdraws or supersedes the document, once its successor is known and the chair has confirmed. */
async function retire(intent: "withdraw" | "supersede", { request, viewer, db, document, resource, form }: WorkspaceForm) {
  const values = form as Values;
  authorize(viewer, "document:withdraw", resource);
  requireSecondFactorIfNeeded(viewer, request);
  const parsed = statusSchema.safeParse(form);
  if (!parsed.success)
    return data({ intent: String(form.intent), errors: documentErrors(parsed.error.issues), values }, { status: 400 });
  const successor = await chooseSuccessor(db, viewer, document, parsed.data.successor, intent === "supersede");
  if (!successor.ok) return refused(intent, successor, values);
  requireConfirmation(request, form, intent === "withdraw" ? "withdrawDocument" : "supersedeDocument", { title: document.title });
  const result = await changeStatus(db, viewer, document, {
    status: intent === "withdraw" ? "withdrawn" : "superseded",
    reason: parsed.data.reason,
    successorId: successor.value,
  });
  return result.ok ? redirect(publicationPath(document.slug)) : refused(intent, result, values);
}

export const withdrawAction = (context: WorkspaceForm) => retire("withdraw", context);
export const supersedeAction = (context: WorkspaceForm) => retire("supersede", context);
