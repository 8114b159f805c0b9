import { sql } from "kysely";
import type { Language } from "../../db/schema";
import type { ReadableScope } from "~/policies";
import type { Tx } from "~/utils/db.server";
import type { TocEntry } from "~/utils/markdown.server";
import { groupVisible } from "./visibility.server";

export interface LibraryFilters {
  tag?: string;
  group?: string;
  language?: Language;
  sort?: "recent" | "title";
}

/** Documents with at least one published version that the viewer may read, with their latest version. */
export async function listPublishedDocuments(db: Tx, scope: ReadableScope, filters: LibraryFilters = {}) {
  let query = db
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
    .where(groupVisible(scope))
    .select([
      "document.id",
      "document.slug",
      "document.title",
      "document.summary",
      "document.language",
      "document.status",
      "document.tags",
      "working_group.slug as group_slug",
      "working_group.name as group_name",
      "pv.version",
      "pv.published_at",
      "pv.review_due",
    ]);
  if (filters.group) query = query.where("working_group.slug", "=", filters.group);
  if (filters.language) query = query.where("document.language", "=", filters.language);
  if (filters.tag) {
    query = query.where(sql<boolean>`exists (select 1 from json_each(document.tags) where json_each.value = ${filters.tag})`);
  }
  query = filters.sort === "title" ? query.orderBy("document.title") : query.orderBy("pv.published_at", "desc").orderBy("document.title");
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, tags: JSON.parse(row.tags) as string[] }));
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

/** The other language versions of a document that the viewer may read, with their latest published version. */
export async function listTranslations(db: Tx, document: { id: number; family_id: number | null }, scope: ReadableScope) {
  if (document.family_id === null) return [];
  return db
    .selectFrom("document")
    .innerJoin("working_group", "working_group.id", "document.group_id")
    .select([
      "document.slug",
      "document.title",
      "document.language",
      (eb) =>
        eb
          .selectFrom("published_version")
          .select("published_version.version")
          .whereRef("published_version.document_id", "=", "document.id")
          .orderBy("major", "desc")
          .orderBy("minor", "desc")
          .limit(1)
          .as("version"),
    ])
    .where("document.family_id", "=", document.family_id)
    .where("document.id", "!=", document.id)
    .where(groupVisible(scope))
    .orderBy("document.language")
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
      (eb) =>
        eb
          .selectFrom("published_version")
          .select("published_version.version")
          .whereRef("published_version.document_id", "=", "document.id")
          .orderBy("major", "desc")
          .orderBy("minor", "desc")
          .limit(1)
          .as("version"),
    ])
    .where("document.group_id", "=", groupId)
    .orderBy("document.title")
    .execute();
  return rows;
}

export async function listTags(db: Tx, scope: ReadableScope) {
  const rows = await db
    .selectFrom("document")
    .innerJoin("working_group", "working_group.id", "document.group_id")
    .innerJoin(sql<{ value: string }>`json_each(document.tags)`.as("tag"), (join) => join.onTrue())
    .select(sql<string>`distinct tag.value`.as("tag"))
    .where(groupVisible(scope))
    .where("document.status", "in", ["published", "superseded", "withdrawn"])
    .orderBy("tag")
    .execute();
  return rows.map((row) => row.tag);
}
