import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MemberByline } from "~/components/member-card";
import { Badge } from "~/components/ui/badge";
import { VisibilityBadge } from "~/components/visibility-badge";
import { listDocumentsOfGroup } from "~/models/document.server";
import { findGroupBySlug, listGroupMembers } from "~/models/group.server";
import { authorize, can, groupRole } from "~/policies";
import { getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { useSite } from "~/utils/use-site";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const db = getDb();
  const group = await findGroupBySlug(db, params.slug ?? "");
  if (!group) notFound();
  const resource = { kind: "group" as const, id: group.id, visibility: group.visibility };
  authorize(viewer, "group:read", resource);
  const [members, documents] = await Promise.all([listGroupMembers(db, group.id), listDocumentsOfGroup(db, group.id)]);
  const showMembers = can(viewer, "group:read-members", resource);
  return {
    group: {
      slug: group.slug,
      name: group.name,
      purpose: group.purpose,
      visibility: group.visibility,
      charterHtml: group.charter_html,
    },
    chairs: members.filter((member) => member.role === "chair"),
    members: showMembers ? members : null,
    memberCount: members.length,
    documents,
    viewerRole: groupRole(viewer, group.id) ?? null,
    title: group.name,
  };
}

export default function GroupOverview() {
  const { t } = useTranslation();
  const { group, chairs, members, memberCount, documents, viewerRole } = useLoaderData<typeof loader>();
  const { date } = useSite();
  return (
    <div className="page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/groups">{t("groups.title")}</Link>
      </nav>
      <header className="page-header">
        <h1>
          {group.name} <VisibilityBadge visibility={group.visibility} />
        </h1>
        <p className="lead">{group.purpose}</p>
        <p className="muted">
          {t("common.count_members", { count: memberCount })} · {t(`visibilityHint.${group.visibility}`)}
        </p>
        {viewerRole ? <p className="notice notice--info">{t("groups.youAre", { role: t(`groupRole.${viewerRole}`) })}</p> : null}
      </header>
      <div className="with-sidebar">
        <article className="prose" aria-labelledby="charter-title">
          <h2 id="charter-title">{t("groups.charter")}</h2>
          <div dangerouslySetInnerHTML={{ __html: group.charterHtml }} />
        </article>
        <aside className="sidebar">
          <section aria-labelledby="chairs-title">
            <h2 id="chairs-title">{t("groups.chairs")}</h2>
            {chairs.length ? (
              <ul className="plain-list">
                {chairs.map((chair) => (
                  <li key={chair.id}>
                    <MemberByline member={chair} />
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("groups.noChairs")}</p>
            )}
          </section>
          <section aria-labelledby="documents-title">
            <h2 id="documents-title">{t("groups.documents")}</h2>
            {documents.length ? (
              <ul className="plain-list">
                {documents.map((doc) => (
                  <li key={doc.slug}>
                    <Link to={`/library/${doc.slug}`} lang={doc.language}>
                      {doc.title}
                    </Link>
                    <br />
                    <Badge tone={doc.status === "published" ? "success" : "neutral"}>{t(`documentStatus.${doc.status}`)}</Badge>{" "}
                    {doc.version ? <span className="muted">{t("library.version", { version: doc.version })}</span> : null}{" "}
                    <span className="muted">· {date(doc.updated_at)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("groups.noDocuments")}</p>
            )}
          </section>
          <section aria-labelledby="discussions-title">
            <h2 id="discussions-title">{t("groups.discussions")}</h2>
            <p>
              <Link to={`/forums/group-${group.slug}`}>{t("forums.belongsTo", { group: group.name })}</Link>
            </p>
          </section>
          <section aria-labelledby="members-title">
            <h2 id="members-title">{t("groups.members")}</h2>
            {members ? (
              <ul className="plain-list">
                {members.map((member) => (
                  <li key={member.id}>
                    <MemberByline member={member} /> <Badge>{t(`groupRole.${member.role}`)}</Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("groups.membersOnly")}</p>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
