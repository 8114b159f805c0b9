import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActiveDiscussions } from "~/components/forum/active-discussions";
import { PublicationCard } from "~/components/publication-card";
import { Badge } from "~/components/ui/badge";
import { listLatestTopics } from "~/models/topic.server";
import { listPublishedDocuments } from "~/models/document.server";
import { listGroupNames } from "~/models/group.server";
import { readableScope } from "~/policies";
import { getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { requestLanguage } from "~/utils/i18n.server";
import { forumsPath, groupPath, groupsPath, joinPath, libraryPath } from "~/utils/paths";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const scope = readableScope(viewer);
  const db = getDb();
  const [publications, discussions, groups] = await Promise.all([
    listPublishedDocuments(db, scope, { sort: "recent" }, 6, requestLanguage(request, viewer)),
    listLatestTopics(db, scope, { viewerId: viewer?.id, limit: 6 }),
    listGroupNames(db, scope),
  ]);
  return {
    publications: publications.map((doc) => ({
      id: doc.id,
      slug: doc.slug,
      title: doc.title,
      summary: doc.summary,
      language: doc.language,
      version: doc.version,
      published_at: doc.published_at,
      group_name: doc.group_name,
      otherLanguages: doc.otherLanguages.map(({ slug, title, language, version }) => ({ slug, title, language, version })),
    })),
    discussions: discussions.map((topic) => ({
      id: topic.id,
      title: topic.title,
      slug: topic.slug,
      replies: topic.replies,
      last_post_at: topic.last_post_at,
      category_slug: topic.category_slug,
      category_name: topic.category_name,
      unread: topic.unread,
      isNew: topic.isNew,
    })),
    groups,
    signedIn: viewer !== null,
  };
}

export default function Home() {
  const { t } = useTranslation();
  const { publications, discussions, groups, signedIn } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p className="lead">{t("home.intro")}</p>
        <p>{t("home.introMore")}</p>
        <p className="hero__actions">
          <Link to={libraryPath()} className="button button--primary">
            {t("home.readLibrary")}
          </Link>
          {signedIn ? null : (
            <Link to={joinPath()} className="button">
              {t("home.applyToJoin")}
            </Link>
          )}
        </p>
      </section>

      <div className="home-grid">
        <section aria-labelledby="home-publications" className="home-grid__wide">
          <h2 id="home-publications">{t("home.latestPublications")}</h2>
          {publications.length ? (
            <ul className="card-list">
              {publications.map((doc) => (
                <PublicationCard key={doc.id} doc={doc} heading="h3" />
              ))}
            </ul>
          ) : (
            <p>{t("home.noPublications")}</p>
          )}
          <p>
            <Link to={libraryPath()}>{t("home.allPublications")} →</Link>
          </p>
        </section>

        <section aria-labelledby="home-forums">
          <h2 id="home-forums">{t("forums.activeDiscussions")}</h2>
          <ActiveDiscussions topics={discussions} />
          <p>
            <Link to={forumsPath()}>{t("home.allForums")} →</Link>
          </p>
        </section>

        <section aria-labelledby="home-groups">
          <h2 id="home-groups">{t("home.workingGroups")}</h2>
          <ul className="plain-list">
            {groups.map((group) => (
              <li key={group.id}>
                <Link to={groupPath(group.slug)}>{group.name}</Link>{" "}
                {group.visibility === "private" ? <Badge tone="private">{t("visibility.private")}</Badge> : null}
              </li>
            ))}
          </ul>
          <p>
            <Link to={groupsPath()}>{t("home.allGroups")} →</Link>
          </p>
        </section>
      </div>
    </div>
  );
}
