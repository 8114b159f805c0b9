// Document families: an original and its translations. A document alone is its own family; a
// translation's family_id is the id of its original (the source).
import type { DocumentStatus, Language } from "~/domain/vocabulary";
import type { ReadableScope } from "~/policies";
import type { Tx } from "~/utils/db.server";
import { compareVersions, latestVersionOf } from "./published-version.server";
import { groupVisible } from "./visibility.server";

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

/**
 * Documents another can be declared a translation of: the sources of families the viewer may read
 * (with their group, for "document:link-translation" to decide which the viewer may link to).
 * `slug` narrows the list to the one source of that address.
 */
export async function listTranslationSources(db: Tx, scope: ReadableScope, exceptId?: number, slug?: string) {
  let query = db
    .selectFrom("document")
    .innerJoin("working_group", "working_group.id", "document.group_id")
    .select([
      "document.id",
      "document.slug",
      "document.title",
      "document.language",
      "document.group_id",
      "document.family_id",
      "working_group.visibility as group_visibility",
    ])
    .where((eb) => eb.or([eb("document.family_id", "is", null), eb("document.family_id", "=", eb.ref("document.id"))]))
    .where(groupVisible(scope))
    .orderBy("document.title");
  if (exceptId !== undefined) query = query.where("document.id", "!=", exceptId);
  if (slug !== undefined) query = query.where("document.slug", "=", slug);
  return query.execute();
}

/** Another document of the family in this language, if any (a family has one document a language). */
export async function familyMemberIn(db: Tx, familyId: number, language: Language, exceptId?: number) {
  let query = db.selectFrom("document").select("id").where("family_id", "=", familyId).where("language", "=", language);
  if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
  return query.executeTakeFirst();
}

/** Whether other documents translate this one. */
export async function hasTranslations(db: Tx, documentId: number) {
  const row = await db
    .selectFrom("document")
    .select("id")
    .where("family_id", "=", documentId)
    .where("id", "!=", documentId)
    .executeTakeFirst();
  return row !== undefined;
}
