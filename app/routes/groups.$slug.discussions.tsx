// The Discussions tab of a working group: the topics of the group's own discussion spaces.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TopicTable, toTopicRow } from "~/components/forum/topic-list";
import { VisibilityBadge } from "~/components/visibility-badge";
import { categoryResource, listCategoriesOfGroup } from "~/models/category.server";
import { decodeCursor, listTopics } from "~/models/topic.server";
import { can, readableScope } from "~/policies";
import { readGroup } from "~/services/groups/context.server";
import { badRequest } from "~/utils/http.server";
import { categoryPath, groupPath, newTopicPath } from "~/utils/paths";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, group } = await readGroup(request, params.slug);
  const categories = await listCategoriesOfGroup(db, group.id, group.slug, readableScope(viewer));
  const after = new URL(request.url).searchParams.get("after");
  const cursor = after ? decodeCursor(after) : undefined;
  if (after && !cursor) badRequest();
  const { topics, nextCursor } = await listTopics(
    db,
    categories.map((category) => category.id),
    { cursor, viewerId: viewer?.id },
  );
  const names = new Map(categories.map((category) => [category.id, { slug: category.slug, name: category.name }]));
  return {
    group: { slug: group.slug, name: group.name },
    spaces: categories.map((category) => ({
      slug: category.slug,
      name: category.name,
      visibility: category.visibility,
      topicCount: category.topic_count,
      canCreate: can(viewer, "topic:create", categoryResource(category)),
    })),
    topics: topics.map((topic) =>
      toTopicRow({
        ...topic,
        category_slug: names.get(topic.category_id)?.slug,
        category_name: names.get(topic.category_id)?.name,
      }),
    ),
    nextCursor,
    firstPage: !cursor,
  };
}

export default function GroupDiscussions() {
  const { t } = useTranslation();
  const { group, spaces, topics, nextCursor, firstPage } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="group-discussions-title" className="group-discussions">
      <h2 id="group-discussions-title">{t("forums.groupDiscussions.title")}</h2>
      {spaces.length === 0 ? <p className="empty-state">{t("forums.groupDiscussions.noSpace")}</p> : null}
      {spaces.length ? (
        <ul className="plain-list group-discussions__spaces">
          {spaces.map((space) => (
            <li key={space.slug}>
              <Link to={categoryPath(space.slug)}>{space.name}</Link> <VisibilityBadge visibility={space.visibility} />{" "}
              <span className="muted">· {t("common.count_topics", { count: space.topicCount })}</span>{" "}
              {space.canCreate ? (
                <Link to={newTopicPath(space.slug)} className="button button--small">
                  {t("forums.newTopic.button")}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {topics.length ? (
        <TopicTable topics={topics} caption={t("forums.groupDiscussions.title")} showCategory={spaces.length > 1} />
      ) : spaces.length ? (
        <p className="empty-state">{t("forums.noTopics")}</p>
      ) : null}
      {nextCursor || !firstPage ? (
        <nav className="pagination" aria-label={t("forums.topicPages")}>
          {!firstPage ? <Link to={groupPath(group.slug, "discussions")}>← {t("forums.firstPage")}</Link> : null}{" "}
          {nextCursor ? (
            <Link to={groupPath(group.slug, "discussions", { after: nextCursor })} rel="next">
              {t("forums.olderTopics")} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
