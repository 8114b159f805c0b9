import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VisibilityBadge } from "~/components/visibility-badge";
import { findCategoryBySlug } from "~/models/category.server";
import { authorize } from "~/policies";
import { getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const category = await findCategoryBySlug(getDb(), params.category ?? "");
  if (!category || category.archived_at) notFound();
  authorize(viewer, "category:read", { kind: "category", visibility: category.visibility, groupId: category.group_id });
  return { category, title: category.name };
}

export default function CategoryPage() {
  const { t } = useTranslation();
  const { category } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/forums">{t("forums.title")}</Link>
      </nav>
      <h1>
        {category.name} <VisibilityBadge visibility={category.visibility} />
      </h1>
      {category.description ? <p className="lead">{category.description}</p> : null}
      {category.group_slug ? (
        <p>
          <Link to={`/groups/${category.group_slug}`}>{t("forums.belongsTo", { group: category.group_name })}</Link>
        </p>
      ) : null}
      <p className="empty-state">{t("forums.noTopics")}</p>
    </div>
  );
}
