// A document's details: title, summary, topic tags, and which document it translates.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { listFamily } from "~/models/document.server";
import { authorize, readableScope } from "~/policies";
import { latestPublished } from "~/services/document-publisher.server";
import { readWorkspace, requireDocumentViewer, translationSources, updateSettings } from "~/services/documents.server";
import { documentSettingsSchema } from "~/schemas/documents";
import { useSite } from "~/utils/use-site";
import { readForm } from "~/utils/form.server";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, document, resource } = await readWorkspace(request, params.slug);
  authorize(viewer, "document:manage", resource);
  requireSecondFactorIfNeeded(viewer, request);
  const scope = readableScope(viewer);
  const [sources, family, published] = await Promise.all([
    translationSources(db, viewer, document),
    listFamily(db, document.family_id, scope),
    latestPublished(db, document.id),
  ]);
  const source = family.find((member) => member.isSource && member.id !== document.id);
  return {
    document: {
      slug: document.slug,
      title: document.title,
      summary: document.summary,
      tags: document.tags,
      language: document.language,
    },
    publishedVersion: published?.version ?? null,
    sources: sources.offered.filter((s) => s.language !== document.language),
    translationOf: source?.slug ?? "",
    family: family.filter((member) => member.id !== document.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, document, resource } = await requireDocumentViewer(request, params.slug);
  authorize(viewer, "document:read-draft", resource);
  authorize(viewer, "document:manage", resource);
  requireSecondFactorIfNeeded(viewer, request);
  const submission = parseWithZod(await readForm(request), { schema: documentSettingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { title, summary, tags, translationOf } = submission.value;
  // Linking to an original needs an editor or chair of its group (unless the link is unchanged).
  const choice = (await translationSources(db, viewer, document)).choose(translationOf);
  if (!choice.ok)
    return data(
      { result: submission.reply({ fieldErrors: { translationOf: [`documents.errors.${choice.reason}`] } }) },
      { status: 400 },
    );
  const result = await updateSettings(db, viewer, document, { title, summary, tags, translationOfId: choice.id });
  if (!result.ok)
    return data(
      { result: submission.reply({ fieldErrors: { translationOf: [`documents.errors.${result.reason}`] } }) },
      { status: 400 },
    );
  return redirect(`/documents/${document.slug}/settings?saved=1`);
}

export default function DocumentSettings() {
  const { t } = useTranslation();
  const { date } = useSite();
  const { document, publishedVersion, sources, translationOf, family } = useLoaderData<typeof loader>();
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
      {publishedVersion ? <p className="muted">{t("documents.settings.publishedNote", { version: publishedVersion })}</p> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <InputField meta={fields.title} label={t("documents.create.titleLabel")} required />
        <TextareaField
          meta={fields.summary}
          label={t("documents.create.summary")}
          hint={t("documents.create.summaryHint")}
          rows={3}
        />
        <InputField meta={fields.tags} label={t("documents.create.tags")} hint={t("documents.create.tagsHint")} />
        <SelectField
          meta={fields.translationOf}
          label={t("documents.create.translationOf")}
          hint={t("documents.create.translationOfHint")}
        >
          <option value="">{t("documents.create.notATranslation")}</option>
          {sources.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.title} ({t(`languageName.${s.language}`)})
            </option>
          ))}
        </SelectField>
        <p className="muted">{t("documents.settings.linkRule")}</p>
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
                {member.outOfDateWith ? (
                  <span className="badge badge--warning">{t("library.outOfDate", { version: member.outOfDateWith })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
