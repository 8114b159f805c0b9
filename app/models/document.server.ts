import { sql, type ExpressionBuilder } from "kysely";
import type { Database } from "~db/schema";
import type { DocumentStatus, Language } from "~/domain/vocabulary";
import type { ReadableScope } from "~/policies";
import type { Tx } from "~/utils/db.server";
import type { TocEntry } from "~/utils/markdown.server";
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

/** Published documents (their latest version) that the viewer may read, as the library lists them. */
function publishedRows(db: Tx, scope: ReadableScope) {
  return (
    db
      .selectFrom("document")
      .innerJoin("working_group", "working_group.id", "document.group_id")
      .innerJoin("published_version as pv", "pv.document_id", "document.id")
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("published_version as newer")
              .select("newer.id")
              .whereRef("newer.document_id", "=", "document.id")
              .where(sql<boolean>`(newer.major > pv.major or (newer.major = pv.major and newer.minor > pv.minor))`),
          ),
        ),
      )
      // Visibility is part of the query: a translation in a private group is never read.
      .where(groupVisible(scope))
  );
}

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

export async function findDocumentBySlug(db: Tx, slug: string) {
  const row = await db
    .selectFrom("document")
    .innerJoin("working_group", "working_group.id", "document.group_id")
    .selectAll("document")
    .select([
      "working_group.slug as group_slug",
      "working_group.name as group_name",
      "working_group.visibility as group_visibility",
    ])
    .where("document.slug", "=", slug)
    .executeTakeFirst();
  return row ? { ...row, tags: JSON.parse(row.tags) as string[] } : undefined;
}

export async function listVersions(db: Tx, documentId: number) {
  return db
    .selectFrom("published_version")
    .select(["id", "version", "major", "minor", "published_at", "review_due", "notes"])
    .where("document_id", "=", documentId)
    .orderBy("major", "desc")
    .orderBy("minor", "desc")
    .execute();
}

export async function findVersion(db: Tx, documentId: number, version?: string) {
  let query = db
    .selectFrom("published_version")
    .leftJoin("user", "user.id", "published_version.published_by")
    .selectAll("published_version")
    .select(["user.display_name as publisher_name"])
    .where("document_id", "=", documentId)
    .orderBy("major", "desc")
    .orderBy("minor", "desc")
    .limit(1);
  if (version) query = query.where("version", "=", version);
  const row = await query.executeTakeFirst();
  return row ? { ...row, toc: JSON.parse(row.toc) as TocEntry[] } : undefined;
}

/** The topic tags of the latest published versions the viewer may read (the library's topic filter). */
export async function listTags(db: Tx, scope: ReadableScope) {
  const rows = await publishedRows(db, scope)
    .innerJoin(sql<{ value: string }>`json_each(pv.tags)`.as("tag"), (join) => join.onTrue())
    .select(sql<string>`distinct tag.value`.as("tag"))
    .orderBy("tag")
    .execute();
  return rows.map((row) => row.tag);
}

const latestVersionOf =
  (
    column:
      | "published_version.version"
      | "published_version.published_at"
      | "published_version.source_version"
      | "published_version.title"
      | "published_version.summary"
      | "published_version.tags",
  ) =>
  (eb: ExpressionBuilder<Database, "document">) =>
    eb
      .selectFrom("published_version")
      .select(column)
      .whereRef("published_version.document_id", "=", "document.id")
      .orderBy("major", "desc")
      .orderBy("minor", "desc")
      .limit(1);

/** Compares "1.10" and "1.9" as versions. */
export function compareVersions(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am - bm || an - bn;
}

export interface FamilyMember {
  id: number;
  slug: string;
  title: string;
  language: Language;
  status: DocumentStatus;
  isSource: boolean;
  /** The title of its latest published version (null if never published): what public pages show. */
  publishedTitle: string | null;
  version: string | null;
  publishedAt: string | null;
  /** For a translation: the newer version of its source it has not caught up with, if any. */
  outOfDateWith: string | null;
}

/**
 * Every document of a family the viewer may read (the source is the document whose id is the
 * family id), each translation marked out of date when its source has published a newer version
 * than the one it follows — only when the viewer may read the source: a public translation of a
 * private group's document says nothing of it (not even its version number).
 */
export async function listFamily(db: Tx, familyId: number | null, scope: ReadableScope): Promise<FamilyMember[]> {
  if (familyId === null) return [];
  const rows = await db
    .selectFrom("document")
    .innerJoin("working_group", "working_group.id", "document.group_id")
    .select([
      "document.id",
      "document.slug",
      "document.title",
      "document.language",
      "document.status",
      (eb) => latestVersionOf("published_version.title")(eb).as("published_title"),
      (eb) => latestVersionOf("published_version.version")(eb).as("version"),
      (eb) => latestVersionOf("published_version.published_at")(eb).as("published_at"),
      (eb) => latestVersionOf("published_version.source_version")(eb).as("source_version"),
    ])
    .where("document.family_id", "=", familyId)
    .where(groupVisible(scope))
    .orderBy("document.language")
    .execute();
  // The source among them, if the viewer may read it (an unreadable source leaves every member up to date).
  const source = rows.find((row) => row.id === familyId);
  return rows.map((row) => {
    const isSource = row.id === familyId;
    let outOfDateWith: string | null = null;
    if (!isSource && source?.version && row.version) {
      const behind = row.source_version
        ? compareVersions(source.version, row.source_version) > 0
        : (source.published_at ?? "") > (row.published_at ?? "");
      if (behind) outOfDateWith = source.version;
    }
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      language: row.language,
      status: row.status,
      isSource,
      publishedTitle: row.published_title ?? null,
      version: row.version ?? null,
      publishedAt: row.published_at ?? null,
      outOfDateWith,
    };
  });
}

/** The other language versions of a document that the viewer may read, with their latest published version. */
export async function listTranslations(db: Tx, document: { id: number; family_id: number | null }, scope: ReadableScope) {
  return (await listFamily(db, document.family_id, scope)).filter((member) => member.id !== document.id);
}

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
      (eb) =>
        eb
          .selectFrom("published_version")
          .select("published_version.revision_id")
          .whereRef("published_version.document_id", "=", "document.id")
          .orderBy("major", "desc")
          .orderBy("minor", "desc")
          .limit(1)
          .as("published_revision_id"),
      (eb) =>
        eb
          .selectFrom("change_proposal")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("change_proposal.document_id", "=", "document.id")
          .where("change_proposal.status", "=", "open")
          .as("open_proposals"),
      (eb) =>
        eb
          .selectFrom("consultation")
          .select("consultation.closes_at")
          .whereRef("consultation.document_id", "=", "document.id")
          .orderBy("consultation.id", "desc")
          .limit(1)
          .as("consultation_closes_at"),
      (eb) =>
        eb
          .selectFrom("consultation")
          .select("consultation.opens_at")
          .whereRef("consultation.document_id", "=", "document.id")
          .orderBy("consultation.id", "desc")
          .limit(1)
          .as("consultation_opens_at"),
      (eb) =>
        eb
          .selectFrom("consultation")
          .select("consultation.audience")
          .whereRef("consultation.document_id", "=", "document.id")
          .orderBy("consultation.id", "desc")
          .limit(1)
          .as("consultation_audience"),
      "document.head_revision_id",
    ])
    .where("document.group_id", "=", groupId)
    .orderBy("document.title")
    .execute();
}

export async function slugTaken(db: Tx, slug: string) {
  return (await db.selectFrom("document").select("id").where("slug", "=", slug).executeTakeFirst()) !== undefined;
}

export async function findDocumentById(db: Tx, id: number) {
  return db.selectFrom("document").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A document's latest published title (undefined if it was never published). */
export async function findPublishedTitle(db: Tx, documentId: number) {
  const row = await db
    .selectFrom("published_version")
    .select("title")
    .where("document_id", "=", documentId)
    .orderBy("major", "desc")
    .orderBy("minor", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.title;
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

/** Each published version of documents in public groups, newest first: the library's feed. */
export async function listPublicPublications(db: Tx, limit = 50) {
  return db
    .selectFrom("published_version")
    .innerJoin("document", "document.id", "published_version.document_id")
    .innerJoin("working_group", "working_group.id", "document.group_id")
    .leftJoin("user", "user.id", "published_version.published_by")
    .select([
      "published_version.id",
      "published_version.version",
      "published_version.title",
      "published_version.notes",
      "published_version.published_at",
      "published_version.body_html",
      "published_version.summary",
      "document.slug",
      "document.language",
      "working_group.name as group_name",
      "user.display_name as publisher_name",
    ])
    .where("working_group.visibility", "!=", "private")
    .orderBy("published_version.published_at", "desc")
    .orderBy("published_version.id", "desc")
    .limit(limit)
    .execute();
}

export async function listDocumentsOfGroup(db: Tx, groupId: number) {
  const rows = await db
    .selectFrom("document")
    .select([
      "document.slug",
      "document.title",
      "document.summary",
      "document.language",
      "document.status",
      "document.updated_at",
      (eb) => latestVersionOf("published_version.version")(eb).as("version"),
    ])
    .where("document.group_id", "=", groupId)
    .orderBy("document.title")
    .execute();
  return rows;
}

/**
 * Documents another can be declared a translation of: the sources of families the viewer may read
 * (with their group, for "document:link-translation" to decide which the viewer may link to).
 */
export async function listTranslationSources(db: Tx, scope: ReadableScope, exceptId?: number) {
  let query = db
    .selectFrom("document")
    .innerJoin("working_group", "working_group.id", "document.group_id")
    .select([
      "document.id",
      "document.slug",
      "document.title",
      "document.language",
      "document.group_id",
      "working_group.visibility as group_visibility",
    ])
    .where((eb) => eb.or([eb("document.family_id", "is", null), eb("document.family_id", "=", eb.ref("document.id"))]))
    .where(groupVisible(scope))
    .orderBy("document.title");
  if (exceptId !== undefined) query = query.where("document.id", "!=", exceptId);
  return query.execute();
}
