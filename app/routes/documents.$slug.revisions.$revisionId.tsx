// One revision of the draft as it was, with a way to restore it as a new revision.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { Badge } from "~/components/ui/badge";
import { findRevision } from "~/models/revision.server";
import { authorize } from "~/policies";
import { restoreSchema } from "~/schemas/documents";
import { saveDraft } from "~/services/documents/saver.server";
import { readWorkspace, requireDocumentViewer, throwIfRefused } from "~/services/documents/workspace.server";
import { readForm } from "~/utils/form.server";
import { badRequest, notFound, parseId } from "~/utils/http.server";
import { documentPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, document, permissions } = await readWorkspace(request, params.slug);
  const revision = await findRevision(db, document.id, parseId(params.revisionId));
  if (!revision) notFound();
  const isHead = revision.id === document.head_revision_id;
  return {
    document: { slug: document.slug, language: document.language },
    revision: {
      id: revision.id,
      number: revision.number,
      parentId: revision.parent_id,
      authorName: revision.author_name,
      message: revision.message,
      createdAt: revision.created_at,
      html: revision.body_html,
      kind: revision.kind,
      publishedAs: revision.published_as,
    },
    headId: document.head_revision_id,
    isHead,
    canRestore: permissions.edit && !isHead,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, document, resource } = await requireDocumentViewer(request, params.slug);
  authorize(viewer, "document:read-draft", resource);
  authorize(viewer, "document:edit", resource);
  const revision = await findRevision(db, document.id, parseId(params.revisionId));
  if (!revision) notFound();
  const parsed = restoreSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) badRequest();
  const result = await saveDraft(db, viewer, {
    documentId: document.id,
    body: revision.body_md,
    message: `Restored revision #${revision.number}`,
    baseRevisionId: parsed.data.baseRevision,
    kind: "restore",
    restoredFromId: revision.id,
  });
  if (result.ok) {
    const saved = result.value;
    if (saved.status === "unchanged") return redirect(documentPath(document.slug, undefined, { unchanged: 1 }));
    const query = saved.merged ? { saved: saved.revisionId, merged: 1, from: saved.headBefore } : { saved: saved.revisionId };
    return redirect(documentPath(document.slug, undefined, query));
  }
  if (result.reason === "conflict") return data({ conflict: true }, { status: 409 });
  throwIfRefused(result);
  badRequest(result.reason);
}

export default function RevisionView() {
  const { t } = useTranslation();
  const { date } = useSite();
  const { document, revision, headId, isHead, canRestore } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const compare = (from: number, to: number) => documentPath(document.slug, "compare", { from, to });
  return (
    <section aria-labelledby="revision-title">
      <h2 id="revision-title">
        {t("documents.revision.title", { revision: revision.number })}{" "}
        {isHead ? <Badge tone="info">{t("documents.history.current")}</Badge> : null}
        {revision.publishedAs ? <Badge tone="success">{t("library.version", { version: revision.publishedAs })}</Badge> : null}
      </h2>
      <p className="muted">
        {t("documents.revision.by", {
          name: revision.authorName ?? t("documents.history.imported"),
          date: date(revision.createdAt, true),
        })}
        {revision.message ? ` — “${revision.message}”` : ""}
      </p>
      <p className="revision-actions">
        {revision.parentId ? (
          <Link to={compare(revision.parentId, revision.id)}>{t("documents.revision.compareParent")}</Link>
        ) : null}
        {!isHead && headId ? (
          <>
            {" "}
            · <Link to={compare(revision.id, headId)}>{t("documents.revision.compareCurrent")}</Link>
          </>
        ) : null}
      </p>
      {actionData?.conflict ? (
        <p className="notice notice--warning" role="alert">
          {t("documents.revision.restoreConflict")}
        </p>
      ) : null}
      {canRestore ? (
        <Form method="post" className="panel inline-form">
          <input type="hidden" name="intent" value="restore" />
          <input type="hidden" name="baseRevision" value={headId ?? ""} />
          <p>{t("documents.revision.restoreHint")}</p>
          <button type="submit" className="button">
            {t("documents.revision.restore")}
          </button>
        </Form>
      ) : null}
      <article className="prose" lang={document.language} dangerouslySetInnerHTML={{ __html: revision.html }} />
    </section>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
