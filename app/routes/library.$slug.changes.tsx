// What changed between two published versions of a framework.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RenderedDiffStats, RenderedDiffView } from "~/components/document/diff-view";
import { loadChanges } from "~/services/documents/library.server";
import { getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { libraryPath, publicationPath, versionPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const url = new URL(request.url);
  const changes = await loadChanges(getDb(), viewer, params.slug ?? "", url.searchParams.get("from"), url.searchParams.get("to"));
  const view = url.searchParams.get("view") === "split" ? ("split" as const) : ("inline" as const);
  return { ...changes, view, title: `${changes.document.title} ${changes.from.version} → ${changes.to.version}` };
}

export default function VersionChanges() {
  const { t } = useTranslation();
  const { date } = useSite();
  const { document, from, to, versions, comparison, view } = useLoaderData<typeof loader>();
  const oldLabel = t("library.version", { version: from.version });
  const newLabel = t("library.version", { version: to.version });
  return (
    <div className="page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb no-print">
        <Link to={libraryPath()}>{t("library.title")}</Link> › <Link to={publicationPath(document.slug)}>{document.title}</Link>
      </nav>
      <h1>{t("library.changesTitle", { from: from.version, to: to.version })}</h1>
      <p className="lead" lang={document.language}>
        {document.title}
      </p>
      <p className="muted">
        <Link to={versionPath(document.slug, from.version)}>{oldLabel}</Link> ({date(from.publishedAt)}) →{" "}
        <Link to={versionPath(document.slug, to.version)}>{newLabel}</Link> ({date(to.publishedAt)})
      </p>
      {to.notes ? (
        <section className="panel" aria-labelledby="changes-notes">
          <h2 id="changes-notes">{t("library.notesOf", { version: to.version })}</h2>
          <p className="doc-pre-line">{to.notes}</p>
        </section>
      ) : null}
      <Form method="get" className="filters no-print">
        <div className="field">
          <label htmlFor="changes-from" className="field__label">
            {t("library.fromVersion")}
          </label>
          <select id="changes-from" name="from" defaultValue={from.version}>
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="changes-to" className="field__label">
            {t("library.toVersion")}
          </label>
          <select id="changes-to" name="to" defaultValue={to.version}>
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="changes-view" className="field__label">
            {t("documents.compare.view")}
          </label>
          <select id="changes-view" name="view" defaultValue={view}>
            <option value="inline">{t("documents.compare.inline")}</option>
            <option value="split">{t("documents.compare.split")}</option>
          </select>
        </div>
        <button type="submit" className="button">
          {t("documents.compare.show")}
        </button>
      </Form>
      <RenderedDiffStats stats={comparison.stats} />
      <div lang={document.language}>
        <RenderedDiffView comparison={comparison} view={view} oldLabel={oldLabel} newLabel={newLabel} />
      </div>
    </div>
  );
}
