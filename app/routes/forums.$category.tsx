import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { watchSchema } from "~/schemas/forums";
import { TopicTable, toTopicRow } from "~/components/forum/topic-list";
import { WatchControl } from "~/components/forum/watch-control";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { VisibilityBadge } from "~/components/visibility-badge";
import { categoryResource, findCategoryBySlug } from "~/models/category.server";
import { findWatch } from "~/models/forum-state.server";
import { decodeCursor, listTopics, tagsOfCategory } from "~/models/topic.server";
import { authorize, can, type Viewer } from "~/policies";
import { refuse } from "~/services/forum/refuse.server";
import { setCategoryWatch } from "~/services/forum/reading-state.server";
import { getViewer, requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { badRequest, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/form.server";
import { categoryFeedPath, categoryPath, forumsPath, groupPath, adminPath, loginPath, newTopicPath } from "~/utils/paths";

async function loadCategory(slug: string | undefined, viewer: Viewer | null) {
  const category = await findCategoryBySlug(getDb(), slug ?? "");
  if (!category) notFound();
  const resource = categoryResource(category);
  authorize(viewer, "category:read", resource);
  return { category, resource };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const db = getDb();
  const { category, resource } = await loadCategory(params.category, viewer);
  const url = new URL(request.url);
  const after = url.searchParams.get("after");
  const cursor = after ? decodeCursor(after) : undefined;
  if (after && !cursor) badRequest();
  const tag = url.searchParams.get("tag")?.trim().toLowerCase().slice(0, 30) || undefined;
  const [{ topics, nextCursor }, tags] = await Promise.all([
    listTopics(db, [category.id], { cursor, tag, viewerId: viewer?.id }),
    tagsOfCategory(db, category.id),
  ]);
  const watchLevel =
    can(viewer, "category:watch", resource) && viewer
      ? ((await findWatch(db, viewer.id, "category", category.id)) ?? ("normal" as const))
      : null;
  return {
    title: category.name,
    category: {
      slug: category.slug,
      name: category.name,
      description: category.description,
      visibility: category.visibility,
      qa: category.qa === 1,
      archived: category.archived_at !== null,
      topicCount: category.topic_count,
      groupSlug: category.group_slug,
      groupName: category.group_name,
    },
    topics: topics.map(toTopicRow),
    nextCursor,
    tag: tag ?? null,
    tags,
    firstPage: !cursor,
    watchLevel,
    can: {
      createTopic: can(viewer, "topic:create", resource),
      feed: can(viewer, "category:read-feed", resource),
      moderationQueue: can(viewer, "moderation:queue"),
    },
    signedIn: viewer !== null,
  };
}

/** Feed readers find a public category's feed from its page (autodiscovery). */
export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data?.can.feed
    ? [
        {
          tagName: "link",
          rel: "alternate",
          type: "application/atom+xml",
          href: categoryFeedPath(data.category.slug),
          title: data.category.name,
        },
      ]
    : [];

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const { category } = await loadCategory(params.category, viewer);
  const form = await readForm(request);
  const parsed = watchSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) badRequest();
  const result = await setCategoryWatch(getDb(), viewer, category.id, parsed.data.level === "normal" ? null : parsed.data.level);
  if (!result.ok) refuse(result);
  return form.get("js") === "1" ? data({ ok: true }) : redirect(categoryPath(category.slug));
}

export default function CategoryPage() {
  const { t } = useTranslation();
  const { category, topics, nextCursor, tag, tags, firstPage, watchLevel, can, signedIn } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const base = categoryPath(category.slug);
  return (
    <div className="page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={forumsPath()}>{t("forums.title")}</Link>
      </nav>
      <header className="page-header category-header">
        <h1>
          {category.name} <VisibilityBadge visibility={category.visibility} />
          {category.qa ? <Badge tone="info">{t("forums.qa")}</Badge> : null}
          {category.archived ? <Badge tone="warning">{t("forums.archived")}</Badge> : null}
        </h1>
        {category.description ? <p className="lead">{category.description}</p> : null}
        {category.groupSlug ? (
          <p>
            <Link to={groupPath(category.groupSlug)}>{t("forums.belongsTo", { group: category.groupName })}</Link>
          </p>
        ) : null}
        <div className="category-header__actions">
          {can.createTopic ? (
            <Link to={newTopicPath(category.slug)} className="button button--primary">
              {t("forums.newTopic.button")}
            </Link>
          ) : !signedIn && !category.archived ? (
            <Link to={loginPath(newTopicPath(category.slug))}>{t("forums.signInToPost")}</Link>
          ) : null}
          {can.feed ? (
            <a href={categoryFeedPath(category.slug)} className="button button--quiet" type="application/atom+xml">
              {t("forums.feed")}
            </a>
          ) : null}
          {can.moderationQueue ? (
            <Link to={adminPath("moderation")} className="button button--quiet">
              {t("forums.moderation.queueLink")}
            </Link>
          ) : null}
        </div>
      </header>
      {searchParams.get("deleted") === "1" ? <Notice>{t("forums.done.deleteTopic")}</Notice> : null}
      {category.archived ? <Notice tone="warning">{t("forums.archivedNotice")}</Notice> : null}

      <div className="with-sidebar">
        <section aria-labelledby="topics-title">
          <h2 id="topics-title" className={tag ? undefined : "visually-hidden"}>
            {tag ? t("forums.taggedWith", { tag }) : t("forums.topics")}
          </h2>
          {tag ? (
            <p>
              <Link to={base}>{t("forums.allTopics")}</Link>
            </p>
          ) : null}
          {topics.length ? (
            <TopicTable
              topics={topics}
              caption={t("forums.topicsOf", { category: category.name })}
              categorySlug={category.slug}
            />
          ) : (
            <p className="empty-state">{tag ? t("forums.noTaggedTopics") : t("forums.noTopics")}</p>
          )}
          {nextCursor || !firstPage ? (
            <nav className="pagination" aria-label={t("forums.topicPages")}>
              {!firstPage ? <Link to={categoryPath(category.slug, { tag })}>← {t("forums.firstPage")}</Link> : null}{" "}
              {nextCursor ? (
                <Link to={categoryPath(category.slug, { tag, after: nextCursor })} rel="next">
                  {t("forums.olderTopics")} →
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
        <aside className="sidebar">
          {watchLevel ? (
            <section aria-labelledby="category-watch-title">
              <h2 id="category-watch-title">{t("forums.watch.title")}</h2>
              <WatchControl level={watchLevel} action={base} subject="category" />
            </section>
          ) : null}
          {tags.length ? (
            <section aria-labelledby="category-tags-title">
              <h2 id="category-tags-title">{t("forums.tags")}</h2>
              <ul className="tags forum-tags">
                {tags.map((entry) => (
                  <li key={entry.name}>
                    <Link
                      className="tag"
                      to={categoryPath(category.slug, { tag: entry.name })}
                      aria-current={entry.name === tag ? "page" : undefined}
                    >
                      #{entry.name} <span className="muted">({entry.n})</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
