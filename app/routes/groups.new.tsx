// An administrator creates a working group: its discussion category and first chair come with it.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GROUP_VISIBILITIES } from "~/domain/vocabulary";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/field";
import { findProfileByUsername } from "~/models/user.server";
import { authorize } from "~/policies";
import type { RouteHandle } from "~/root";
import { groupCreateSchema } from "~/schemas/groups";
import { refusedForm } from "~/services/groups/context.server";
import { createGroup } from "~/services/groups/settings.server";
import { requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { readForm } from "~/utils/form.server";
import { groupPath, groupsPath } from "~/utils/paths";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";

export const handle: RouteHandle = { title: (t) => t("groups.create.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "group:create");
  requireSecondFactorIfNeeded(viewer, request);
  return { defaultChair: viewer.username };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "group:create");
  requireSecondFactorIfNeeded(viewer, request);
  const db = getDb();
  const submission = parseWithZod(await readForm(request), { schema: groupCreateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const chair = await findProfileByUsername(db, submission.value.chair);
  const result = await createGroup(db, viewer, { ...submission.value, chairId: chair?.id ?? null });
  if (!result.ok) return refusedForm(submission, result);
  return redirect(groupPath(submission.value.slug, undefined, { done: "created" }));
}

export default function NewGroup() {
  const { t } = useTranslation();
  const { defaultChair } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-group",
    lastResult: actionData?.result,
    defaultValue: { chair: defaultChair, visibility: "closed" },
    constraint: getZodConstraint(groupCreateSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: groupCreateSchema }),
  });
  return (
    <div className="page page--narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={groupsPath()}>{t("groups.title")}</Link>
      </nav>
      <h1>{t("groups.create.title")}</h1>
      <p className="lead">{t("groups.create.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <InputField meta={fields.name} label={t("groups.form.name")} required />
        <InputField meta={fields.slug} label={t("groups.form.slug")} hint={t("groups.form.slugHint")} required />
        <TextareaField meta={fields.purpose} label={t("groups.purpose")} hint={t("groups.form.purposeHint")} rows={3} required />
        <SelectField meta={fields.visibility} label={t("groups.form.visibility")} hint={t("groups.form.visibilityHint")} required>
          {GROUP_VISIBILITIES.map((visibility) => (
            <option key={visibility} value={visibility}>
              {t(`visibility.${visibility}`)} — {t(`visibilityHint.${visibility}`)}
            </option>
          ))}
        </SelectField>
        <InputField meta={fields.chair} label={t("groups.form.chair")} hint={t("groups.form.chairHint")} required />
        <TextareaField
          meta={fields.charter}
          label={t("groups.charter")}
          hint={t("groups.form.markdownHint")}
          rows={16}
          required
        />
        <button type="submit" className="button button--primary">
          {t("groups.create.submit")}
        </button>
      </Form>
    </div>
  );
}
