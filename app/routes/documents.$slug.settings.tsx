// A document's details: title, summary, topic tags, and which document it translates.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { listFamily, listTranslationSources } from "~/models/document.server";
import { authorize, readableScope } from "~/policies";
import { readWorkspace, requireDocumentViewer, updateSettings } from "~/services/documents.server";
import { documentSettingsSchema } from "~/components/document/form-schemas";
import { useSite } from "~/utils/use-site";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, document, resource } = await readWorkspace(request, params.slug);
  authorize(viewer, "document:manage", resource);
  requireSecondFactorIfNeeded(viewer, request);
  const scope = readableScope(viewer);
  const [sources, family] = await Promise.all([listTranslationSources(db, scope, document.id), listFamily(db, document.family_id, scope)]);
  const source = family.find((member) => member.isSource && member.id !== document.id);
  return {
    document: { slug: document.slug, title: document.title, summary: document.summary, tags: document.tags, language: document.language },
    sources: sources.filter((s) => s.language !== document.language),
    translationOf: source?.slug ?? "",
    family: family.filter((member) => member.id !== document.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, document, resource } = await requireDocumentViewer(request, params.slug);
  authorize(viewer, "document:read-draft", resource);
  authorize(viewer, "document:manage", resource);
  requireSecondFactorIfNeeded(viewer, request);
  const submission = parseWithZod(await request.formData(), { schema: documentSettingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { title, summary, tags, translationOf } = submission.value;
  let translationOfId: number | null = null;
  if (translationOf) {
    const sources = await listTranslationSources(db, readableScope(viewer), document.id);
    const source = sources.find((s) => s.slug === translationOf);
    if (!source) return data({ result: submission.reply({ fieldErrors: { translationOf: ["documents.errors.unknown_source"] } }) }, { status: 400 });
    translationOfId = source.id;
  }
  const result = await updateSettings(db, viewer, document, { title, summary, tags, translationOfId });
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: { translationOf: [`documents.errors.${result.reason}`] } }) }, { status: 400 });
  return redirect(`/documents/${document.slug}/settings?saved=1`);
}

export default function DocumentSettings() {
  const { t } = useTranslation();
  const { date } = useSite();
  const { document, sources, translationOf, family } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { title: document.title, summary: document.summary, tags: document.tags.join(", "), translationOf },
    constraint: getZodConstraint(documentSettingsSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: documentSettingsSchema }),
  });
  return (
    <section aria-labelledby="settings-title" className="page--narrow">
      <h2 id="settings-title">{t("documents.settings.title")}</h2>
      {params.get("saved") ? <Notice>{t("documents.settings.saved")}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <InputField meta={fields.title} label={t("documents.create.titleLabel")} required />
        <TextareaField meta={fields.summary} label={t("documents.create.summary")} hint={t("documents.create.summaryHint")} rows={3} />
        <InputField meta={fields.tags} label={t("documents.create.tags")} hint={t("documents.create.tagsHint")} />
        <SelectField meta={fields.translationOf} label={t("documents.create.translationOf")} hint={t("documents.create.translationOfHint")}>
          <option value="">{t("documents.create.notATranslation")}</option>
          {sources.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.title} ({t(`languageName.${s.language}`)})
            </option>
          ))}
        </SelectField>
        <p className="muted">{t("documents.settings.language", { language: t(`languageName.${document.language}`) })}</p>
        <button type="submit" className="button button--primary">
          {t("common.save")}
        </button>
      </Form>
      {family.length ? (
        <section aria-labelledby="family-title">
          <h3 id="family-title">{t("documents.settings.family")}</h3>
          <ul className="plain-list">
            {family.map((member) => (
              <li key={member.slug}>
                <Link to={`/documents/${member.slug}`} lang={member.language}>
                  {member.title}
                </Link>{" "}
                <span className="muted">
                  {t(`languageName.${member.language}`)}
                  {member.isSource ? ` · ${t("documents.settings.source")}` : ""}
                  {member.version ? ` · ${t("library.version", { version: member.version })} (${date(member.publishedAt)})` : ""}
                </span>
                {member.outOfDateWith ? <span className="badge badge--warning">{t("library.outOfDate", { version: member.outOfDateWith })}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
