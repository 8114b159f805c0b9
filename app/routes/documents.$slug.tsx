// The workspace of a guidance document: its header, the consultation banner and the tabs of the
// drafting pages (draft, edit, history, proposals, consultation, publishing, settings).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData, useLocation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConsultationBanner } from "~/components/document/consultation-banner";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { Badge } from "~/components/ui/badge";
import { VisibilityBadge } from "~/components/visibility-badge";
import { countOpenProposals } from "~/models/change-proposal.server";
import { latestPublished } from "~/models/published-version.server";
import { isClosedRecord } from "~/policies/documents";
import { metadataDiffers } from "~/services/documents/publisher.server";
import { draftStage, readWorkspace } from "~/services/documents/workspace.server";
import { documentPath, groupPath, publicationPath } from "~/utils/paths";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, document, consultation, permissions } = await readWorkspace(request, params.slug, { toLibrary: true });
  const [published, openProposals] = await Promise.all([latestPublished(db, document.id), countOpenProposals(db, document.id)]);
  return {
    document: {
      slug: document.slug,
      title: document.title,
      language: document.language,
      status: document.status,
      groupSlug: document.group_slug,
      groupName: document.group_name,
      groupVisibility: document.group_visibility,
    },
    stage: draftStage(consultation, published?.published_at ?? null),
    consultation: consultation && {
      audience: consultation.audience,
      opensAt: consultation.opens_at,
      closesAt: consultation.closes_at,
      note: consultation.note,
    },
    published: published ? { version: published.version, publishedAt: published.published_at } : null,
    // The live title, summary or tags differ from what the library shows until a chair publishes.
    metadataPending: metadataDiffers(document, published),
    openProposals,
    permissions,
    title: document.title,
  };
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "preview" ? false : defaultShouldRevalidate;

export default function DocumentWorkspace() {
  const { t } = useTranslation();
  const { document, stage, consultation, published, metadataPending, openProposals, permissions } =
    useLoaderData<typeof loader>();
  const base = documentPath(document.slug);
  const closedRecord = isClosedRecord(document.status);
  // The History tab is also the current one on the pages it leads to: a revision, a comparison.
  const { pathname } = useLocation();
  const inHistory = /^\/(history|compare|revisions)(\/|$)/.test(pathname.slice(base.length));
  return (
    <div className="page document-workspace">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={groupPath(document.groupSlug)}>{document.groupName}</Link> ›{" "}
        <Link to={groupPath(document.groupSlug, "documents")}>{t("documents.groupTab.title")}</Link>
      </nav>
      <header className="page-header">
        <h1 lang={document.language}>
          {document.title} {document.groupVisibility === "private" ? <VisibilityBadge visibility="private" /> : null}
        </h1>
        <p className="document-workspace__state">
          <Badge tone={document.status === "published" ? "success" : closedRecord ? "warning" : "info"}>
            {t(`documentStatus.${document.status}`)}
          </Badge>
          {!closedRecord && document.status === "published" ? (
            <>
              {" "}
              <span className="muted">{t("documents.workspace.nextDraft")}</span>{" "}
              <Badge tone="info">{t(`documentStatus.${stage}`)}</Badge>
            </>
          ) : null}{" "}
          {published ? (
            <Link to={publicationPath(document.slug)}>
              {t("documents.workspace.publishedVersion", { version: published.version })}
            </Link>
          ) : (
            <span className="muted">{t("documents.workspace.neverPublished")}</span>
          )}
        </p>
        {metadataPending && published ? (
          <p className="notice notice--info" role="note">
            {t("documents.workspace.metadataPending", { version: published.version })}
          </p>
        ) : null}
      </header>
      {consultation ? <ConsultationBanner consultation={consultation} slug={document.slug} /> : null}
      <nav className="tabs" aria-label={t("documents.workspace.tabs")}>
        <NavLink to={base} end>
          {t("documents.tabs.draft")}
        </NavLink>
        {permissions.edit ? <NavLink to={documentPath(document.slug, "edit")}>{t("documents.tabs.edit")}</NavLink> : null}
        <Link
          to={documentPath(document.slug, "history")}
          className={inHistory ? "active" : undefined}
          aria-current={inHistory ? "page" : undefined}
        >
          {t("documents.tabs.history")}
        </Link>
        <NavLink to={documentPath(document.slug, "proposals")}>
          {t("documents.tabs.proposals")}
          {openProposals ? <span className="tab-count">{openProposals}</span> : null}
        </NavLink>
        <NavLink to={documentPath(document.slug, "consultation")}>{t("documents.tabs.consultation")}</NavLink>
        {permissions.publish || permissions.withdraw ? (
          <NavLink to={documentPath(document.slug, "publish")}>{t("documents.tabs.publish")}</NavLink>
        ) : null}
        {permissions.manage ? (
          <NavLink to={documentPath(document.slug, "settings")}>{t("documents.tabs.settings")}</NavLink>
        ) : null}
      </nav>
      <Outlet />
    </div>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
