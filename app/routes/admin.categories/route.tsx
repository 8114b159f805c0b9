// Forum categories for administrators: create, edit, reorder, archive (and bring back). Each intent
// is handled in actions.server.ts.
import { runIntent } from "~/utils/intents.server";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CategoryForm, type CategoryActionData } from "~/components/forum/category-form";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { VisibilityBadge } from "~/components/visibility-badge";
import { listCategoriesForAdmin } from "~/models/category.server";
import { listGroupNames } from "~/models/group.server";
import { authorize, readableScope } from "~/policies";
import type { RouteHandle } from "~/root";
import { requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { readForm } from "~/utils/form.server";
import { badRequest } from "~/utils/http.server";
import { adminPath, categoryPath } from "~/utils/paths";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";
import { useSite } from "~/utils/use-site";
import * as actions from "./actions.server";

export const handle: RouteHandle = { title: (t) => t("forums.admin.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "category:manage");
  requireSecondFactorIfNeeded(viewer, request);
  const scope = readableScope(viewer);
  const db = getDb();
  const [categories, groups] = await Promise.all([listCategoriesForAdmin(db, scope), listGroupNames(db, scope)]);
  const editId = Number(new URL(request.url).searchParams.get("edit")) || null;
  return {
    categories: categories.map((c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      description: c.description,
      visibility: c.visibility,
      groupId: c.group_id,
      groupName: c.group_name,
      qa: c.qa === 1,
      archived: c.archived_at !== null,
      topicCount: c.topic_count,
      postCount: c.post_count,
      lastPostAt: c.last_post_at,
    })),
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    editId: categories.some((c) => c.id === editId) ? editId : null,
  };
}

const INTENTS = {
  create: actions.createAction,
  edit: actions.editAction,
  up: actions.upAction,
  down: actions.downAction,
  archive: actions.archiveAction,
  unarchive: actions.unarchiveAction,
};

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "category:manage");
  requireSecondFactorIfNeeded(viewer, request);
  const form = await readForm(request);
  return runIntent(INTENTS, form.get("intent"), { form, viewer }, () => badRequest());
}

const DONE = {
  create: "forums.admin.doneCreate",
  edit: "forums.admin.doneEdit",
  up: "forums.admin.doneReorder",
  down: "forums.admin.doneReorder",
  archive: "forums.admin.doneArchive",
  unarchive: "forums.admin.doneUnarchive",
} as const;

export default function AdminCategories() {
  const { t } = useTranslation();
  const { date, number } = useSite();
  const { categories, groups, editId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as CategoryActionData | undefined;
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done") as keyof typeof DONE | null;
  const editing = actionData?.intent === "edit" ? actionData.id : editId;
  return (
    <section aria-labelledby="categories-title">
      <h2 id="categories-title">{t("forums.admin.title")}</h2>
      <p>{t("forums.admin.intro")}</p>
      {done && DONE[done] ? <Notice>{t(DONE[done])}</Notice> : null}
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("forums.category")}</th>
              <th scope="col" className="numeric">
                {t("forums.topics")}
              </th>
              <th scope="col">{t("forums.latest")}</th>
              <th scope="col">{t("forums.admin.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((category) => (
              <tr key={category.id}>
                <th scope="row">
                  {category.archived ? category.name : <Link to={categoryPath(category.slug)}>{category.name}</Link>}{" "}
                  <VisibilityBadge visibility={category.visibility} />
                  {category.qa ? <Badge tone="info">{t("forums.qa")}</Badge> : null}
                  {category.archived ? <Badge tone="warning">{t("forums.archived")}</Badge> : null}
                  <div className="muted">
                    /forums/{category.slug}
                    {category.groupName ? ` · ${category.groupName}` : ""}
                  </div>
                  {editing === category.id ? <CategoryForm category={category} groups={groups} actionData={actionData} /> : null}
                </th>
                <td className="numeric">
                  {number(category.topicCount)} / {number(category.postCount)}
                </td>
                <td>
                  {category.lastPostAt ? date(category.lastPostAt) : <span className="muted">{t("common.noActivity")}</span>}
                </td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="id" value={category.id} />
                    {category.archived ? (
                      <button type="submit" name="intent" value="unarchive" className="button button--small">
                        {t("forums.admin.unarchive")}
                      </button>
                    ) : (
                      <>
                        <button
                          type="submit"
                          name="intent"
                          value="up"
                          className="button button--quiet button--small"
                          aria-label={t("forums.admin.moveUp", { name: category.name })}
                        >
                          ↑
                        </button>
                        <button
                          type="submit"
                          name="intent"
                          value="down"
                          className="button button--quiet button--small"
                          aria-label={t("forums.admin.moveDown", { name: category.name })}
                        >
                          ↓
                        </button>
                        <Link
                          to={adminPath("categories", { edit: category.id })}
                          className="button button--quiet button--small"
                          aria-label={t("forums.admin.editNamed", { name: category.name })}
                        >
                          {t("forums.edit")}
                        </Link>
                        <button
                          type="submit"
                          name="intent"
                          value="archive"
                          className="button button--quiet button--small"
                          aria-label={t("forums.admin.archiveNamed", { name: category.name })}
                        >
                          {t("forums.admin.archive")}
                        </button>
                      </>
                    )}
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="new-category-title" className="panel">
        <h3 id="new-category-title">{t("forums.admin.new")}</h3>
        <CategoryForm groups={groups} actionData={actionData} />
      </section>
    </section>
  );
}
