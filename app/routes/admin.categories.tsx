// Forum categories for administrators: create, edit, reorder, archive (and bring back).
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CATEGORY_VISIBILITIES } from "~/domain/vocabulary";
import { categorySchema } from "~/schemas/forums";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { VisibilityBadge } from "~/components/visibility-badge";
import { listCategoriesForAdmin } from "~/models/category.server";
import { listGroupNames } from "~/models/group.server";
import { authorize, readableScope } from "~/policies";
import type { RouteHandle } from "~/root";
import { createCategory, editCategory, moveCategory, setCategoryArchived } from "~/services/forum-categories.server";
import { requireViewer } from "~/utils/auth.server";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";
import { getDb } from "~/utils/db.server";
import { badRequest, notFound } from "~/utils/http.server";
import { useSite } from "~/utils/use-site";
import { readForm } from "~/utils/form.server";

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

const rowSchema = z.object({
  intent: z.enum(["up", "down", "archive", "unarchive"]),
  id: z.coerce.number().int().positive(),
});

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "category:manage");
  requireSecondFactorIfNeeded(viewer, request);
  const db = getDb();
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const scope = readableScope(viewer);
  const readable = new Set((await listCategoriesForAdmin(db, scope)).map((c) => c.id));
  const groupReadable = async (groupId: number | undefined) =>
    groupId === undefined || (await listGroupNames(db, scope)).some((g) => g.id === groupId);

  if (intent === "create" || intent === "edit") {
    const id = Number(form.get("id"));
    if (intent === "edit" && !readable.has(id)) notFound();
    const submission = await parseWithZod(form, {
      schema: categorySchema.superRefine(async (value, ctx) => {
        if (!(await groupReadable(value.groupId)))
          ctx.addIssue({ code: "custom", path: ["groupId"], message: "forums.validation.group" });
      }),
      async: true,
    });
    if (submission.status !== "success") return data({ intent, id, result: submission.reply() }, { status: 400 });
    const fields = { ...submission.value, groupId: submission.value.groupId ?? null };
    const result =
      intent === "create" ? await createCategory(db, viewer.id, fields) : await editCategory(db, viewer.id, id, fields);
    if (!result.ok && result.reason === "slug_taken") {
      return data(
        { intent, id, result: submission.reply({ fieldErrors: { slug: ["forums.validation.slugTaken"] } }) },
        { status: 409 },
      );
    }
    if (!result.ok) notFound();
    return redirect(`/admin/categories?done=${intent}`);
  }

  const parsed = rowSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) badRequest();
  if (!readable.has(parsed.data.id)) notFound();
  const result =
    parsed.data.intent === "up" || parsed.data.intent === "down"
      ? await moveCategory(db, viewer.id, parsed.data.id, parsed.data.intent)
      : await setCategoryArchived(db, viewer.id, parsed.data.id, parsed.data.intent === "archive");
  if (!result.ok) notFound();
  return redirect(`/admin/categories?done=${parsed.data.intent}`);
}

type Category = ReturnType<typeof useLoaderData<typeof loader>>["categories"][number];
type ActionData = {
  intent: string;
  id: number;
  result: { error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> | null };
};

function CategoryForm({
  category,
  groups,
  actionData,
}: {
  category?: Category;
  groups: { id: number; name: string }[];
  actionData?: ActionData;
}) {
  const { t } = useTranslation();
  const intent = category ? "edit" : "create";
  const mine =
    actionData && actionData.intent === intent && (!category || actionData.id === category.id) ? actionData : undefined;
  const values = (mine?.result.initialValue ?? {}) as Record<string, string | undefined>;
  const errors = mine?.result.error ?? {};
  const prefix = category ? `category-${category.id}` : "category-new";
  const error = (name: string) =>
    errors[name]?.length ? (
      <ul id={`${prefix}-${name}-errors`} className="field__errors">
        {errors[name]!.map((e) => (
          <li key={e}>{t(e as never)}</li>
        ))}
      </ul>
    ) : null;
  const described = (name: string) => (errors[name]?.length ? `${prefix}-${name}-errors` : undefined);
  return (
    <Form method="post" className="stack category-form">
      <input type="hidden" name="intent" value={intent} />
      {category ? <input type="hidden" name="id" value={category.id} /> : null}
      <div className="category-form__row">
        <div className="field">
          <label htmlFor={`${prefix}-name`} className="field__label">
            {t("forums.admin.name")}
          </label>
          <input
            id={`${prefix}-name`}
            name="name"
            required
            maxLength={120}
            defaultValue={values.name ?? category?.name ?? ""}
            aria-invalid={errors.name?.length ? true : undefined}
            aria-describedby={described("name")}
          />
          {error("name")}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-slug`} className="field__label">
            {t("forums.admin.slug")}
          </label>
          <input
            id={`${prefix}-slug`}
            name="slug"
            required
            maxLength={60}
            defaultValue={values.slug ?? category?.slug ?? ""}
            aria-invalid={errors.slug?.length ? true : undefined}
            aria-describedby={described("slug")}
          />
          {error("slug")}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-description`} className="field__label">
          {t("forums.admin.description")} <span className="field__optional">({t("common.optional")})</span>
        </label>
        <textarea
          id={`${prefix}-description`}
          name="description"
          rows={2}
          maxLength={1000}
          defaultValue={values.description ?? category?.description ?? ""}
        />
        {error("description")}
      </div>
      <div className="category-form__row">
        <div className="field">
          <label htmlFor={`${prefix}-visibility`} className="field__label">
            {t("forums.admin.visibility")}
          </label>
          <select
            id={`${prefix}-visibility`}
            name="visibility"
            defaultValue={values.visibility ?? category?.visibility ?? "public"}
            aria-describedby={described("visibility")}
          >
            {CATEGORY_VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {t(`visibility.${v}`)} — {t(`visibilityHint.${v}`)}
              </option>
            ))}
          </select>
          {error("visibility")}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-group`} className="field__label">
            {t("forums.admin.group")} <span className="field__optional">({t("forums.admin.groupHint")})</span>
          </label>
          <select
            id={`${prefix}-group`}
            name="groupId"
            defaultValue={values.groupId ?? (category?.groupId ? String(category.groupId) : "")}
            aria-invalid={errors.groupId?.length ? true : undefined}
            aria-describedby={described("groupId")}
          >
            <option value="">{t("forums.admin.noGroup")}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          {error("groupId")}
        </div>
      </div>
      <div className="field field--checkbox">
        <label>
          <input
            type="checkbox"
            name="qa"
            defaultChecked={values.qa !== undefined ? values.qa === "on" : (category?.qa ?? false)}
          />{" "}
          {t("forums.admin.qa")}
        </label>
      </div>
      <div className="composer__buttons">
        <button type="submit" className="button button--primary">
          {category ? t("common.save") : t("forums.admin.create")}
        </button>
        {category ? (
          <Link to="/admin/categories" className="button button--quiet">
            {t("common.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
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
  const actionData = useActionData<typeof action>() as ActionData | undefined;
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
                  {category.archived ? category.name : <Link to={`/forums/${category.slug}`}>{category.name}</Link>}{" "}
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
                          to={`/admin/categories?edit=${category.id}`}
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
