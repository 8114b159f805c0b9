// Comparing two revisions of the draft as rendered (headings, lists and tables as such, changed
// words marked inside them), inline or side by side.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RenderedDiffStats, RenderedDiffView } from "~/components/document/diff-view";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { findRevision } from "~/models/revision.server";
import { compareRenderedInSlices } from "~/services/documents/rendered-diff.server";
import { readWorkspace } from "~/services/documents/workspace.server";
import { badRequest, notFound } from "~/utils/http.server";
import { documentPath, revisionPath } from "~/utils/paths";

const revisionParam = (value: string | null) => {
  if (value === null || value === "") badRequest("missing_revision");
  if (!/^[1-9][0-9]{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) badRequest("bad_revision");
  return Number(value);
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, document } = await readWorkspace(request, params.slug);
  const url = new URL(request.url);
  const fromId = revisionParam(url.searchParams.get("from"));
  const toId = revisionParam(url.searchParams.get("to"));
  const [from, to] = await Promise.all([findRevision(db, document.id, fromId), findRevision(db, document.id, toId)]);
  if (!from || !to) notFound();
  const view = url.searchParams.get("view") === "split" ? ("split" as const) : ("inline" as const);
  return {
    document: { slug: document.slug, language: document.language },
    from: { id: from.id, number: from.number, createdAt: from.created_at },
    to: { id: to.id, number: to.number, createdAt: to.created_at },
    view,
    comparison: await compareRenderedInSlices(from.body_html, to.body_html),
  };
}

export default function CompareRevisions() {
  const { t } = useTranslation();
  const { document, from, to, view, comparison } = useLoaderData<typeof loader>();
  const oldLabel = t("documents.revision.title", { revision: from.number });
  const newLabel = t("documents.revision.title", { revision: to.number });
  const revision = (id: number) => revisionPath(document.slug, id);
  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title">{t("documents.compare.title", { from: from.number, to: to.number })}</h2>
      <p>
        <Link to={revision(from.id)}>{oldLabel}</Link> → <Link to={revision(to.id)}>{newLabel}</Link>
      </p>
      <RenderedDiffStats stats={comparison.stats} />
      <Form method="get" className="inline-form diff-toolbar">
        <input type="hidden" name="from" value={from.id} />
        <input type="hidden" name="to" value={to.id} />
        <fieldset className="diff-toolbar__views">
          <legend className="visually-hidden">{t("documents.compare.view")}</legend>
          <label>
            <input type="radio" name="view" value="inline" defaultChecked={view === "inline"} /> {t("documents.compare.inline")}
          </label>{" "}
          <label>
            <input type="radio" name="view" value="split" defaultChecked={view === "split"} /> {t("documents.compare.split")}
          </label>
        </fieldset>
        <button type="submit" className="button">
          {t("documents.compare.show")}
        </button>
        <Link to={documentPath(document.slug, "compare", { from: to.id, to: from.id, view })} className="button button--quiet">
          {t("documents.compare.swap")}
        </Link>
      </Form>
      <div lang={document.language}>
        <RenderedDiffView comparison={comparison} view={view} oldLabel={oldLabel} newLabel={newLabel} />
      </div>
    </section>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
