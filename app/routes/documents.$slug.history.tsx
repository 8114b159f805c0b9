// Every revision of the draft: author, time, message and size of change, with links to view it,
// to compare it with its parent, and a form to compare any two.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { Badge } from "~/components/ui/badge";
import { listRevisions, revisionNumbers } from "~/models/revision.server";
import { readWorkspace } from "~/services/documents/workspace.server";
import { documentPath, memberPath, proposalPath, revisionPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, document } = await readWorkspace(request, params.slug);
  const before = Number(new URL(request.url).searchParams.get("before"));
  const page = await listRevisions(db, document.id, { before: Number.isSafeInteger(before) && before > 0 ? before : undefined });
  // Restored and merged revisions name others (#N), which may be on another page of the history.
  const numbers = await revisionNumbers(
    db,
    document.id,
    page.revisions.flatMap((r) => [r.restored_from_id, r.based_on_id]),
  );
  return {
    document: { slug: document.slug, title: document.title },
    headId: document.head_revision_id,
    ...page,
    numbers,
  };
}

export default function History() {
  const { t } = useTranslation();
  const { date, number } = useSite();
  const { document, headId, revisions, nextBefore, numbers } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t("documents.history.title")}</h2>
      <p className="muted">{t("documents.history.intro")}</p>
      <Form method="get" action={documentPath(document.slug, "compare")} className="history-form">
        <div className="table-scroll">
          <table className="data-table history-table">
            <caption className="visually-hidden">{t("documents.history.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("documents.history.from")}</th>
                <th scope="col">{t("documents.history.to")}</th>
                <th scope="col">{t("documents.history.revision")}</th>
                <th scope="col">{t("documents.history.author")}</th>
                <th scope="col">{t("documents.history.when")}</th>
                <th scope="col">{t("documents.history.message")}</th>
                <th scope="col" className="numeric">
                  {t("documents.history.change")}
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((revision, i) => (
                <tr key={revision.id}>
                  <td>
                    <input
                      type="radio"
                      name="from"
                      value={revision.id}
                      defaultChecked={i === 1}
                      aria-label={t("documents.history.compareFrom", { revision: revision.number })}
                    />
                  </td>
                  <td>
                    <input
                      type="radio"
                      name="to"
                      value={revision.id}
                      defaultChecked={i === 0}
                      aria-label={t("documents.history.compareTo", { revision: revision.number })}
                    />
                  </td>
                  <th scope="row">
                    <Link to={revisionPath(document.slug, revision.id)}>#{revision.number}</Link>
                    {revision.id === headId ? <Badge tone="info">{t("documents.history.current")}</Badge> : null}
                    {revision.published_as ? (
                      <Badge tone="success">{t("library.version", { version: revision.published_as })}</Badge>
                    ) : null}
                  </th>
                  <td>
                    {revision.author_username ? (
                      <Link to={memberPath(revision.author_username)}>{revision.author_name}</Link>
                    ) : (
                      (revision.author_name ?? t("documents.history.imported"))
                    )}
                  </td>
                  <td>
                    <time dateTime={revision.created_at}>{date(revision.created_at, true)}</time>
                  </td>
                  <td>
                    {revision.kind !== "edit" ? <Badge>{t(`documents.history.kind.${revision.kind}`)}</Badge> : null}{" "}
                    {revision.kind === "restore" && revision.restored_from_id ? (
                      <span className="muted">
                        {t("documents.history.restoredFrom", { revision: numbers[revision.restored_from_id] ?? "?" })}{" "}
                      </span>
                    ) : null}
                    {revision.kind === "merge" && revision.based_on_id ? (
                      <span className="muted">
                        {t("documents.history.mergedFrom", { revision: numbers[revision.based_on_id] ?? "?" })}{" "}
                      </span>
                    ) : null}
                    {revision.proposal_id ? (
                      <Link to={proposalPath(document.slug, revision.proposal_id)} className="muted">
                        {t("documents.history.fromProposal", { id: revision.proposal_id })}{" "}
                      </Link>
                    ) : null}
                    {revision.message}
                    {revision.parent_id ? (
                      <>
                        {" "}
                        <Link
                          to={documentPath(document.slug, "compare", { from: revision.parent_id, to: revision.id })}
                          className="history-table__diff"
                        >
                          {t("documents.history.diff")}
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td className="numeric">
                    <span className="diff-stats__added">+{number(revision.chars_added)}</span>{" "}
                    <span className="diff-stats__removed">−{number(revision.chars_removed)}</span>
                    <br />
                    <span className="muted">{t("documents.history.size", { size: number(revision.size) })}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {revisions.length > 1 ? (
          <button type="submit" className="button">
            {t("documents.history.compareSelected")}
          </button>
        ) : null}
      </Form>
      {nextBefore ? (
        <nav className="pagination" aria-label={t("documents.history.older")}>
          <Link to={`?before=${nextBefore}`}>{t("documents.history.older")} →</Link>
        </nav>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
