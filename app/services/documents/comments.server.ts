// Comments on the sections of a draft, in threads: adding a comment or a reply, resolving and
// reopening a thread, and the threads as the pages show them.
import { findComment, insertComment, setResolved, threadParticipants, type CommentRow } from "~/models/doc-comment.server";
import { notify } from "~/models/notification.server";
import { findRevisionSource } from "~/models/revision.server";
import { can, type Viewer } from "~/policies";
import { isGroupEditor } from "~/policies/viewer";
import type { DocumentResource } from "~/policies/documents";
import type { DB } from "~/utils/db.server";
import { writeTransaction } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { commentAnchor, documentPath } from "~/utils/paths";
import { fail, ok, type Result } from "~/utils/result";
import type { AccessReason, CommentReason } from "./failures";
import { noticePrivacy } from "./notices.server";
import { consultationStateOf, documentFor, documentNow, type LoadedDocument } from "./resource.server";
import { DOCUMENT_KEY, PREAMBLE_KEY, sectionsOf } from "./sections.server";

export interface CommentInput {
  revisionId: number;
  sectionKey: string;
  body: string;
  parentId: number | null;
}

/**
 * Adds a comment (or a reply to a thread). A first comment made by a reviewer outside the
 * drafting team while a consultation is open belongs to that consultation and will get a
 * disposition.
 */
export async function addComment(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  input: CommentInput,
): Promise<Result<number, AccessReason | CommentReason>> {
  const rendered = renderMarkdown(input.body);
  return writeTransaction(db, async (trx) => {
    const access = await documentFor(trx, viewer, document.id, "document:comment");
    if (!access.ok) return access;
    const { document: doc, consultation } = access.value;
    let sectionKey = input.sectionKey;
    let sectionAnchor = "";
    let sectionTitle = "";
    let revisionId = input.revisionId;
    let parentId: number | null = null;
    let parentAuthorId: number | null = null;
    let consultationId: number | null = null;
    if (input.parentId !== null) {
      const parent = await findComment(trx, doc.id, input.parentId);
      if (!parent) return fail("unknown_parent");
      parentId = parent.parent_id ?? parent.id;
      const root = parent.parent_id ? await findComment(trx, doc.id, parent.parent_id) : parent;
      sectionKey = root!.section_key;
      sectionAnchor = root!.section_anchor;
      sectionTitle = root!.section_title;
      revisionId = root!.revision_id;
      parentAuthorId = root!.author_id;
    } else {
      const revision = await findRevisionSource(trx, doc.id, input.revisionId);
      if (!revision) return fail("unknown_revision");
      if (sectionKey !== DOCUMENT_KEY && sectionKey !== PREAMBLE_KEY) {
        const section = sectionsOf(revision).find((s) => s.key === sectionKey);
        if (!section) return fail("unknown_section");
        sectionAnchor = section.id;
        sectionTitle = section.title;
      }
      if (consultation && !isGroupEditor(viewer, doc.group_id) && consultationStateOf(consultation) === "open") {
        consultationId = consultation.id;
      }
    }
    const id = await insertComment(trx, {
      documentId: doc.id,
      revisionId,
      sectionKey,
      sectionAnchor,
      sectionTitle,
      parentId,
      authorId: viewer.id,
      bodyMd: input.body,
      bodyHtml: rendered.html,
      consultationId,
    });
    if (parentId !== null) {
      const participants = await threadParticipants(trx, parentId);
      await notify(trx, parentAuthorId ? [parentAuthorId, ...participants] : participants, {
        kind: "comment_reply",
        actorId: viewer.id,
        title: doc.title,
        excerpt: input.body,
        url: documentPath(doc.slug, undefined, undefined, commentAnchor(id)),
        ...noticePrivacy(doc),
      });
    }
    return ok(id);
  });
}

/** Resolves a thread (or reopens it): its author or an editor, on a draft they may read. */
export async function resolveComment(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  commentId: number,
  resolved: boolean,
): Promise<Result<undefined, AccessReason>> {
  return writeTransaction(db, async (trx) => {
    const now = await documentNow(trx, document.id);
    const comment = now && (await findComment(trx, now.document.id, commentId));
    if (!now || !comment || comment.parent_id !== null || !can(viewer, "document:read-draft", now.resource))
      return fail("not_found");
    if (!can(viewer, "document:resolve-comment", { document: now.resource, authorId: comment.author_id }))
      return fail("forbidden");
    await setResolved(trx, comment.id, resolved ? viewer.id : null);
    return ok();
  });
}

/** Comments grouped into threads (first comment and replies), with what the viewer may do on each. */
export function buildThreads(comments: CommentRow[], viewer: Viewer | null, resource: DocumentResource) {
  const replies = new Map<number, CommentRow[]>();
  for (const comment of comments) {
    if (comment.parent_id === null) continue;
    const list = replies.get(comment.parent_id) ?? [];
    list.push(comment);
    replies.set(comment.parent_id, list);
  }
  const brief = (c: CommentRow) => ({
    id: c.id,
    authorName: c.author_name,
    authorUsername: c.author_username,
    authorOrganization: c.author_organization,
    authorPending: c.author_status !== "approved",
    bodyHtml: c.body_html,
    createdAt: c.created_at,
  });
  return comments
    .filter((c) => c.parent_id === null)
    .map((c) => ({
      ...brief(c),
      sectionKey: c.section_key,
      sectionTitle: c.section_title,
      sectionAnchor: c.section_anchor,
      revisionId: c.revision_id,
      resolvedAt: c.resolved_at,
      resolverName: c.resolver_name,
      inConsultation: c.consultation_id !== null,
      consultationId: c.consultation_id,
      disposition: c.disposition,
      responseHtml: c.response_html,
      responseMd: c.response_md,
      canResolve: can(viewer, "document:resolve-comment", { document: resource, authorId: c.author_id }),
      replies: (replies.get(c.id) ?? []).map(brief),
    }));
}
