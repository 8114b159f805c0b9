// Documents in the search index: the latest published version of a document, and the head revision
// of a draft, section by section (results link to the section and group them under the document).
import type { SearchAccess } from "~db/tables/search";
import type { Tx } from "~/utils/db.server";
import { documentPath, publicationPath } from "~/utils/paths";
import { entryKey, indexEntry, removeEntries } from "~/utils/search/entries.server";
import { htmlToText } from "~/utils/search/text";
import { groupAccess } from "./access";

interface Section {
  id: string | null;
  heading: string;
  text: string;
}

/** Splits stored HTML at its level-2 and level-3 headings (which carry stable ids). */
export function sectionsFromHtml(html: string): Section[] {
  const sections: Section[] = [];
  const pattern = /<h([23]) id="([^"]+)">([\s\S]*?)<\/h\1>/g;
  let last = 0;
  let current: { id: string | null; heading: string } = { id: null, heading: "" };
  for (const match of html.matchAll(pattern)) {
    const text = htmlToText(html.slice(last, match.index));
    if (text) sections.push({ ...current, text });
    current = { id: match[2], heading: htmlToText(match[3]) };
    last = match.index! + match[0].length;
  }
  const text = htmlToText(html.slice(last));
  if (text || current.id) sections.push({ ...current, text });
  return sections;
}

/** Entries of one section carry ref ids derived from the version id, one per section. */
const SECTION_SLOTS = 1000;

/**
 * Indexes the latest published version of a document, section by section (links go to the
 * section), under the title and summary published with that version.
 */
export async function indexPublishedDocument(db: Tx, documentId: number) {
  const doc = await db
    .selectFrom("document")
    .innerJoin("working_group", "working_group.id", "document.group_id")
    .select([
      "document.id",
      "document.slug",
      "document.language",
      "working_group.id as group_id",
      "working_group.name as group_name",
      "working_group.visibility as group_visibility",
    ])
    .where("document.id", "=", documentId)
    .executeTakeFirst();
  await removeDocumentSections(db, documentId);
  if (!doc) return;
  const version = await db
    .selectFrom("published_version")
    .select(["id", "version", "title", "summary", "body_html", "published_at"])
    .where("document_id", "=", documentId)
    .orderBy("major", "desc")
    .orderBy("minor", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!version) return;
  const grouping = await sectionGrouping(db, "document", documentId);
  const sections = sectionsFromHtml(version.body_html).slice(0, SECTION_SLOTS - 1);
  let slot = 0;
  // Title and summary as published with the version: an editor's later changes are not public yet.
  for (const section of [{ id: null, heading: "", text: version.summary }, ...sections]) {
    if (!section.text && !section.heading) continue;
    await indexEntry(db, {
      kind: "document",
      refId: documentId * SECTION_SLOTS + slot++,
      url: publicationPath(doc.slug, section.id ?? undefined),
      title: section.heading ? `${version.title} — ${section.heading}` : version.title,
      text: section.text,
      access: groupAccess(doc.group_visibility),
      groupId: doc.group_id,
      place: doc.group_name,
      language: doc.language,
      createdAt: version.published_at,
      ...grouping,
    });
  }
}

/** Removes a document's section entries of one kind (its published text, or its draft). */
export async function removeDocumentSections(db: Tx, documentId: number, kind: "document" | "draft" = "document") {
  const existing = await db
    .selectFrom("search_doc")
    .select("ref_id")
    .where("kind", "=", kind)
    .where("ref_id", ">=", documentId * SECTION_SLOTS)
    .where("ref_id", "<", (documentId + 1) * SECTION_SLOTS)
    .execute();
  await removeEntries(
    db,
    kind,
    existing.map((row) => row.ref_id),
  );
}

/**
 * How results group a document's entries: its sections under its first entry (slot 0), and a
 * published document with its translations (the document family).
 */
async function sectionGrouping(db: Tx, kind: "document" | "draft", documentId: number) {
  const parent = entryKey(kind, documentId * SECTION_SLOTS);
  if (kind === "draft") return { parent, family: null };
  const doc = await db.selectFrom("document").select("family_id").where("id", "=", documentId).executeTakeFirst();
  return { parent, family: doc?.family_id ? `document-family:${doc.family_id}` : null };
}

// ---------------------------------------------------------------------------------------------
// Drafts: the head revision of a document, section by section, for the group's members.

export async function indexDraft(db: Tx, documentId: number) {
  await removeDocumentSections(db, documentId, "draft");
  const doc = await db
    .selectFrom("document")
    .innerJoin("working_group", "working_group.id", "document.group_id")
    .innerJoin("revision", "revision.id", "document.head_revision_id")
    .select([
      "document.id",
      "document.slug",
      "document.title",
      "document.language",
      "document.status",
      "revision.body_html",
      "revision.created_at",
      "revision.author_id",
      "working_group.id as group_id",
      "working_group.name as group_name",
    ])
    .where("document.id", "=", documentId)
    .executeTakeFirst();
  if (!doc || !doc.body_html || doc.status === "withdrawn") return;
  // Drafts are found by the group's members only: a consultation's audience reads the draft on its
  // page while the window is open, but the index would outlive the window.
  const access: SearchAccess = "group";
  const sections = sectionsFromHtml(doc.body_html).slice(0, SECTION_SLOTS - 1);
  // The first entry heads the draft's group in results: the text before its first heading, if any.
  if (sections[0]?.id !== null) sections.unshift({ id: null, heading: "", text: "" });
  const grouping = await sectionGrouping(db, "draft", documentId);
  let slot = 0;
  for (const section of sections) {
    await indexEntry(db, {
      kind: "draft",
      refId: documentId * SECTION_SLOTS + slot++,
      url: documentPath(doc.slug, undefined, undefined, section.id ?? undefined),
      title: section.heading ? `${doc.title} — ${section.heading}` : doc.title,
      text: section.text,
      access,
      groupId: doc.group_id,
      authorId: doc.author_id,
      place: doc.group_name,
      language: doc.language,
      createdAt: doc.created_at,
      ...grouping,
    });
  }
}
