// Published versions: the immutable, numbered copies of a draft that the library shows, each with
// the title, summary and tags it was published with.
import { sql, type ExpressionBuilder } from "kysely";
import type { Database } from "~db/schema";
import type { ReadableScope } from "~/policies";
import type { Tx } from "~/utils/db.server";
import type { TocEntry } from "~/utils/markdown.server";
import { groupVisible } from "./visibility.server";

/** Compares "1.10" and "1.9" as versions. */
export function compareVersions(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am - bm || an - bn;
}

/** Published documents (their latest version) that the viewer may read, as the library lists them. */
export function publishedRows(db: Tx, scope: ReadableScope) {
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

/** A column of a document's latest published version, as a subquery of a `document` select. */
type VersionColumn =
  | "published_version.version"
  | "published_version.published_at"
  | "published_version.source_version"
  | "published_version.title"
  | "published_version.summary"
  | "published_version.tags"
  | "published_version.revision_id";

export const latestVersionOf =
  <C extends VersionColumn>(column: C) =>
  (eb: ExpressionBuilder<Database, "document">) =>
    eb
      .selectFrom("published_version")
      .select(column)
      .whereRef("published_version.document_id", "=", "document.id")
      .orderBy("major", "desc")
      .orderBy("minor", "desc")
      .limit(1);

export async function latestPublished(db: Tx, documentId: number) {
  return db
    .selectFrom("published_version")
    .select(["id", "version", "major", "minor", "revision_id", "published_at", "title", "summary", "tags"])
    .where("document_id", "=", documentId)
    .orderBy("major", "desc")
    .orderBy("minor", "desc")
    .limit(1)
    .executeTakeFirst();
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

/** The revision each version of a document published, with its number in the document (#N). */
export async function listVersionRevisions(db: Tx, documentId: number) {
  return db
    .selectFrom("published_version")
    .innerJoin("revision", "revision.id", "published_version.revision_id")
    .select(["published_version.id", "revision.id as revision_id", "revision.number"])
    .where("published_version.document_id", "=", documentId)
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

/** The text of two versions of a document, as published (for comparing them). */
export async function versionTexts(db: Tx, documentId: number, versions: string[]) {
  return db
    .selectFrom("published_version")
    .select(["version", "title", "published_at", "body_html"])
    .where("document_id", "=", documentId)
    .where("version", "in", versions)
    .execute();
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

/** The topic tags of the latest published versions the viewer may read (the library's topic filter). */
export async function listTags(db: Tx, scope: ReadableScope) {
  const rows = await publishedRows(db, scope)
    .innerJoin(sql<{ value: string }>`json_each(pv.tags)`.as("tag"), (join) => join.onTrue())
    .select(sql<string>`distinct tag.value`.as("tag"))
    .orderBy("tag")
    .execute();
  return rows.map((row) => row.tag);
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
