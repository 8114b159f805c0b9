// The form that creates a forum category, or edits one in place in the administrators' table.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors } from "~/components/ui/field";
import { CATEGORY_VISIBILITIES } from "~/domain/vocabulary";
import type { CategoryFields } from "~/models/category.server";
import { MAX_CATEGORY_DESCRIPTION, MAX_CATEGORY_NAME, MAX_CATEGORY_SLUG } from "~/schemas/forums";
import { adminPath } from "~/utils/paths";

/** What the form shows of a category being edited: its fields, and which it is. */
export type EditedCategory = CategoryFields & { id: number };

/** What the categories page's actions answer to a refused form. */
export type CategoryActionData = {
  intent: string;
  id: number;
  result: { error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> | null };
};

export function CategoryForm({
  category,
  groups,
  actionData,
}: {
  category?: EditedCategory;
  groups: { id: number; name: string }[];
  actionData?: CategoryActionData;
}) {
  const { t } = useTranslation();
  const intent = category ? "edit" : "create";
  const mine =
    actionData && actionData.intent === intent && (!category || actionData.id === category.id) ? actionData : undefined;
  const values = (mine?.result.initialValue ?? {}) as Record<string, string | undefined>;
  const errors = mine?.result.error ?? {};
  const prefix = category ? `category-${category.id}` : "category-new";
  const error = (name: string) => <FieldErrors id={`${prefix}-${name}-errors`} errors={errors[name] ?? undefined} />;
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
            maxLength={MAX_CATEGORY_NAME}
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
            maxLength={MAX_CATEGORY_SLUG}
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
          maxLength={MAX_CATEGORY_DESCRIPTION}
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
          <Link to={adminPath("categories")} className="button button--quiet">
            {t("common.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
