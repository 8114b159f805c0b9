// Creating a document, and its details: title, summary, topic tags and the original it translates.
// A translation joins its original's family only by the hand of an editor or chair of the
// original's group ("document:link-translation"); a family has one document a language.
import type { Language } from "~/domain/vocabulary";
import { familyMemberIn, hasTranslations, listTranslationSources } from "~/models/document-family.server";
import { slugTaken } from "~/models/document.server";
import { groupResource } from "~/models/group.server";
import { insertRevision } from "~/models/revision.server";
import { can, readableScope, type Viewer } from "~/policies";
import { indexDraft } from "~/services/search/indexers.server";
import type { DB, Tx } from "~/utils/db.server";
import { writeTransaction } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import type { AccessReason, CreateReason, SettingsReason, SourceReason } from "./failures";
import { auditDocument } from "./notices.server";
import { documentFor, type LoadedDocument } from "./resource.server";
import { renderRevision } from "./sections.server";

type Source = Awaited<ReturnType<typeof listTranslationSources>>[number];
type Translated = { id: number; family_id: number | null };

/** Whether the viewer may declare a document a translation of `source` (or keep it one). */
const linkable = (viewer: Viewer | null, source: Source, document?: Translated) =>
  source.id === (document?.family_id ?? null) ||
  can(viewer, "document:link-translation", { kind: "group", id: source.group_id, visibility: source.group_visibility });

/**
 * The originals a document may be declared a translation of, for the creation and settings forms:
 * those the viewer may link to ("document:link-translation": they edit or chair in the original's
 * group), plus the one it already translates (kept when its settings are saved unchanged).
 */
export async function translationSources(db: DB, viewer: Viewer | null, document?: Translated) {
  const all = await listTranslationSources(db, readableScope(viewer), document?.id);
  return all
    .filter((source) => linkable(viewer, source, document))
    .map((s) => ({ id: s.id, slug: s.slug, title: s.title, language: s.language }));
}

/** The original chosen by its address ("": not a translation), once the viewer may link to it. */
async function chooseSource(
  trx: Tx,
  viewer: Viewer,
  slug: string,
  document?: Translated,
): Promise<Result<Source | null, SourceReason>> {
  if (!slug) return ok(null);
  const [source] = await listTranslationSources(trx, readableScope(viewer), document?.id, slug);
  if (!source) return fail("unknown_source");
  return linkable(viewer, source, document) ? ok(source) : fail("link_forbidden");
}

export interface NewDocumentInput {
  groupId: number;
  slug: string;
  title: string;
  summary: string;
  language: Language;
  tags: string[];
  body: string;
  /** The address of the document this one translates (its family's source), or "". */
  translationOf: string;
}

export async function createDocument(
  db: DB,
  viewer: Viewer,
  input: NewDocumentInput,
): Promise<Result<number, AccessReason | CreateReason>> {
  return writeTransaction(db, async (trx) => {
    const group = await trx
      .selectFrom("working_group")
      .select(["id", "visibility"])
      .where("id", "=", input.groupId)
      .executeTakeFirst();
    if (!group) return fail("not_found");
    if (!can(viewer, "document:create", groupResource(group))) return fail("forbidden");
    const source = await chooseSource(trx, viewer, input.translationOf);
    if (!source.ok) return source;
    if (await slugTaken(trx, input.slug)) return fail("slug_taken");
    const familyId = source.value ? (source.value.family_id ?? source.value.id) : null;
    if (familyId !== null && (await familyMemberIn(trx, familyId, input.language))) return fail("language_taken");
    const now = new Date().toISOString();
    const { id } = await trx
      .insertInto("document")
      .values({
        slug: input.slug,
        group_id: input.groupId,
        title: input.title,
        summary: input.summary,
        language: input.language,
        tags: JSON.stringify(input.tags),
        status: "working_draft",
        created_by: viewer.id,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rendered = renderRevision(input.body, null);
    const revisionId = await insertRevision(trx, {
      documentId: id,
      parentId: null,
      authorId: viewer.id,
      message: "",
      body: rendered.body,
      html: rendered.html,
      toc: rendered.toc,
      sections: rendered.sections,
      kind: "create",
      charsAdded: rendered.body.length,
      charsRemoved: 0,
      createdAt: now,
    });
    await trx
      .updateTable("document")
      .set({ head_revision_id: revisionId, family_id: familyId ?? id })
      .where("id", "=", id)
      .execute();
    await auditDocument(trx, viewer, "document.create", ["document", id], { slug: input.slug, groupId: input.groupId });
    await indexDraft(trx, id);
    return ok(id);
  });
}

export interface SettingsInput {
  title: string;
  summary: string;
  tags: string[];
  /** The address of the original this one translates, or "": not a translation. */
  translationOf: string;
}

/**
 * Title, summary, tags and the translation link. The title, summary and tags are the workspace's:
 * public pages show those of the latest published version until a chair publishes again.
 */
export async function updateSettings(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  input: SettingsInput,
): Promise<Result<undefined, AccessReason | SettingsReason>> {
  return writeTransaction(db, async (trx) => {
    const access = await documentFor(trx, viewer, document.id, "document:manage");
    if (!access.ok) return access;
    const current = access.value.document;
    const source = await chooseSource(trx, viewer, input.translationOf, current);
    if (!source.ok) return source;
    let familyId = current.family_id ?? current.id;
    const isSourceOfOthers = familyId === current.id && (await hasTranslations(trx, current.id));
    if (source.value === null) {
      if (familyId !== current.id && !isSourceOfOthers) familyId = current.id;
    } else {
      if (source.value.id === current.id) return fail("self");
      if (isSourceOfOthers) return fail("is_source");
      const targetFamily = source.value.family_id ?? source.value.id;
      if (targetFamily !== familyId) {
        if (await familyMemberIn(trx, targetFamily, current.language, current.id)) return fail("language_taken");
        familyId = targetFamily;
      }
    }
    await trx
      .updateTable("document")
      .set({
        title: input.title,
        summary: input.summary,
        tags: JSON.stringify(input.tags),
        family_id: familyId,
        updated_at: new Date().toISOString(),
      })
      .where("id", "=", current.id)
      .execute();
    await auditDocument(trx, viewer, "document.settings", ["document", current.id], {
      before: { title: current.title, familyId: current.family_id },
      after: { title: input.title, familyId },
    });
    // The draft's entries take the new title; the published ones keep the published title and
    // summary until a chair publishes the next version (which reindexes them).
    await indexDraft(trx, current.id);
    return ok();
  });
}
