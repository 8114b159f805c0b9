// Reading a published document: the version asked for (or the latest), with everything its page shows.
import { findDocumentBySlug, findVersion, listTranslations, listVersions } from "~/models/document.server";
import { authorize, readableScope, type Viewer } from "~/policies";
import type { DB } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";

export async function loadPublication(db: DB, viewer: Viewer | null, slug: string, version?: string) {
  const document = await findDocumentBySlug(db, slug);
  if (!document) notFound();
  authorize(viewer, "document:read-published", { kind: "group", id: document.group_id, visibility: document.group_visibility });
  if (version !== undefined && !/^\d{1,4}\.\d{1,4}$/.test(version)) notFound();
  const [current, versions, translations] = await Promise.all([
    findVersion(db, document.id, version),
    listVersions(db, document.id),
    listTranslations(db, document, readableScope(viewer)),
  ]);
  if (!current) notFound();
  return {
    document: {
      slug: document.slug,
      title: document.title,
      summary: document.summary,
      language: document.language,
      status: document.status,
      tags: document.tags,
      groupSlug: document.group_slug,
      groupName: document.group_name,
    },
    version: current,
    latestVersion: versions[0]?.version ?? current.version,
    versions,
    translations,
  };
}
