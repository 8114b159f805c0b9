// The form that creates a forum category, or edits one in place in the administrators' table.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/field";
import { CATEGORY_VISIBILITIES } from "~/domain/vocabulary";
import type { CategoryFields } from "~/models/category.server";
import { categorySchema } from "~/schemas/forums";
import { adminPath } from "~/utils/paths";

/** What the form shows of a category being edited: its fields, and which it is. */
export type EditedCategory = CategoryFields & { id: number };

/** What the categories page's actions answer to a refused form. */
export type CategoryActionData = {
  intent: string;
  id: number;
  result: SubmissionResult<string[]>;
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
  const [form, fields] = useForm({
    id: category ? `category-${category.id}` : "category-new",
    lastResult: mine?.result,
    defaultValue: {
      name: category?.name ?? "",
      slug: category?.slug ?? "",
      description: category?.description ?? "",
      visibility: category?.visibility ?? "public",
      groupId: category?.groupId ? String(category.groupId) : "",
      qa: category?.qa ? "on" : undefined,
    },
    constraint: getZodConstraint(categorySchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: categorySchema }),
  });
  const qa = getInputProps(fields.qa, { type: "checkbox" });
  return (
    <Form method="post" {...getFormProps(form)} className="stack category-form">
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value={intent} />
      {category ? <input type="hidden" name="id" value={category.id} /> : null}
      <div className="category-form__row">
        <InputField meta={fields.name} label={t("forums.admin.name")} required />
        <InputField meta={fields.slug} label={t("forums.admin.slug")} required />
      </div>
      <TextareaField meta={fields.description} label={t("forums.admin.description")} rows={2} />
      <div className="category-form__row">
        <SelectField meta={fields.visibility} label={t("forums.admin.visibility")} required>
          {CATEGORY_VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {t(`visibility.${v}`)} — {t(`visibilityHint.${v}`)}
            </option>
          ))}
        </SelectField>
        <SelectField meta={fields.groupId} label={t("forums.admin.group")} hint={t("forums.admin.groupHint")}>
          <option value="">{t("forums.admin.noGroup")}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="field field--checkbox">
        <label>
          <input {...qa} key={qa.key} /> {t("forums.admin.qa")}
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
