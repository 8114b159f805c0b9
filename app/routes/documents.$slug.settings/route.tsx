// A document's details: title, summary, topic tags, and which document it translates.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { TranslationOfField } from "~/components/document/translation-of-field";
import { FormErrors, InputField, TextareaField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { listFamily } from "~/models/document-family.server";
import { latestPublished } from "~/models/published-version.server";
import { authorize, readableScope } from "~/policies";
import { documentSettingsSchema } from "~/schemas/documents";
import { translationSources } from "~/services/documents/settings.server";
import { readWorkspace, requireDocumentViewer } from "~/services/documents/workspace.server";
import { readForm } from "~/utils/form.server";
import { documentPath } from "~/utils/paths";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";
import { useSite } from "~/utils/use-site";
import { settingsAction } from "./actions.server";

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
    sources: sources.filter((s) => s.language !== document.language),
    translationOf: source?.slug ?? "",
    family: family.filter((member) => member.id !== document.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireDocumentViewer(request, params.slug);
  authorize(context.viewer, "document:read-draft", context.resource);
  authorize(context.viewer, "document:manage", context.resource);
  requireSecondFactorIfNeeded(context.viewer, request);
  return settingsAction(context, await readForm(request));
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
        <TranslationOfField meta={fields.translationOf} sources={sources} />
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
                <Link to={documentPath(member.slug)} lang={member.language}>
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
