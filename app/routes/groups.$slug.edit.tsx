// A chair edits the group's name, purpose, charter, and whether members join freely or on request.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/field";
import { authorize } from "~/policies";
import { groupSettingsSchema } from "~/schemas/groups";
import { refusedForm, requireGroupViewer } from "~/services/groups/context.server";
import { visibilityChoices } from "~/services/groups/rules.server";
import { updateGroup } from "~/services/groups/settings.server";
import { readForm } from "~/utils/form.server";
import { groupPath } from "~/utils/paths";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, group, resource } = await requireGroupViewer(request, params.slug);
  authorize(viewer, "group:edit", resource);
  requireSecondFactorIfNeeded(viewer, request);
  return {
    settings: { name: group.name, purpose: group.purpose, visibility: group.visibility, charter: group.charter_md },
    visibilities: visibilityChoices(group.visibility),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, group, resource } = await requireGroupViewer(request, params.slug);
  authorize(viewer, "group:edit", resource);
  requireSecondFactorIfNeeded(viewer, request);
  const submission = parseWithZod(await readForm(request), { schema: groupSettingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await updateGroup(db, viewer, group.id, submission.value);
  if (!result.ok) return refusedForm(submission, result);
  return redirect(groupPath(group.slug, undefined, { done: "saved" }));
}

export default function EditGroup() {
  const { t } = useTranslation();
  const { settings, visibilities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "group-settings",
    lastResult: actionData?.result,
    defaultValue: settings,
    constraint: getZodConstraint(groupSettingsSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: groupSettingsSchema }),
  });
  return (
    <section aria-labelledby="edit-title" className="panel">
      <h2 id="edit-title">{t("groups.edit.title")}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <InputField meta={fields.name} label={t("groups.form.name")} required />
        <TextareaField meta={fields.purpose} label={t("groups.purpose")} hint={t("groups.form.purposeHint")} rows={3} required />
        <SelectField
          meta={fields.visibility}
          label={t("groups.form.visibility")}
          hint={t("groups.form.visibilityLockedHint")}
          required
        >
          {visibilities.map((visibility) => (
            <option key={visibility} value={visibility}>
              {t(`visibility.${visibility}`)} — {t(`visibilityHint.${visibility}`)}
            </option>
          ))}
        </SelectField>
        <TextareaField
          meta={fields.charter}
          label={t("groups.charter")}
          hint={t("groups.form.markdownHint")}
          rows={20}
          required
        />
        <div className="inline-form">
          <button type="submit" className="button button--primary">
            {t("common.save")}
          </button>
          <Link to="..">{t("common.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}
