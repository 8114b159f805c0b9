// Comments on the sections of a draft, in threads; consultation comments carry a disposition.
import type { Disposition } from "~/domain/vocabulary";
import type { Tx } from "~/utils/db.server";

const COMMENT_COLUMNS = [
  "doc_comment.id",
  "doc_comment.document_id",
  "doc_comment.revision_id",
  "doc_comment.section_key",
  "doc_comment.section_anchor",
  "doc_comment.section_title",
  "doc_comment.parent_id",
  "doc_comment.author_id",
  "doc_comment.body_html",
  "doc_comment.consultation_id",
  "doc_comment.resolved_at",
  "doc_comment.disposition",
  "doc_comment.response_md",
  "doc_comment.response_html",
  "doc_comment.disposition_at",
  "doc_comment.created_at",
] as const;

/** Every comment on a document, oldest first, with what a reader needs to weigh it (author, organisation). */
export async function listComments(db: Tx, documentId: number) {
  return db
    .selectFrom("doc_comment")
    .leftJoin("user as author", "author.id", "doc_comment.author_id")
    .leftJoin("user as resolver", "resolver.id", "doc_comment.resolved_by")
    .leftJoin("user as responder", "responder.id", "doc_comment.disposition_by")
    .select(COMMENT_COLUMNS)
    .select([
      "author.display_name as author_name",
      "author.username as author_username",
      "author.organization as author_organization",
      "author.country as author_country",
      "author.member_type as author_member_type",
      "author.status as author_status",
      "resolver.display_name as resolver_name",
      "responder.display_name as responder_name",
    ])
    .where("doc_comment.document_id", "=", documentId)
    .orderBy("doc_comment.id")
    .execute();
}

export type CommentRow = Awaited<ReturnType<typeof listComments>>[number];

export async function findComment(db: Tx, documentId: number, commentId: number) {
  return db
    .selectFrom("doc_comment")
    .selectAll()
    .where("document_id", "=", documentId)
    .where("id", "=", commentId)
    .executeTakeFirst();
}

export interface NewComment {
  documentId: number;
  revisionId: number;
  sectionKey: string;
  sectionAnchor: string;
  sectionTitle: string;
  parentId: number | null;
  authorId: number;
  bodyMd: string;
  bodyHtml: string;
  consultationId: number | null;
  createdAt?: string;
}

export async function insertComment(db: Tx, comment: NewComment): Promise<number> {
  const { id } = await db
    .insertInto("doc_comment")
    .values({
      document_id: comment.documentId,
      revision_id: comment.revisionId,
      section_key: comment.sectionKey,
      section_anchor: comment.sectionAnchor,
      section_title: comment.sectionTitle,
      parent_id: comment.parentId,
      author_id: comment.authorId,
      body_md: comment.bodyMd,
      body_html: comment.bodyHtml,
      consultation_id: comment.consultationId,
      created_at: comment.createdAt ?? new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Who took part in a thread (its first comment's author and everyone who replied). */
export async function threadParticipants(db: Tx, rootId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("doc_comment")
    .select("author_id")
    .where((eb) => eb.or([eb("id", "=", rootId), eb("parent_id", "=", rootId)]))
    .execute();
  return [...new Set(rows.map((row) => row.author_id).filter((id): id is number => id !== null))];
}

export async function setResolved(db: Tx, commentId: number, resolvedBy: number | null) {
  await db
    .updateTable("doc_comment")
    .set({ resolved_at: resolvedBy === null ? null : new Date().toISOString(), resolved_by: resolvedBy })
    .where("id", "=", commentId)
    .execute();
}

export async function setDisposition(
  db: Tx,
  commentId: number,
  value: { disposition: Disposition; responseMd: string; responseHtml: string; by: number },
) {
  await db
    .updateTable("doc_comment")
    .set({
      disposition: value.disposition,
      response_md: value.responseMd,
      response_html: value.responseHtml,
      disposition_by: value.by,
      disposition_at: new Date().toISOString(),
    })
    .where("id", "=", commentId)
    .execute();
}

/** The first comments of threads made in consultations: the rows of a disposition table. */
export async function listConsultationComments(db: Tx, consultationIds: number[]) {
  if (!consultationIds.length) return [];
  return db
    .selectFrom("doc_comment")
    .leftJoin("user as author", "author.id", "doc_comment.author_id")
    .select(COMMENT_COLUMNS)
    .select([
      "doc_comment.body_md",
      "author.display_name as author_name",
      "author.organization as author_organization",
      "author.member_type as author_member_type",
      "author.country as author_country",
    ])
    .where("doc_comment.consultation_id", "in", consultationIds)
    .where("doc_comment.parent_id", "is", null)
    .orderBy("doc_comment.id")
    .execute();
}
