// The guidance-document workspace: loading a document with what the viewer may do, creating
// documents, comments, change proposals, consultations and dispositions.
import type { Language } from "~/domain/vocabulary";
import type { ConsultationAudience, Disposition } from "~/domain/vocabulary";
import { recordAudit } from "~/models/audit.server";
import { decideProposal, findProposal, insertProposal } from "~/models/change-proposal.server";
import { closeConsultationNow, insertConsultation, latestConsultation, type ConsultationRow } from "~/models/consultation.server";
import {
  findComment,
  insertComment,
  setDisposition,
  setResolved,
  threadParticipants,
  type CommentRow,
} from "~/models/doc-comment.server";
import { findDocumentBySlug, listTranslationSources, slugTaken } from "~/models/document.server";
import { notify } from "~/models/notification.server";
import { findRevisionSource, insertRevision } from "~/models/revision.server";
import { can, groupRole, readableScope, type Viewer } from "~/policies";
import { consultationState, type DocumentResource } from "~/policies/documents";
import { redirect } from "@remix-run/node";
import { getViewer, requireViewer } from "~/utils/auth.server";
import type { DB } from "~/utils/db.server";
import { getDb, writeTransaction } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { latestPublished } from "./document-publisher.server";
import { indexDraft } from "./search-indexers.server";
import { commitDraft, type SaveOutcome } from "./document-saver.server";
import { DOCUMENT_KEY, PREAMBLE_KEY, renderRevision, replaceSection, sectionText, sectionsOf } from "./document-sections.server";

export type LoadedDocument = NonNullable<Awaited<ReturnType<typeof findDocumentBySlug>>>;

export function documentResource(document: LoadedDocument, consultation: ConsultationRow | undefined | null): DocumentResource {
  return {
    kind: "document",
    groupId: document.group_id,
    groupVisibility: document.group_visibility,
    status: document.status,
    consultation: consultation
      ? { audience: consultation.audience, opensAt: consultation.opens_at, closesAt: consultation.closes_at }
      : null,
  };
}

export function documentPermissions(viewer: Viewer | null, resource: DocumentResource) {
  return {
    readDraft: can(viewer, "document:read-draft", resource),
    edit: can(viewer, "document:edit", resource),
    manage: can(viewer, "document:manage", resource),
    comment: can(viewer, "document:comment", resource),
    propose: can(viewer, "document:propose", resource),
    reviewProposals: can(viewer, "document:review-proposal", resource),
    consult: can(viewer, "document:consult", resource),
    disposition: can(viewer, "document:disposition", resource),
    publish: can(viewer, "document:publish", resource),
    withdraw: can(viewer, "document:withdraw", resource),
  };
}

export type DocumentPermissions = ReturnType<typeof documentPermissions>;

/**
 * A document by slug with its latest consultation and the viewer's permissions. Unknown slugs and
 * documents of groups the viewer may not read answer 404.
 */
export async function loadDocument(db: DB, viewer: Viewer | null, slug: string) {
  const document = await findDocumentBySlug(db, slug);
  if (!document) notFound();
  if (!can(viewer, "document:read-published", { kind: "group", id: document.group_id, visibility: document.group_visibility }))
    notFound();
  const consultation = (await latestConsultation(db, document.id)) ?? null;
  const resource = documentResource(document, consultation);
  return { document, consultation, resource, permissions: documentPermissions(viewer, resource) };
}

/** Where the draft stands, derived from its consultations and publications. */
export function draftStage(
  consultation: Pick<ConsultationRow, "opens_at" | "closes_at"> | null,
  lastPublishedAt: string | null,
  now = Date.now(),
): "working_draft" | "consultation" | "final_draft" {
  if (!consultation) return "working_draft";
  const state = consultationState({ opensAt: consultation.opens_at, closesAt: consultation.closes_at }, now);
  if (state === "open") return "consultation";
  if (state === "closed" && (!lastPublishedAt || consultation.closes_at > lastPublishedAt)) return "final_draft";
  return "working_draft";
}

const groupMemberIds = async (db: DB, groupId: number, roles?: Array<"chair" | "editor" | "member">) => {
  let query = db
    .selectFrom("group_membership")
    .innerJoin("user", "user.id", "group_membership.user_id")
    .select("user.id")
    .where("group_membership.group_id", "=", groupId)
    .where("user.status", "=", "approved");
  if (roles) query = query.where("group_membership.role", "in", roles);
  return (await query.execute()).map((row) => row.id);
};

const privacyOf = (document: LoadedDocument) => ({
  privateGroupId: document.group_visibility === "private" ? document.group_id : null,
  membersOnly: false,
});

// ---------------------------------------------------------------------------------------------
// Creating a document

export interface NewDocumentInput {
  groupId: number;
  slug: string;
  title: string;
  summary: string;
  language: Language;
  tags: string[];
  body: string;
  /** The document this one translates (its family's source), if any. */
  translationOfId: number | null;
}

export async function createDocument(db: DB, viewer: Viewer, input: NewDocumentInput) {
  return writeTransaction(db, async (trx) => {
    if (await slugTaken(trx, input.slug)) return { ok: false as const, reason: "slug_taken" as const };
    let familyId: number | null = null;
    if (input.translationOfId !== null) {
      const source = await trx
        .selectFrom("document")
        .select(["id", "family_id"])
        .where("id", "=", input.translationOfId)
        .executeTakeFirst();
      if (!source) return { ok: false as const, reason: "unknown_source" as const };
      familyId = source.family_id ?? source.id;
      const sameLanguage = await trx
        .selectFrom("document")
        .select("id")
        .where("family_id", "=", familyId)
        .where("language", "=", input.language)
        .executeTakeFirst();
      if (sameLanguage) return { ok: false as const, reason: "language_taken" as const };
    }
    const now = new Date().toISOString();
    const { id } = await trx
      .insertInto("document")
      .values({
        slug: input.slug,
        group_id: input.groupId,
        title: input.title,
        summary: input.summary,
        language: input.language,
        tags: JSON.stringify(input.tags),
        status: "working_draft",
        created_by: viewer.id,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rendered = renderRevision(input.body, null);
    const revisionId = await insertRevision(trx, {
      documentId: id,
      parentId: null,
      authorId: viewer.id,
      message: "",
      body: rendered.body,
      html: rendered.html,
      toc: rendered.toc,
      sections: rendered.sections,
      kind: "create",
      charsAdded: rendered.body.length,
      charsRemoved: 0,
      createdAt: now,
    });
    await trx
      .updateTable("document")
      .set({ head_revision_id: revisionId, family_id: familyId ?? id })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "document.create",
      subjectType: "document",
      subjectId: id,
      data: { slug: input.slug, groupId: input.groupId },
    });
    await indexDraft(trx, id);
    return { ok: true as const, id };
  });
}

/**
 * The originals a document may be declared a translation of, for the creation and settings forms:
 * those the viewer may link to ("document:link-translation": they edit or chair in the original's
 * group), plus the one it already translates (kept when its settings are saved unchanged).
 * `choose` turns the submitted slug into the original's id, or the reason it is refused.
 */
export async function translationSources(db: DB, viewer: Viewer | null, document?: { id: number; family_id: number | null }) {
  const all = await listTranslationSources(db, readableScope(viewer), document?.id);
  const current = document?.family_id ?? null;
  const linkable = (source: (typeof all)[number]) =>
    source.id === current ||
    can(viewer, "document:link-translation", { kind: "group", id: source.group_id, visibility: source.group_visibility });
  const choose = (slug: string): { ok: true; id: number | null } | { ok: false; reason: "unknown_source" | "link_forbidden" } => {
    if (!slug) return { ok: true, id: null };
    const source = all.find((s) => s.slug === slug);
    if (!source) return { ok: false, reason: "unknown_source" };
    if (!linkable(source)) return { ok: false, reason: "link_forbidden" };
    return { ok: true, id: source.id };
  };
  return {
    offered: all.filter(linkable).map((s) => ({ id: s.id, slug: s.slug, title: s.title, language: s.language })),
    choose,
  };
}

export interface SettingsInput {
  title: string;
  summary: string;
  tags: string[];
  /** The source document this one translates; null: not a translation. */
  translationOfId: number | null;
}

/**
 * Title, summary, tags and the translation link. The title, summary and tags are the workspace's:
 * public pages show those of the latest published version until a chair publishes again.
 * The caller has checked that the viewer may link to the chosen original (translationSources).
 */
export async function updateSettings(db: DB, viewer: Viewer, document: LoadedDocument, input: SettingsInput) {
  return writeTransaction(db, async (trx) => {
    let familyId = document.family_id ?? document.id;
    const isSourceOfOthers =
      familyId === document.id &&
      (await trx
        .selectFrom("document")
        .select("id")
        .where("family_id", "=", document.id)
        .where("id", "!=", document.id)
        .executeTakeFirst()) !== undefined;
    if (input.translationOfId === null) {
      if (familyId !== document.id && !isSourceOfOthers) familyId = document.id;
    } else {
      if (input.translationOfId === document.id) return { ok: false as const, reason: "self" as const };
      if (isSourceOfOthers) return { ok: false as const, reason: "is_source" as const };
      const source = await trx
        .selectFrom("document")
        .select(["id", "family_id"])
        .where("id", "=", input.translationOfId)
        .executeTakeFirst();
      if (!source) return { ok: false as const, reason: "unknown_source" as const };
      const targetFamily = source.family_id ?? source.id;
      if (targetFamily !== familyId) {
        const sameLanguage = await trx
          .selectFrom("document")
          .select("id")
          .where("family_id", "=", targetFamily)
          .where("language", "=", document.language)
          .where("id", "!=", document.id)
          .executeTakeFirst();
        if (sameLanguage) return { ok: false as const, reason: "language_taken" as const };
        familyId = targetFamily;
      }
    }
    await trx
      .updateTable("document")
      .set({
        title: input.title,
        summary: input.summary,
        tags: JSON.stringify(input.tags),
        family_id: familyId,
        updated_at: new Date().toISOString(),
      })
      .where("id", "=", document.id)
      .execute();
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "document.settings",
      subjectType: "document",
      subjectId: document.id,
      data: { before: { title: document.title, familyId: document.family_id }, after: { title: input.title, familyId } },
    });
    // The draft's entries take the new title; the published ones keep the published title and
    // summary until a chair publishes the next version (which reindexes them).
    await indexDraft(trx, document.id);
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Comments

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
  context: { document: LoadedDocument; consultation: ConsultationRow | null },
  input: CommentInput,
) {
  const { document, consultation } = context;
  const rendered = renderMarkdown(input.body);
  return writeTransaction(db, async (trx) => {
    let sectionKey = input.sectionKey;
    let sectionAnchor = "";
    let sectionTitle = "";
    let revisionId = input.revisionId;
    let parentId: number | null = null;
    let parentAuthorId: number | null = null;
    let consultationId: number | null = null;
    if (input.parentId !== null) {
      const parent = await findComment(trx, document.id, input.parentId);
      if (!parent) return { ok: false as const, reason: "unknown_parent" as const };
      parentId = parent.parent_id ?? parent.id;
      const root = parent.parent_id ? await findComment(trx, document.id, parent.parent_id) : parent;
      sectionKey = root!.section_key;
      sectionAnchor = root!.section_anchor;
      sectionTitle = root!.section_title;
      revisionId = root!.revision_id;
      parentAuthorId = root!.author_id;
    } else {
      const revision = await findRevisionSource(trx, document.id, input.revisionId);
      if (!revision) return { ok: false as const, reason: "unknown_revision" as const };
      if (sectionKey !== DOCUMENT_KEY && sectionKey !== PREAMBLE_KEY) {
        const section = sectionsOf(revision).find((s) => s.key === sectionKey);
        if (!section) return { ok: false as const, reason: "unknown_section" as const };
        sectionAnchor = section.id;
        sectionTitle = section.title;
      }
      const role = groupRole(viewer, document.group_id);
      const drafting = role === "chair" || role === "editor";
      if (
        consultation &&
        !drafting &&
        consultationState({ opensAt: consultation.opens_at, closesAt: consultation.closes_at }) === "open"
      ) {
        consultationId = consultation.id;
      }
    }
    const id = await insertComment(trx, {
      documentId: document.id,
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
        title: document.title,
        excerpt: input.body,
        url: `/documents/${document.slug}#comment-${id}`,
        ...privacyOf(document),
      });
    }
    return { ok: true as const, id };
  });
}

export async function resolveComment(db: DB, viewer: Viewer, commentId: number, resolved: boolean) {
  await setResolved(db, commentId, resolved ? viewer.id : null);
}

export async function recordDisposition(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  input: { commentId: number; disposition: Disposition; response: string },
) {
  return writeTransaction(db, async (trx) => {
    const comment = await findComment(trx, document.id, input.commentId);
    if (!comment || comment.consultation_id === null || comment.parent_id !== null)
      return { ok: false as const, reason: "not_a_consultation_comment" as const };
    const window = await trx
      .selectFrom("consultation")
      .select(["opens_at", "closes_at"])
      .where("id", "=", comment.consultation_id)
      .executeTakeFirstOrThrow();
    if (consultationState({ opensAt: window.opens_at, closesAt: window.closes_at }) !== "closed")
      return { ok: false as const, reason: "consultation_still_open" as const };
    await setDisposition(trx, comment.id, {
      disposition: input.disposition,
      responseMd: input.response,
      responseHtml: input.response ? renderMarkdown(input.response).html : "",
      by: viewer.id,
    });
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "document.disposition",
      subjectType: "doc_comment",
      subjectId: comment.id,
      data: { before: comment.disposition, after: input.disposition },
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Change proposals

export async function submitProposal(
  db: DB,
  viewer: Viewer,
  context: { document: LoadedDocument; consultation: ConsultationRow | null },
  input: { baseRevisionId: number; sectionKey: string; text: string; reason: string },
) {
  const { document, consultation } = context;
  return writeTransaction(db, async (trx) => {
    const base = await findRevisionSource(trx, document.id, input.baseRevisionId);
    if (!base) return { ok: false as const, reason: "unknown_revision" as const };
    const sections = sectionsOf(base);
    const baseText = sectionText(base.body_md, sections, input.sectionKey);
    if (baseText === undefined) return { ok: false as const, reason: "unknown_section" as const };
    if (baseText === input.text.replace(/\r\n?/g, "\n").replace(/\s+$/, ""))
      return { ok: false as const, reason: "unchanged" as const };
    const section = sections.find((s) => s.key === input.sectionKey);
    const open =
      consultation && consultationState({ opensAt: consultation.opens_at, closesAt: consultation.closes_at }) === "open";
    const id = await insertProposal(trx, {
      documentId: document.id,
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
    await notify(trx, await groupMemberIds(trx, document.group_id, ["chair", "editor"]), {
      kind: "change_proposal_submitted",
      actorId: viewer.id,
      title: document.title,
      excerpt: input.reason,
      url: `/documents/${document.slug}/proposals/${id}`,
      ...privacyOf(document),
    });
    return { ok: true as const, id };
  });
}

export type AcceptOutcome =
  | { status: "accepted"; revisionId: number; merged: boolean }
  | { status: "already_applied" }
  | { status: "not_open" }
  | { status: "conflict"; outcome: Extract<SaveOutcome, { status: "conflict" }> }
  | { status: "invalid"; reason: string };

/**
 * Applies a proposal as a revision credited to its proposer: the section is replaced in the
 * revision the proposer read, then merged with the current draft like any stale save. If the
 * section changed meanwhile in a way that overlaps the proposal, nothing is applied.
 */
export async function acceptProposal(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  proposalId: number,
  note: string,
): Promise<AcceptOutcome> {
  return writeTransaction(db, async (trx) => {
    const proposal = await findProposal(trx, document.id, proposalId);
    if (!proposal || proposal.status !== "open") return { status: "not_open" };
    const base = await findRevisionSource(trx, document.id, proposal.base_revision_id);
    if (!base) return { status: "invalid", reason: "unknown_revision" };
    const proposedBody = replaceSection(base.body_md, sectionsOf(base), proposal.section_key, proposal.proposed_text);
    if (proposedBody === undefined) return { status: "invalid", reason: "unknown_section" };
    const title = proposal.section_title || proposal.section_key;
    const outcome = await commitDraft(trx, {
      documentId: document.id,
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
    if (outcome.status === "conflict") return { status: "conflict", outcome };
    if (outcome.status === "invalid") return { status: "invalid", reason: outcome.reason };
    const appliedRevisionId = outcome.revisionId;
    await decideProposal(trx, proposal.id, { status: "accepted", by: viewer.id, reason: note, appliedRevisionId });
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "document.proposal.accept",
      subjectType: "change_proposal",
      subjectId: proposal.id,
      data: { revisionId: appliedRevisionId },
    });
    if (proposal.author_id) {
      // The notice names the revision the proposal became by its number in the document (#N).
      const applied =
        outcome.status === "saved"
          ? await trx.selectFrom("revision").select("number").where("id", "=", appliedRevisionId).executeTakeFirst()
          : undefined;
      const excerpt = note || proposal.section_title;
      await notify(trx, [proposal.author_id], {
        kind: "change_proposal_accepted",
        actorId: viewer.id,
        title: document.title,
        excerpt: applied ? `#${applied.number} · ${excerpt}` : excerpt,
        url: `/documents/${document.slug}/proposals/${proposal.id}`,
        ...privacyOf(document),
      });
    }
    return outcome.status === "unchanged"
      ? { status: "already_applied" }
      : { status: "accepted", revisionId: appliedRevisionId, merged: outcome.merged };
  });
}

export async function declineProposal(db: DB, viewer: Viewer, document: LoadedDocument, proposalId: number, reason: string) {
  return writeTransaction(db, async (trx) => {
    const proposal = await findProposal(trx, document.id, proposalId);
    if (!proposal || proposal.status !== "open") return { ok: false as const };
    await decideProposal(trx, proposal.id, { status: "declined", by: viewer.id, reason });
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "document.proposal.decline",
      subjectType: "change_proposal",
      subjectId: proposal.id,
      data: { reason },
    });
    if (proposal.author_id) {
      await notify(trx, [proposal.author_id], {
        kind: "change_proposal_declined",
        actorId: viewer.id,
        title: document.title,
        excerpt: reason,
        url: `/documents/${document.slug}/proposals/${proposal.id}`,
        ...privacyOf(document),
      });
    }
    return { ok: true as const };
  });
}

/** The proposer takes their own open proposal back. */
export async function withdrawProposal(db: DB, viewer: Viewer, document: LoadedDocument, proposalId: number) {
  return writeTransaction(db, async (trx) => {
    const proposal = await findProposal(trx, document.id, proposalId);
    if (!proposal || proposal.status !== "open" || proposal.author_id !== viewer.id) return { ok: false as const };
    await decideProposal(trx, proposal.id, { status: "withdrawn", by: viewer.id });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Consultations

export async function openConsultation(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  input: { opensAt: string; closesAt: string; audience: ConsultationAudience; note: string },
) {
  return writeTransaction(db, async (trx) => {
    const current = await latestConsultation(trx, document.id);
    if (current && consultationState({ opensAt: current.opens_at, closesAt: current.closes_at }) !== "closed") {
      return { ok: false as const, reason: "already_open" as const };
    }
    const head = await trx
      .selectFrom("document")
      .select("head_revision_id")
      .where("id", "=", document.id)
      .executeTakeFirstOrThrow();
    const id = await insertConsultation(trx, {
      documentId: document.id,
      revisionId: head.head_revision_id!,
      audience: input.audience,
      note: input.note,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      openedBy: viewer.id,
    });
    if (document.status === "working_draft" || document.status === "final_draft") {
      await trx
        .updateTable("document")
        .set({ status: "consultation", updated_at: new Date().toISOString() })
        .where("id", "=", document.id)
        .execute();
    }
    await indexDraft(trx, document.id);
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "document.consultation.open",
      subjectType: "document",
      subjectId: document.id,
      data: { consultationId: id, audience: input.audience, opensAt: input.opensAt, closesAt: input.closesAt },
    });
    // The group always hears of it; a members or public consultation is announced to every approved member.
    const recipients =
      document.group_visibility === "private"
        ? await groupMemberIds(trx, document.group_id)
        : (await trx.selectFrom("user").select("id").where("status", "=", "approved").execute()).map((row) => row.id);
    await notify(trx, recipients, {
      kind: "consultation_opened",
      actorId: viewer.id,
      title: document.title,
      excerpt: input.note,
      url: `/documents/${document.slug}`,
      privateGroupId: document.group_visibility === "private" ? document.group_id : null,
      membersOnly: document.group_visibility !== "private",
    });
    return { ok: true as const, id };
  });
}

export async function closeConsultation(db: DB, viewer: Viewer, document: LoadedDocument) {
  return writeTransaction(db, async (trx) => {
    const current = await latestConsultation(trx, document.id);
    if (!current || consultationState({ opensAt: current.opens_at, closesAt: current.closes_at }) === "closed") {
      return { ok: false as const };
    }
    const now = new Date().toISOString();
    const at = now;
    // A consultation that has not opened yet is cancelled: its window shrinks to the past millisecond.
    const opensAt = current.opens_at < now ? undefined : new Date(Date.parse(now) - 1).toISOString();
    await closeConsultationNow(trx, current.id, viewer.id, at, opensAt);
    if (document.status === "consultation") {
      await trx.updateTable("document").set({ status: "final_draft", updated_at: now }).where("id", "=", document.id).execute();
    }
    await indexDraft(trx, document.id);
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "document.consultation.close",
      subjectType: "document",
      subjectId: document.id,
      data: { consultationId: current.id, before: { closesAt: current.closes_at }, after: { closesAt: at } },
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// The first steps of every workspace route

/**
 * The document and the viewer, for workspace pages: the draft must be readable. A visitor who is
 * not signed in is sent to sign in when a public consultation is open (they may read it then);
 * with `toLibrary`, readers of the published version are sent there; anyone else gets 404.
 */
export async function readWorkspace(request: Request, slug: string | undefined, options: { toLibrary?: boolean } = {}) {
  const viewer = await getViewer(request);
  const db = getDb();
  const context = await loadDocument(db, viewer, slug ?? "");
  if (!context.permissions.readDraft) {
    const { consultation } = context;
    if (
      !viewer &&
      consultation?.audience === "public" &&
      consultationState({ opensAt: consultation.opens_at, closesAt: consultation.closes_at }) === "open"
    ) {
      const url = new URL(request.url);
      throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
    }
    if (options.toLibrary && (await latestPublished(db, context.document.id)))
      throw redirect(`/library/${context.document.slug}`);
    notFound();
  }
  return { viewer, db, ...context };
}

/** For forms: a signed-in viewer (else a redirect to sign in) and the document they may see. */
export async function requireDocumentViewer(request: Request, slug: string | undefined) {
  const viewer = await requireViewer(request);
  const db = getDb();
  return { viewer, db, ...(await loadDocument(db, viewer, slug ?? "")) };
}

// ---------------------------------------------------------------------------------------------
// Threads, as the pages show them

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
