// The draft page's forms: a comment on a section, a reply to a thread, resolving or reopening a thread.
import { data, redirect } from "@remix-run/node";
import type { FormError } from "~/components/document/comments";
import { newCommentSchema, replySchema, resolveSchema } from "~/schemas/documents";
import { addComment, resolveComment, type CommentInput } from "~/services/documents/comments.server";
import { DOCUMENT_FAILURES } from "~/services/documents/failures";
import { authorizeContribution, throwIfRefused, type WorkspaceForm } from "~/services/documents/workspace.server";
import { explain } from "~/utils/failure.server";
import { badRequest } from "~/utils/http.server";
import { commentAnchor, documentPath } from "~/utils/paths";

/** A comment form sent back with its text and what is wrong with it (the page reopens that form). */
const commentError = (error: FormError) => data({ error }, { status: 400 });

/** Posts a comment or a reply, once the viewer may contribute; `form` names the form on the page. */
async function contribute(context: WorkspaceForm, form: string, input: CommentInput) {
  const { viewer, db, document } = context;
  authorizeContribution(viewer, context.resource, "document:comment");
  const result = await addComment(db, viewer, document, { ...input, body: input.body.trim() });
  if (result.ok) return redirect(documentPath(document.slug, undefined, undefined, commentAnchor(result.value)));
  throwIfRefused(result);
  return commentError({ form, body: input.body, error: explain(DOCUMENT_FAILURES, result).message });
}

/** A form that did not parse: refused as a contribution would be, else sent back with its text. */
function unparsed(context: WorkspaceForm, form: string, issues: Array<{ path: Array<string | number>; message: string }>) {
  authorizeContribution(context.viewer, context.resource, "document:comment");
  const issue = issues.find((i) => i.path[0] === "body");
  return commentError({
    form,
    body: String(context.form.body ?? ""),
    error: issue?.message.startsWith("documents.") ? issue.message : "documents.errors.badForm",
  });
}

export async function commentAction(context: WorkspaceForm) {
  const parsed = newCommentSchema.safeParse(context.form);
  if (!parsed.success) return unparsed(context, `comment-${String(context.form.section ?? "")}`, parsed.error.issues);
  const { section, revision, body } = parsed.data;
  return contribute(context, `comment-${section}`, { revisionId: revision, sectionKey: section, body, parentId: null });
}

export async function replyAction(context: WorkspaceForm) {
  const parsed = replySchema.safeParse(context.form);
  if (!parsed.success) return unparsed(context, `reply-${String(context.form.parent ?? "")}`, parsed.error.issues);
  const { parent, body } = parsed.data;
  return contribute(context, `reply-${parent}`, { revisionId: 0, sectionKey: "", body, parentId: parent });
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
