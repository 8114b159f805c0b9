// Publishing: a chair turns the current draft into an immutable, numbered version (1.0 → 1.1 →
// 2.0) with release notes, a review-due date and the disposition table of the consultations held
// since the previous version; or withdraws / supersedes a published document.
import type { Disposition } from "~/domain/vocabulary";
import { consultationsSince } from "~/models/consultation.server";
import { listConsultationComments } from "~/models/doc-comment.server";
import { listSuccessorCandidates } from "~/models/document.server";
import { notify } from "~/models/notification.server";
import { compareVersions, latestPublished } from "~/models/published-version.server";
import { findRevision } from "~/models/revision.server";
import { can, readableScope, type Viewer } from "~/policies";
import { isClosedRecord } from "~/policies/documents";
import { indexPublishedDocument } from "~/services/search/indexers.server";
import type { DB, Tx } from "~/utils/db.server";
import { writeTransaction } from "~/utils/db.server";
import { versionPath } from "~/utils/paths";
import { fail, ok, type Fail, type Result } from "~/utils/result";
import type { AccessReason, PublishReason } from "./failures";
import { auditDocument, contributorIds, groupMemberIds, noticePrivacy } from "./notices.server";
import { consultationStateOf, documentNow, type LoadedDocument } from "./resource.server";

/** One row of the disposition table published with a version. */
export interface DispositionRow {
  commentId: number;
  section: string;
  sectionAnchor: string;
  author: string;
  organization: string;
  comment: string;
  commentHtml: string;
  disposition: Disposition | null;
  responseHtml: string;
  at: string;
}

export function parseVersion(version: string): { major: number; minor: number } | null {
  const match = /^(\d{1,4})\.(\d{1,4})$/.exec(version.trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : null;
}

export function nextVersions(latest: string | null) {
  if (!latest) return { minor: "1.0", major: "1.0" };
  const { major, minor } = parseVersion(latest)!;
  return { minor: `${major}.${minor + 1}`, major: `${major + 1}.0` };
}

/**
 * Whether a document's title, summary or tags differ from those of its latest published version:
 * such changes are not public until a chair publishes again.
 */
export function metadataDiffers(
  live: { title: string; summary: string; tags: string | string[] },
  published: { title: string; summary: string; tags: string } | undefined | null,
): boolean {
  if (!published) return false;
  const tags = typeof live.tags === "string" ? live.tags : JSON.stringify(live.tags);
  return live.title !== published.title || live.summary !== published.summary || tags !== published.tags;
}

/** The disposition rows of the consultations that closed since the last publication. */
export async function pendingDispositions(db: Tx, documentId: number, sinceIso: string | null): Promise<DispositionRow[]> {
  const consultations = await consultationsSince(db, documentId, sinceIso, new Date().toISOString());
  const comments = await listConsultationComments(
    db,
    consultations.map((c) => c.id),
  );
  return comments.map((comment) => ({
    commentId: comment.id,
    section: comment.section_title,
    sectionAnchor: comment.section_anchor,
    author: comment.author_name ?? "",
    organization: comment.author_organization ?? "",
    comment: comment.body_md,
    commentHtml: comment.body_html,
    disposition: comment.disposition,
    responseHtml: comment.response_html,
    at: comment.created_at,
  }));
}

export interface PublishInput {
  /** The version number asked for ("" for the next one of `kind`). */
  version: string;
  kind?: "minor" | "major";
  notes: string;
  /** YYYY-MM-DD, or "" for none. */
  reviewDue: string;
  /** The draft revision the chair reviewed: publishing refuses if the draft moved since. */
  baseRevisionId: number;
}

/**
 * A refusal of the publishing step, with what its message names (a version, a date, a count; empty
 * when it names nothing).
 */
const refused = (reason: PublishReason, detail: string | number = "") => fail(reason, { detail });

/** Publishes the current draft as a new version; answers the version published. */
export async function publishVersion(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  input: PublishInput,
): Promise<Result<string, AccessReason | PublishReason> | Fail<PublishReason, { detail: string | number }>> {
  if (!input.version && !input.kind) return fail("version_required");
  if (input.reviewDue && input.reviewDue <= new Date().toISOString().slice(0, 10)) return fail("review_due_in_past");
  return writeTransaction(db, async (trx) => {
    const latest = await latestPublished(trx, document.id);
    const asked = input.version || nextVersions(latest?.version ?? null)[input.kind!];
    const parsed = parseVersion(asked);
    if (!parsed) return refused("bad_version");
    const now = await documentNow(trx, document.id);
    if (!now) return fail("not_found");
    const { document: doc, consultation, resource } = now;
    if (isClosedRecord(doc.status)) return refused("closed_record");
    if (!can(viewer, "document:publish", resource)) return fail("forbidden");
    if (doc.head_revision_id !== input.baseRevisionId) return refused("draft_moved");
    if (latest && compareVersions(asked, latest.version) <= 0) return refused("not_increasing", latest.version);
    // A new version needs a new text, or a new title, summary or tags to make public.
    if (latest && latest.revision_id === doc.head_revision_id && !metadataDiffers(doc, latest)) {
      return refused("version_unchanged", latest.version);
    }
    if (consultation && consultationStateOf(consultation) !== "closed")
      return refused("consultation_open", consultation.closes_at);
    const dispositions = await pendingDispositions(trx, doc.id, latest?.published_at ?? null);
    const undisposed = dispositions.filter((row) => row.disposition === null).length;
    if (undisposed) return refused("undisposed", undisposed);
    const head = await findRevision(trx, doc.id, doc.head_revision_id!);
    let sourceVersion: string | null = null;
    if (doc.family_id !== null && doc.family_id !== doc.id)
      sourceVersion = (await latestPublished(trx, doc.family_id))?.version ?? null;
    const at = new Date().toISOString();
    const version = `${parsed.major}.${parsed.minor}`;
    await trx
      .insertInto("published_version")
      .values({
        document_id: doc.id,
        version,
        major: parsed.major,
        minor: parsed.minor,
        revision_id: head!.id,
        // What the public reads from now on: the title, summary and tags as the chair publishes them.
        title: doc.title,
        summary: doc.summary,
        tags: JSON.stringify(doc.tags),
        body_html: head!.body_html,
        toc: JSON.stringify(head!.toc),
        notes: input.notes,
        review_due: input.reviewDue || null,
        published_by: viewer.id,
        published_at: at,
        source_version: sourceVersion,
        dispositions: JSON.stringify(dispositions),
      })
      .execute();
    await trx
      .updateTable("document")
      .set({ status: "published", status_changed_at: at, updated_at: at })
      .where("id", "=", doc.id)
      .execute();
    await auditDocument(trx, viewer, "document.publish", ["document", doc.id], {
      version,
      before: latest?.version ?? null,
      revisionId: head!.id,
      reviewDue: input.reviewDue || null,
    });
    // The group, and everyone who commented on or proposed changes to this draft.
    const audience = [...(await groupMemberIds(trx, doc.group_id)), ...(await contributorIds(trx, doc.id))];
    await notify(trx, audience, {
      kind: "document_published",
      actorId: viewer.id,
      title: `${doc.title} ${version}`,
      excerpt: input.notes,
      url: versionPath(doc.slug, version),
      ...noticePrivacy(doc),
    });
    await indexPublishedDocument(trx, doc.id);
    return ok(version);
  });
}

/**
 * The successor chosen for a withdrawn or superseded document (by its address, among the documents
 * the viewer may read); superseding needs one.
 */
export async function chooseSuccessor(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  slug: string,
  required: boolean,
): Promise<Result<number | null, "successor_required" | "unknown_successor">> {
  if (!slug) return required ? fail("successor_required") : ok(null);
  const candidates = await listSuccessorCandidates(db, document.id, readableScope(viewer));
  const successor = candidates.find((c) => c.slug === slug);
  return successor ? ok(successor.id) : fail("unknown_successor");
}

/** Withdraws or supersedes a published document (with a reason, and its successor if any). */
export async function changeStatus(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  input: { status: "withdrawn" | "superseded"; reason: string; successorId: number | null },
): Promise<Result<undefined, AccessReason | "not_published">> {
  return writeTransaction(db, async (trx) => {
    const now = await documentNow(trx, document.id);
    if (!now) return fail("not_found");
    const doc = now.document;
    if (doc.status !== "published") return fail("not_published");
    if (!can(viewer, "document:withdraw", now.resource)) return fail("forbidden");
    const at = new Date().toISOString();
    await trx
      .updateTable("document")
      .set({
        status: input.status,
        status_reason: input.reason,
        successor_id: input.successorId,
        status_changed_at: at,
        updated_at: at,
      })
      .where("id", "=", doc.id)
      .execute();
    await auditDocument(
      trx,
      viewer,
      input.status === "withdrawn" ? "document.withdraw" : "document.supersede",
      ["document", doc.id],
      { before: doc.status, after: input.status, reason: input.reason, successorId: input.successorId },
    );
    await indexPublishedDocument(trx, doc.id);
    return ok();
  });
}
