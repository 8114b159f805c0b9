// Publishing: a chair turns the current draft into an immutable, numbered version (1.0 → 1.1 →
// 2.0) with release notes, a review-due date and the disposition table of the consultations held
// since the previous version; or withdraws / supersedes a published document.
import type { Disposition } from "~/domain/vocabulary";
import { recordAudit } from "~/models/audit.server";
import { consultationsSince, latestConsultation } from "~/models/consultation.server";
import { listConsultationComments } from "~/models/doc-comment.server";
import { compareVersions } from "~/models/document.server";
import { notify } from "~/models/notification.server";
import { findRevision } from "~/models/revision.server";
import type { Viewer } from "~/policies";
import { consultationState } from "~/policies/documents";
import type { DB } from "~/utils/db.server";
import { writeTransaction } from "~/utils/db.server";
import { indexPublishedDocument } from "./search-indexers.server";
import type { LoadedDocument } from "./documents.server";

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

export async function latestPublished(db: DB, documentId: number) {
  return db
    .selectFrom("published_version")
    .select(["id", "version", "major", "minor", "revision_id", "published_at", "title", "summary", "tags"])
    .where("document_id", "=", documentId)
    .orderBy("major", "desc")
    .orderBy("minor", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The disposition rows of the consultations that closed since the last publication. */
export async function pendingDispositions(db: DB, documentId: number, sinceIso: string | null): Promise<DispositionRow[]> {
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
  version: string;
  notes: string;
  reviewDue: string | null;
  /** The draft revision the chair reviewed: publishing refuses if the draft moved since. */
  baseRevisionId: number;
}

export type PublishOutcome =
  | { ok: true; version: string }
  | {
      ok: false;
      reason:
        "bad_version" | "not_increasing" | "draft_moved" | "consultation_open" | "undisposed" | "unchanged" | "closed_record";
      detail?: string | number;
    };

export async function publishVersion(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  input: PublishInput,
): Promise<PublishOutcome> {
  const parsed = parseVersion(input.version);
  if (!parsed) return { ok: false, reason: "bad_version" };
  return writeTransaction(db, async (trx) => {
    const doc = await trx.selectFrom("document").selectAll().where("id", "=", document.id).executeTakeFirstOrThrow();
    if (doc.status === "withdrawn" || doc.status === "superseded") return { ok: false, reason: "closed_record" };
    if (doc.head_revision_id !== input.baseRevisionId) return { ok: false, reason: "draft_moved" };
    const latest = await latestPublished(trx, doc.id);
    if (latest && compareVersions(input.version, latest.version) <= 0)
      return { ok: false, reason: "not_increasing", detail: latest.version };
    // A new version needs a new text, or a new title, summary or tags to make public.
    if (latest && latest.revision_id === doc.head_revision_id && !metadataDiffers(doc, latest)) {
      return { ok: false, reason: "unchanged", detail: latest.version };
    }
    const consultation = await latestConsultation(trx, doc.id);
    if (consultation && consultationState({ opensAt: consultation.opens_at, closesAt: consultation.closes_at }) !== "closed") {
      return { ok: false, reason: "consultation_open", detail: consultation.closes_at };
    }
    const dispositions = await pendingDispositions(trx, doc.id, latest?.published_at ?? null);
    const undisposed = dispositions.filter((row) => row.disposition === null).length;
    if (undisposed) return { ok: false, reason: "undisposed", detail: undisposed };
    const head = await findRevision(trx, doc.id, doc.head_revision_id!);
    let sourceVersion: string | null = null;
    if (doc.family_id !== null && doc.family_id !== doc.id)
      sourceVersion = (await latestPublished(trx, doc.family_id))?.version ?? null;
    const now = new Date().toISOString();
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
        tags: doc.tags,
        body_html: head!.body_html,
        toc: JSON.stringify(head!.toc),
        notes: input.notes,
        review_due: input.reviewDue,
        published_by: viewer.id,
        published_at: now,
        source_version: sourceVersion,
        dispositions: JSON.stringify(dispositions),
      })
      .execute();
    await trx
      .updateTable("document")
      .set({ status: "published", status_changed_at: now, updated_at: now })
      .where("id", "=", doc.id)
      .execute();
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "document.publish",
      subjectType: "document",
      subjectId: doc.id,
      data: { version, before: latest?.version ?? null, revisionId: head!.id, reviewDue: input.reviewDue },
    });
    // The group, and everyone who commented on or proposed changes to this draft.
    const members = await trx
      .selectFrom("group_membership")
      .innerJoin("user", "user.id", "group_membership.user_id")
      .select("user.id")
      .where("group_membership.group_id", "=", doc.group_id)
      .where("user.status", "=", "approved")
      .execute();
    const contributors = await trx
      .selectFrom("doc_comment")
      .select("author_id as id")
      .where("document_id", "=", doc.id)
      .union(trx.selectFrom("change_proposal").select("author_id as id").where("document_id", "=", doc.id))
      .execute();
    await notify(
      trx,
      [...members, ...contributors].map((row) => row.id).filter((id): id is number => id !== null),
      {
        kind: "document_published",
        actorId: viewer.id,
        title: `${doc.title} ${version}`,
        excerpt: input.notes,
        url: `/library/${doc.slug}/v/${version}`,
        privateGroupId: document.group_visibility === "private" ? doc.group_id : null,
      },
    );
    await indexPublishedDocument(trx, doc.id);
    return { ok: true, version };
  });
}

export async function changeStatus(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  input: { status: "withdrawn" | "superseded"; reason: string; successorId: number | null },
) {
  return writeTransaction(db, async (trx) => {
    const doc = await trx.selectFrom("document").select(["id", "status"]).where("id", "=", document.id).executeTakeFirstOrThrow();
    if (doc.status !== "published") return { ok: false as const };
    const now = new Date().toISOString();
    await trx
      .updateTable("document")
      .set({
        status: input.status,
        status_reason: input.reason,
        successor_id: input.successorId,
        status_changed_at: now,
        updated_at: now,
      })
      .where("id", "=", doc.id)
      .execute();
    await recordAudit(trx, {
      actorId: viewer.id,
      action: input.status === "withdrawn" ? "document.withdraw" : "document.supersede",
      subjectType: "document",
      subjectId: doc.id,
      data: { before: doc.status, after: input.status, reason: input.reason, successorId: input.successorId },
    });
    await indexPublishedDocument(trx, doc.id);
    return { ok: true as const };
  });
}
