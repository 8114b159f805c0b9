import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VisibilityBadge } from "~/components/visibility-badge";
import { Badge } from "~/components/ui/badge";
import { listCategories } from "~/models/category.server";
import { can, readableScope } from "~/policies";
import type { RouteHandle } from "~/root";
import { getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { adminPath, categoryPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";

export const handle: RouteHandle = { title: (t) => t("forums.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const categories = await listCategories(getDb(), readableScope(viewer));
  return {
    community: categories.filter((category) => category.group_id === null),
    groupSpaces: categories.filter((category) => category.group_id !== null),
    can: { moderationQueue: can(viewer, "moderation:queue"), manageCategories: can(viewer, "category:manage") },
  };
}

type Category = Awaited<ReturnType<typeof loader>>["community"][number];

function CategoryTable({ categories, caption }: { categories: Category[]; caption: string }) {
  const { t } = useTranslation();
  const { date, number } = useSite();
  return (
    <div className="table-scroll">
      <table className="data-table category-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("forums.category")}</th>
            <th scope="col" className="numeric">
              {t("forums.topics")}
            </th>
            <th scope="col" className="numeric">
              {t("forums.posts")}
            </th>
            <th scope="col">{t("forums.latest")}</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => (
            <tr key={category.id}>
              <th scope="row">
                <Link to={categoryPath(category.slug)} className="category-table__name">
                  {category.name}
                </Link>{" "}
                <VisibilityBadge visibility={category.visibility} />
                {category.qa ? <Badge tone="info">{t("forums.qa")}</Badge> : null}
                {category.description ? <p className="category-table__description">{category.description}</p> : null}
              </th>
              <td className="numeric">{number(category.topic_count)}</td>
              <td className="numeric">{number(category.post_count)}</td>
              <td>
                {category.last_post_at ? (
                  date(category.last_post_at, true)
                ) : (
                  <span className="muted">{t("common.noActivity")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Forums() {
  const { t } = useTranslation();
  const { community, groupSpaces, can } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("forums.title")}</h1>
      <p className="lead">{t("forums.intro")}</p>
      {can.moderationQueue || can.manageCategories ? (
        <p className="forum-staff-links">
          {can.moderationQueue ? (
            <Link to={adminPath("moderation")} className="button button--quiet">
              {t("forums.moderation.queueLink")}
            </Link>
          ) : null}
          {can.manageCategories ? (
            <Link to={adminPath("categories")} className="button button--quiet">
              {t("forums.admin.manageLink")}
            </Link>
          ) : null}
        </p>
      ) : null}
      <CategoryTable categories={community} caption={t("forums.title")} />
      {groupSpaces.length ? (
        <>
          <h2>{t("forums.groupSpaces")}</h2>
          <CategoryTable categories={groupSpaces} caption={t("forums.groupSpaces")} />
        </>
      ) : null}
    </div>
  );
}
