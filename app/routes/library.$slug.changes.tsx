// What changed between two published versions of a framework.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RenderedDiffStats, RenderedDiffView } from "~/components/document/diff-view";
import { FilterSelect } from "~/components/document/filter-select";
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
        <FilterSelect id="changes-from" name="from" label={t("library.fromVersion")} defaultValue={from.version}>
          {versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="changes-to" name="to" label={t("library.toVersion")} defaultValue={to.version}>
          {versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="changes-view" name="view" label={t("documents.compare.view")} defaultValue={view}>
          <option value="inline">{t("documents.compare.inline")}</option>
          <option value="split">{t("documents.compare.split")}</option>
        </FilterSelect>
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
