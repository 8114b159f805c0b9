// Reading a published document: the version asked for (or the latest), with everything its page
// shows — versions, translations (and whether this one is behind its source), the disposition
// table, the successor of a withdrawn or superseded document, and what changed between versions.
// Titles, summaries and tags are those published with the version shown (published_version), never
// the document's live ones, which editors change in the workspace until a chair publishes.
import { latestConsultation } from "~/models/consultation.server";
import { listFamily } from "~/models/document-family.server";
import { findDocumentById, findDocumentBySlug } from "~/models/document.server";
import { groupResource } from "~/models/group.server";
import { findPublishedTitle, findVersion, listVersions, versionTexts } from "~/models/published-version.server";
import { authorize, can, readableScope, type Viewer } from "~/policies";
import type { DB } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { fixedT } from "~/utils/i18n.server";
import type { DispositionRow } from "./publisher.server";
import { compareRenderedInSlices } from "./rendered-diff.server";
import { consultationStateOf, documentPermissions, documentResource } from "./resource.server";

const VERSION = /^\d{1,4}\.\d{1,4}$/;

async function readableDocument(db: DB, viewer: Viewer | null, slug: string) {
  const document = await findDocumentBySlug(db, slug);
  if (!document) notFound();
  authorize(viewer, "document:read-published", groupResource({ id: document.group_id, visibility: document.group_visibility }));
  return document;
}

export async function loadPublication(db: DB, viewer: Viewer | null, slug: string, version?: string) {
  const document = await readableDocument(db, viewer, slug);
  if (version !== undefined && !VERSION.test(version)) notFound();
  const scope = readableScope(viewer);
  const [current, versions, family, consultation] = await Promise.all([
    findVersion(db, document.id, version),
    listVersions(db, document.id),
    listFamily(db, document.family_id, scope),
    latestConsultation(db, document.id),
  ]);
  if (!current) notFound();
  const self = family.find((member) => member.id === document.id);
  const index = versions.findIndex((v) => v.version === current.version);
  const previous = index >= 0 ? versions[index + 1] : undefined;
  let successor: { slug: string; title: string } | null = null;
  if (document.successor_id !== null) {
    const target = await findDocumentById(db, document.successor_id);
    if (target) {
      const group = await db
        .selectFrom("working_group")
        .select(["id", "visibility"])
        .where("id", "=", target.group_id)
        .executeTakeFirst();
      const title = await findPublishedTitle(db, target.id);
      // A successor that was never published has no public page to send readers to.
      if (title !== undefined && group && can(viewer, "document:read-published", groupResource(group))) {
        successor = { slug: target.slug, title };
      }
    }
  }
  const permissions = documentPermissions(viewer, documentResource(document, consultation ?? null));
  const consultationOpen =
    consultation && consultationStateOf(consultation) === "open"
      ? {
          closesAt: consultation.closes_at,
          audience: consultation.audience,
          canTakePart: permissions.comment,
          signedIn: viewer !== null,
        }
      : null;
  const { dispositions, summary, tags, ...version_ } = current;
  // What a printed copy says is in the document's language, whatever the reader's interface.
  const tp = fixedT(document.language);
  const printLabels = {
    details: tp("library.details"),
    version: tp("library.versionLabel"),
    versionLine: tp("library.version", { version: current.version }),
    published: tp("library.publishedLabel"),
    publishedBy: tp("library.publishedBy"),
    reviewDue: tp("library.reviewDue"),
    workingGroup: tp("library.workingGroup"),
    status: tp("library.status"),
    statusValue: tp(`documentStatus.${document.status}`),
    language: tp("library.language"),
    languageValue: tp(`languageName.${document.language}`),
    cite: tp("library.cite"),
    notes: tp("library.notes"),
    dispositions: tp("library.dispositions"),
  };
  return {
    document: {
      slug: document.slug,
      title: current.title,
      summary,
      language: document.language,
      status: document.status,
      statusReason: document.status_reason,
      statusChangedAt: document.status_changed_at,
      tags: JSON.parse(tags) as string[],
      groupSlug: document.group_slug,
      groupName: document.group_name,
    },
    version: version_,
    dispositions: JSON.parse(dispositions || "[]") as DispositionRow[],
    latestVersion: versions[0]?.version ?? current.version,
    previousVersion: previous?.version ?? null,
    versions,
    // Translations by their published titles; one not yet published shows as its language only.
    translations: family
      .filter((member) => member.id !== document.id)
      .map(({ title: _live, publishedTitle, ...member }) => ({ ...member, title: publishedTitle })),
    outOfDateWith: self?.outOfDateWith ?? null,
    successor,
    consultationOpen,
    canOpenWorkspace: permissions.readDraft,
    printLabels,
  };
}

/** What changed between two published versions of a document, as published (rendered blocks, word by word inside them). */
export async function loadChanges(db: DB, viewer: Viewer | null, slug: string, from: string | null, to: string | null) {
  const document = await readableDocument(db, viewer, slug);
  const versions = await listVersions(db, document.id);
  if (versions.length === 0) notFound();
  const pick = (value: string | null, fallback: (typeof versions)[number] | undefined) => {
    if (value === null || value === "") return fallback;
    if (!VERSION.test(value)) notFound();
    const found = versions.find((v) => v.version === value);
    if (!found) notFound();
    return found;
  };
  const toVersion = pick(to, versions[0])!;
  const toIndex = versions.indexOf(toVersion);
  const fromVersion = pick(from, versions[toIndex + 1] ?? toVersion)!;
  const rows = await versionTexts(db, document.id, [fromVersion.version, toVersion.version]);
  const revisionOf = (v: string) => rows.find((row) => row.version === v)!;
  return {
    document: {
      slug: document.slug,
      title: revisionOf(toVersion.version).title,
      language: document.language,
      groupName: document.group_name,
    },
    from: { version: fromVersion.version, publishedAt: fromVersion.published_at },
    to: { version: toVersion.version, publishedAt: toVersion.published_at, notes: toVersion.notes },
    versions: versions.map((v) => v.version),
    comparison: await compareRenderedInSlices(revisionOf(fromVersion.version).body_html, revisionOf(toVersion.version).body_html),
  };
}
