// The Documents tab of a working group's space: its guidance documents with their published
// version, where the next draft stands, and open work (proposals) for those who may see drafts.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { listDocumentsOfGroupDetailed } from "~/models/document.server";
import { can } from "~/policies";
import { readGroup } from "~/services/groups/context.server";
import { draftStage } from "~/services/documents/workspace.server";
import { documentPath, newDocumentPath, publicationPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, group, resource } = await readGroup(request, params.slug);
  const rows = await listDocumentsOfGroupDetailed(db, group.id);
  const documents = rows.map((row) => {
    const consultation =
      row.consultation_opens_at && row.consultation_closes_at
        ? { opens_at: row.consultation_opens_at, closes_at: row.consultation_closes_at }
        : null;
    const docResource = {
      kind: "document" as const,
      groupId: group.id,
      groupVisibility: group.visibility,
      status: row.status,
      consultation: consultation
        ? { audience: row.consultation_audience ?? "members", opensAt: consultation.opens_at, closesAt: consultation.closes_at }
        : null,
    };
    const readsDraft = can(viewer, "document:read-draft", docResource);
    // Those who read the draft see the live title, summary and tags; others what was published.
    const published = !readsDraft && row.version !== null;
    return {
      slug: row.slug,
      title: published ? (row.published_title ?? row.title) : row.title,
      summary: published ? (row.published_summary ?? "") : row.summary,
      language: row.language,
      status: row.status,
      tags: JSON.parse(published ? (row.published_tags ?? "[]") : row.tags) as string[],
      version: row.version,
      publishedAt: row.published_at,
      stage: draftStage(consultation, row.published_at ?? null),
      draftAhead: row.published_revision_id !== null && row.published_revision_id !== row.head_revision_id,
      headAt: readsDraft ? row.head_at : null,
      headAuthor: readsDraft ? row.head_author_name : null,
      openProposals: readsDraft ? Number(row.open_proposals ?? 0) : 0,
      consultationClosesAt: consultation?.closes_at ?? null,
      readsDraft,
    };
  });
  return {
    group: { slug: group.slug, name: group.name },
    // Outsiders see what is published; the group sees its drafts too.
    documents: documents.filter((doc) => doc.version || doc.readsDraft),
    canCreate: can(viewer, "document:create", resource),
    title: group.name,
  };
}

export default function GroupDocuments() {
  const { t } = useTranslation();
  const { date } = useSite();
  const { group, documents, canCreate } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="group-documents-title">
      <h2 id="group-documents-title">{t("documents.groupTab.title")}</h2>
      <p className="muted">{t("documents.groupTab.intro")}</p>
      {canCreate ? (
        <p>
          <Link to={newDocumentPath({ group: group.slug })} className="button button--primary">
            {t("documents.groupTab.new")}
          </Link>
        </p>
      ) : null}
      {documents.length ? (
        <ul className="doc-list">
          {documents.map((doc) => (
            <li key={doc.slug} className="card">
              <h3 className="card__title">
                <Link to={doc.readsDraft ? documentPath(doc.slug) : publicationPath(doc.slug)} lang={doc.language}>
                  {doc.title}
                </Link>
              </h3>
              <p className="card__meta">
                <Badge
                  tone={
                    doc.status === "published"
                      ? "success"
                      : doc.status === "withdrawn" || doc.status === "superseded"
                        ? "warning"
                        : "info"
                  }
                >
                  {t(`documentStatus.${doc.status}`)}
                </Badge>{" "}
                {doc.version ? (
                  <>
                    <Link to={publicationPath(doc.slug)}>{t("library.version", { version: doc.version })}</Link> ·{" "}
                    {t("library.published", { date: date(doc.publishedAt) })} ·{" "}
                  </>
                ) : null}
                {t(`languageName.${doc.language}`)}
              </p>
              {doc.readsDraft && (doc.draftAhead || !doc.version) ? (
                <p className="card__meta">
                  {t("documents.groupTab.draft")} <Badge tone="info">{t(`documentStatus.${doc.stage}`)}</Badge>
                  {doc.headAt
                    ? ` · ${t("documents.groupTab.lastEdit", { name: doc.headAuthor ?? t("documents.history.imported"), date: date(doc.headAt, true) })}`
                    : ""}
                  {doc.stage === "consultation" && doc.consultationClosesAt
                    ? ` · ${t("documents.consultation.deadline", { date: date(doc.consultationClosesAt, true) })}`
                    : ""}
                  {doc.openProposals ? (
                    <>
                      {" "}
                      ·{" "}
                      <Link to={documentPath(doc.slug, "proposals")}>
                        {t("documents.groupTab.openProposals", { count: doc.openProposals })}
                      </Link>
                    </>
                  ) : null}
                </p>
              ) : null}
              {doc.summary ? (
                <p className="card__summary" lang={doc.language}>
                  {doc.summary}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">{t("documents.groupTab.none")}</p>
      )}
    </section>
  );
}
