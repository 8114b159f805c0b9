// Guidance documents: the workspace's rows (live title, summary, tags, status) and the library's
// cards. Published versions are in published-version.server.ts, translations in document-family.server.ts.
import { sql, type ExpressionBuilder } from "kysely";
import type { Database } from "~db/schema";
import type { DocumentStatus, Language } from "~/domain/vocabulary";
import type { ReadableScope } from "~/policies";
import type { Tx } from "~/utils/db.server";
import { latestVersionOf, publishedRows } from "./published-version.server";
import { groupVisible } from "./visibility.server";

export interface LibraryFilters {
  tag?: string;
  group?: string;
  language?: Language;
  status?: "published" | "superseded" | "withdrawn";
  sort?: "recent" | "title";
}

/** A document's family: the id of its original (a document alone is its own family). */
const familyKey = sql<number>`coalesce(document.family_id, document.id)`;

export interface LanguageVersion {
  id: number;
  slug: string;
  title: string;
  language: Language;
  version: string;
}

/**
 * The library's cards: one per document family (an original and its translations) with at least
 * one published version that the viewer may read and that matches the filters. A card shows the
 * version in the reader's language when it matches, else the original, else another matching one,
 * with the title, summary and tags published with its latest version; `otherLanguages` are the
 * family's other readable published documents (whatever the filters), to link to. Sorting, limits
 * and counts are by family, in SQL (a window over the family's matching rows).
 */
export async function listPublishedDocuments(
  db: Tx,
  scope: ReadableScope,
  filters: LibraryFilters = {},
  limit?: number,
  readerLanguage?: Language,
) {
  let matching = publishedRows(db, scope)
    // Title, summary and tags as published: the document's live ones are the workspace's.
    .select([
      "document.id",
      "document.slug",
      "pv.title",
      "pv.summary",
      "document.language",
      "document.status",
      "pv.tags",
      "working_group.slug as group_slug",
      "working_group.name as group_name",
      "pv.version",
      "pv.published_at",
      "pv.review_due",
      familyKey.as("family_id"),
      sql<number>`row_number() over (partition by coalesce(document.family_id, document.id) order by
        case when document.language = ${readerLanguage ?? ""} then 0 else 1 end,
        case when document.id = coalesce(document.family_id, document.id) then 0 else 1 end,
        pv.published_at desc, document.id)`.as("family_rank"),
    ]);
  if (filters.group) matching = matching.where("working_group.slug", "=", filters.group);
  if (filters.language) matching = matching.where("document.language", "=", filters.language);
  if (filters.status) matching = matching.where("document.status", "=", filters.status);
  if (filters.tag) {
    matching = matching.where(sql<boolean>`exists (select 1 from json_each(pv.tags) where json_each.value = ${filters.tag})`);
  }
  let query = db.selectFrom(matching.as("card")).selectAll().where("card.family_rank", "=", 1);
  query =
    filters.sort === "title"
      ? query.orderBy("card.title").orderBy("card.id")
      : query.orderBy("card.published_at", "desc").orderBy("card.title");
  if (limit !== undefined) query = query.limit(limit);
  const cards = await query.execute();
  const siblings = cards.length
    ? await publishedRows(db, scope)
        .select(["document.id", "document.slug", "pv.title", "document.language", "pv.version", familyKey.as("family_id")])
        .where(
          familyKey,
          "in",
          cards.map((card) => card.family_id),
        )
        .orderBy("document.language")
        .execute()
    : [];
  return cards.map(({ family_rank: _rank, ...card }) => ({
    ...card,
    tags: JSON.parse(card.tags) as string[],
    otherLanguages: siblings
      .filter((row) => row.family_id === card.family_id && row.id !== card.id)
      .map((row): LanguageVersion => ({
        id: row.id,
        slug: row.slug,
        title: row.title,
        language: row.language,
        version: row.version,
      })),
  }));
}

/** A document with its working group's slug, name and visibility (tags parsed). */
async function findDocumentWith(db: Tx, where: { slug: string } | { id: number }) {
  const query = db
    .selectFrom("document")
    .innerJoin("working_group", "working_group.id", "document.group_id")
    .selectAll("document")
    .select([
      "working_group.slug as group_slug",
      "working_group.name as group_name",
      "working_group.visibility as group_visibility",
    ]);
  const row = await (
    "slug" in where ? query.where("document.slug", "=", where.slug) : query.where("document.id", "=", where.id)
  ).executeTakeFirst();
  return row ? { ...row, tags: JSON.parse(row.tags) as string[] } : undefined;
}

export const findDocumentBySlug = (db: Tx, slug: string) => findDocumentWith(db, { slug });
/** The same document as findDocumentBySlug, by id: what a write transaction decides on. */
export const findDocumentWithGroup = (db: Tx, id: number) => findDocumentWith(db, { id });

/** A column of a document's latest consultation, as a subquery of a `document` select. */
const latestConsultationOf =
  <C extends "consultation.closes_at" | "consultation.opens_at" | "consultation.audience">(column: C) =>
  (eb: ExpressionBuilder<Database, "document">) =>
    eb
      .selectFrom("consultation")
      .select(column)
      .whereRef("consultation.document_id", "=", "document.id")
      .orderBy("consultation.id", "desc")
      .limit(1);

/** The group's documents for its Documents tab: published state, draft state and open work. */
export async function listDocumentsOfGroupDetailed(db: Tx, groupId: number) {
  return db
    .selectFrom("document")
    .leftJoin("revision as head", "head.id", "document.head_revision_id")
    .leftJoin("user as head_author", "head_author.id", "head.author_id")
    .select([
      "document.id",
      "document.slug",
      "document.title",
      "document.summary",
      "document.language",
      "document.status",
      "document.tags",
      "document.updated_at",
      "head.created_at as head_at",
      "head_author.display_name as head_author_name",
      (eb) => latestVersionOf("published_version.version")(eb).as("version"),
      (eb) => latestVersionOf("published_version.published_at")(eb).as("published_at"),
      (eb) => latestVersionOf("published_version.title")(eb).as("published_title"),
      (eb) => latestVersionOf("published_version.summary")(eb).as("published_summary"),
      (eb) => latestVersionOf("published_version.tags")(eb).as("published_tags"),
      (eb) => latestVersionOf("published_version.revision_id")(eb).as("published_revision_id"),
      (eb) =>
        eb
          .selectFrom("change_proposal")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("change_proposal.document_id", "=", "document.id")
          .where("change_proposal.status", "=", "open")
          .as("open_proposals"),
      (eb) => latestConsultationOf("consultation.closes_at")(eb).as("consultation_closes_at"),
      (eb) => latestConsultationOf("consultation.opens_at")(eb).as("consultation_opens_at"),
      (eb) => latestConsultationOf("consultation.audience")(eb).as("consultation_audience"),
      "document.head_revision_id",
    ])
    .where("document.group_id", "=", groupId)
    .orderBy("document.title")
    .execute();
}

/** Moves a draft to another stage of its life (in consultation, final draft). */
export async function setDocumentStatus(db: Tx, documentId: number, status: DocumentStatus, at = new Date().toISOString()) {
  await db.updateTable("document").set({ status, updated_at: at }).where("id", "=", documentId).execute();
}

export async function slugTaken(db: Tx, slug: string) {
  return (await db.selectFrom("document").select("id").where("slug", "=", slug).executeTakeFirst()) !== undefined;
}

export async function findDocumentById(db: Tx, id: number) {
  return db.selectFrom("document").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Documents a successor can be chosen among: those of readable groups, other than this one. */
export async function listSuccessorCandidates(db: Tx, documentId: number, scope: ReadableScope) {
  return db
    .selectFrom("document")
    .innerJoin("working_group", "working_group.id", "document.group_id")
    .select(["document.id", "document.slug", "document.title", "document.language"])
    .where("document.id", "!=", documentId)
    .where("document.status", "not in", ["withdrawn", "superseded"])
    .where(groupVisible(scope))
    .orderBy("document.title")
    .execute();
}
