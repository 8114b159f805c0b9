// Consultations: a dated window in which an audience comments on a draft.
import type { ConsultationAudience } from "~/domain/vocabulary";
import type { Tx } from "~/utils/db.server";

const CONSULTATION_COLUMNS = [
  "consultation.id",
  "consultation.document_id",
  "consultation.revision_id",
  "consultation.audience",
  "consultation.note",
  "consultation.opens_at",
  "consultation.closes_at",
  "consultation.closed_early_at",
  "consultation.created_at",
] as const;

export async function latestConsultation(db: Tx, documentId: number) {
  return db
    .selectFrom("consultation")
    .select(CONSULTATION_COLUMNS)
    .where("document_id", "=", documentId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export type ConsultationRow = NonNullable<Awaited<ReturnType<typeof latestConsultation>>>;

export async function listConsultations(db: Tx, documentId: number) {
  return db
    .selectFrom("consultation")
    .leftJoin("user as opener", "opener.id", "consultation.opened_by")
    .leftJoin("user as closer", "closer.id", "consultation.closed_by")
    .select(CONSULTATION_COLUMNS)
    .select([
      "opener.display_name as opened_by_name",
      "closer.display_name as closed_by_name",
      (eb) =>
        eb
          .selectFrom("doc_comment")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("doc_comment.consultation_id", "=", "consultation.id")
          .where("doc_comment.parent_id", "is", null)
          .as("comment_count"),
      (eb) =>
        eb
          .selectFrom("doc_comment")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("doc_comment.consultation_id", "=", "consultation.id")
          .where("doc_comment.parent_id", "is", null)
          .where("doc_comment.disposition", "is not", null)
          .as("disposed_count"),
    ])
    .where("consultation.document_id", "=", documentId)
    .orderBy("consultation.id", "desc")
    .execute();
}

export interface NewConsultation {
  documentId: number;
  revisionId: number;
  audience: ConsultationAudience;
  note: string;
  opensAt: string;
  closesAt: string;
  openedBy: number;
}

export async function insertConsultation(db: Tx, consultation: NewConsultation): Promise<number> {
  const { id } = await db
    .insertInto("consultation")
    .values({
      document_id: consultation.documentId,
      revision_id: consultation.revisionId,
      audience: consultation.audience,
      note: consultation.note,
      opens_at: consultation.opensAt,
      closes_at: consultation.closesAt,
      opened_by: consultation.openedBy,
      created_at: new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Ends the window now (a chair closing it before its end date). */
export async function closeConsultationNow(db: Tx, consultationId: number, closedBy: number, at: string, opensAt?: string) {
  await db
    .updateTable("consultation")
    .set({ closes_at: at, closed_early_at: at, closed_by: closedBy, ...(opensAt ? { opens_at: opensAt } : {}) })
    .where("id", "=", consultationId)
    .execute();
}

/** Consultations that closed after the last publication: their dispositions go with the next version. */
export async function consultationsSince(db: Tx, documentId: number, sinceIso: string | null, nowIso: string) {
  let query = db
    .selectFrom("consultation")
    .select(["id", "opens_at", "closes_at", "audience"])
    .where("document_id", "=", documentId)
    .where("closes_at", "<=", nowIso)
    .orderBy("id");
  if (sinceIso) query = query.where("closes_at", ">", sinceIso);
  return query.execute();
}
