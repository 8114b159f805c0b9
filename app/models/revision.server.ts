// Revisions of a draft: every save is one (author, time, message, parent).
import { sql, type ExpressionBuilder } from "kysely";
import type { Database } from "~db/schema";
import type { RevisionKind } from "~/domain/vocabulary";
import type { Tx } from "~/utils/db.server";
import type { TocEntry } from "~/utils/markdown.server";

const REVISION_COLUMNS = [
  "revision.id",
  "revision.number",
  "revision.document_id",
  "revision.parent_id",
  "revision.author_id",
  "revision.message",
  "revision.body_md",
  "revision.sections",
  "revision.kind",
  "revision.based_on_id",
  "revision.restored_from_id",
  "revision.proposal_id",
  "revision.chars_added",
  "revision.chars_removed",
  "revision.created_at",
] as const;

/** The version a revision was published as (the latest, if several), as a column of a revision select. */
const publishedAs = (eb: ExpressionBuilder<Database, "revision">) =>
  eb
    .selectFrom("published_version")
    .select("published_version.version")
    .whereRef("published_version.revision_id", "=", "revision.id")
    .orderBy("published_version.id", "desc")
    .limit(1)
    .as("published_as");

/** One revision of a document with its rendering (imported revisions are rendered in their published version). */
export async function findRevision(db: Tx, documentId: number, revisionId: number) {
  const row = await db
    .selectFrom("revision")
    .leftJoin("user as author", "author.id", "revision.author_id")
    .select(REVISION_COLUMNS)
    .select([
      "author.display_name as author_name",
      "author.username as author_username",
      (eb) =>
        eb.fn
          .coalesce(
            "revision.body_html",
            eb
              .selectFrom("published_version")
              .select("published_version.body_html")
              .whereRef("published_version.revision_id", "=", "revision.id")
              .limit(1),
          )
          .as("body_html"),
      (eb) =>
        eb.fn
          .coalesce(
            "revision.toc",
            eb
              .selectFrom("published_version")
              .select("published_version.toc")
              .whereRef("published_version.revision_id", "=", "revision.id")
              .limit(1),
          )
          .as("toc"),
      publishedAs,
    ])
    .where("revision.document_id", "=", documentId)
    .where("revision.id", "=", revisionId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, body_html: row.body_html ?? "", toc: JSON.parse(row.toc ?? "[]") as TocEntry[] };
}

export type RevisionRow = NonNullable<Awaited<ReturnType<typeof findRevision>>>;

/** Only what a merge or a comparison needs: the source and its section keys. */
export async function findRevisionSource(db: Tx, documentId: number, revisionId: number) {
  return db
    .selectFrom("revision")
    .select([
      "revision.id",
      "revision.number",
      "revision.body_md",
      "revision.sections",
      "revision.created_at",
      "revision.author_id",
    ])
    .where("revision.document_id", "=", documentId)
    .where("revision.id", "=", revisionId)
    .executeTakeFirst();
}

export const HISTORY_PAGE_SIZE = 50;

/** The history, newest first, by keyset (the id of the last revision seen). */
export async function listRevisions(db: Tx, documentId: number, options: { before?: number } = {}) {
  let query = db
    .selectFrom("revision")
    .leftJoin("user as author", "author.id", "revision.author_id")
    .select([
      "revision.id",
      "revision.number",
      "revision.parent_id",
      "revision.message",
      "revision.kind",
      "revision.based_on_id",
      "revision.restored_from_id",
      "revision.proposal_id",
      "revision.chars_added",
      "revision.chars_removed",
      "revision.created_at",
      sql<number>`length(revision.body_md)`.as("size"),
      "author.display_name as author_name",
      "author.username as author_username",
      publishedAs,
    ])
    .where("revision.document_id", "=", documentId)
    .orderBy("revision.id", "desc")
    .limit(HISTORY_PAGE_SIZE + 1);
  if (options.before) query = query.where("revision.id", "<", options.before);
  const rows = await query.execute();
  const hasMore = rows.length > HISTORY_PAGE_SIZE;
  const revisions = rows.slice(0, HISTORY_PAGE_SIZE);
  return { revisions, nextBefore: hasMore ? revisions[revisions.length - 1].id : null };
}

export async function countRevisions(db: Tx, documentId: number) {
  const row = await db
    .selectFrom("revision")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("document_id", "=", documentId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface NewRevision {
  documentId: number;
  parentId: number | null;
  authorId: number | null;
  message: string;
  body: string;
  html: string;
  toc: TocEntry[];
  sections: unknown;
  kind: RevisionKind;
  basedOnId?: number | null;
  restoredFromId?: number | null;
  proposalId?: number | null;
  charsAdded: number;
  charsRemoved: number;
  createdAt?: string;
}

/**
 * Inserts a revision with the next number of its document (#1, #2 …). Callers run it inside a write
 * transaction (BEGIN IMMEDIATE): the number is read and taken in one statement under the write lock,
 * so concurrent saves queue up and never share one (UNIQUE(document_id, number) would refuse it).
 */
export async function insertRevision(db: Tx, revision: NewRevision): Promise<number> {
  const { id } = await db
    .insertInto("revision")
    .values({
      document_id: revision.documentId,
      number: sql<number>`(select coalesce(max(r.number), 0) + 1 from revision as r where r.document_id = ${revision.documentId})`,
      parent_id: revision.parentId,
      author_id: revision.authorId,
      message: revision.message,
      body_md: revision.body,
      body_html: revision.html,
      toc: JSON.stringify(revision.toc),
      sections: JSON.stringify(revision.sections),
      kind: revision.kind,
      based_on_id: revision.basedOnId ?? null,
      restored_from_id: revision.restoredFromId ?? null,
      proposal_id: revision.proposalId ?? null,
      chars_added: revision.charsAdded,
      chars_removed: revision.charsRemoved,
      created_at: revision.createdAt ?? new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** The per-document numbers (#N) of some revisions of a document, by id: what people are shown. */
export async function revisionNumbers(
  db: Tx,
  documentId: number,
  ids: ReadonlyArray<number | null | undefined>,
): Promise<Record<number, number>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === "number"))];
  if (wanted.length === 0) return {};
  const rows = await db
    .selectFrom("revision")
    .select(["id", "number"])
    .where("document_id", "=", documentId)
    .where("id", "in", wanted)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.id, row.number]));
}
