// The editor's two buttons: save the draft (merged with what others saved since, or sent back as a
// conflict), or preview it.
import { data, redirect } from "@remix-run/node";
import { segmentsAgainst, type Segment } from "~/services/documents/diff.server";
import { DOCUMENT_FAILURES } from "~/services/documents/failures";
import { draftProblem, saveDraft } from "~/services/documents/saver.server";
import { throwIfRefused, type WorkspaceForm } from "~/services/documents/workspace.server";
import { explain } from "~/utils/failure.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { documentPath } from "~/utils/paths";

/** The editor's text as sent, kept in the form whatever happens. */
export interface Kept {
  body: string;
  message: string;
  baseRevision: string;
}

export interface ConflictView {
  head: { id: number; body: string; createdAt: string; authorName: string | null };
  parts: Array<{ mine: Segment[]; theirs: Segment[]; base: string }>;
}

export async function previewAction(_context: WorkspaceForm, kept: Kept) {
  const problem = draftProblem(kept.body);
  return data({
    ...kept,
    preview: problem === "too_large" ? "" : renderMarkdown(kept.body).html,
    errors: problem === "too_large" ? { body: DOCUMENT_FAILURES.too_large.message } : undefined,
  });
}

export async function saveAction(context: WorkspaceForm, kept: Kept) {
  const { viewer, db, document } = context;
  const { body, message, baseRevision } = kept;
  const problem = draftProblem(body);
  if (problem) return data({ ...kept, errors: { body: DOCUMENT_FAILURES[problem].message } }, { status: 400 });
  const baseRevisionId = /^[1-9][0-9]{0,15}$/.test(baseRevision) ? Number(baseRevision) : NaN;
  if (!Number.isSafeInteger(baseRevisionId))
    return data({ ...kept, errors: { form: DOCUMENT_FAILURES.unknown_base.message } }, { status: 400 });
  const result = await saveDraft(db, viewer, { documentId: document.id, body, message: message.trim(), baseRevisionId });
  if (result.ok) {
    const saved = result.value;
    if (saved.status === "unchanged") return redirect(documentPath(document.slug, undefined, { unchanged: 1 }));
    const query = saved.merged ? { saved: saved.revisionId, merged: 1, from: saved.headBefore } : { saved: saved.revisionId };
    return redirect(documentPath(document.slug, undefined, query));
  }
  if (result.reason === "conflict") {
    const conflict: ConflictView = {
      head: result.head,
      parts: result.conflicts.map((part) => ({
        mine: segmentsAgainst(part.base, part.mine),
        theirs: segmentsAgainst(part.base, part.theirs),
        base: part.base,
      })),
    };
    return data({ ...kept, conflict }, { status: 409 });
  }
  throwIfRefused(result);
  const { message: error, status } = explain(DOCUMENT_FAILURES, result);
  return data({ ...kept, errors: { form: error } }, { status });
}
