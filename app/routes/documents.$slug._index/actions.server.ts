// The draft page's forms: a comment on a section, a reply to a thread, resolving or reopening a thread.
import { data, redirect } from "@remix-run/node";
import { newCommentSchema, parseDocumentForm, replySchema, resolveSchema } from "~/schemas/documents";
import { addComment, resolveComment, type CommentInput } from "~/services/documents/comments.server";
import { DOCUMENT_FAILURES } from "~/services/documents/failures";
import { authorizeContribution, throwIfRefused, type WorkspaceForm } from "~/services/documents/workspace.server";
import { explain } from "~/utils/failure.server";
import { badRequest } from "~/utils/http.server";
import { commentAnchor, documentPath } from "~/utils/paths";

type Submission = ReturnType<typeof parseDocumentForm>;

/** A comment form sent back with its text and the message beside it (the page reopens that form, `form`). */
const sentBack = (form: string, submission: Submission, message: string) =>
  data({ form, result: submission.reply({ fieldErrors: { body: [message] } }) }, { status: 400 });

/** Posts a comment or a reply, once the viewer may contribute. */
async function contribute(context: WorkspaceForm, form: string, submission: Submission, input: CommentInput) {
  const { viewer, db, document } = context;
  authorizeContribution(viewer, context.resource, "document:comment");
  const result = await addComment(db, viewer, document, { ...input, body: input.body.trim() });
  if (result.ok) return redirect(documentPath(document.slug, undefined, undefined, commentAnchor(result.value)));
  throwIfRefused(result);
  return sentBack(form, submission, explain(DOCUMENT_FAILURES, result).message);
}

/**
 * A form that did not parse: refused as a contribution would be, else sent back with its text and
 * the body's message (a fault of the hidden fields reads as "documents.errors.badForm").
 */
function unparsed(context: WorkspaceForm, form: string, submission: Submission) {
  authorizeContribution(context.viewer, context.resource, "document:comment");
  const bodyError = "error" in submission ? submission.error?.body?.[0] : undefined;
  return sentBack(form, submission, bodyError ?? "documents.errors.badForm");
}

export async function commentAction(context: WorkspaceForm) {
  const submission = parseDocumentForm(context.form, newCommentSchema);
  if (submission.status !== "success") return unparsed(context, `comment-${String(context.form.section ?? "")}`, submission);
  const { section, revision, body } = submission.value;
  return contribute(context, `comment-${section}`, submission, {
    revisionId: revision,
    sectionKey: section,
    body,
    parentId: null,
  });
}

export async function replyAction(context: WorkspaceForm) {
  const submission = parseDocumentForm(context.form, replySchema);
  if (submission.status !== "success") return unparsed(context, `reply-${String(context.form.parent ?? "")}`, submission);
  const { parent, body } = submission.value;
  return contribute(context, `reply-${parent}`, submission, { revisionId: 0, sectionKey: "", body, parentId: parent });
}

/** Resolves a thread, or reopens it (intents "resolve" and "reopen"). */
export async function resolveAction(context: WorkspaceForm) {
  const parsed = resolveSchema.safeParse(context.form);
  if (!parsed.success) badRequest();
  const { viewer, db, document } = context;
  const result = await resolveComment(db, viewer, document, parsed.data.comment, parsed.data.intent === "resolve");
  if (!result.ok) throwIfRefused(result);
  return redirect(documentPath(document.slug, undefined, undefined, commentAnchor(parsed.data.comment)));
}
