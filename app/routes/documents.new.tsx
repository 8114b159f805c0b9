// Creating a guidance document in a working group (its chairs and editors).
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { FilterSelect } from "~/components/document/filter-select";
import { TranslationOfField } from "~/components/document/translation-of-field";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/field";
import { LANGUAGES } from "~/domain/vocabulary";
import { findGroupBySlug, groupResource, listGroupNames } from "~/models/group.server";
import { authorize, can, readableScope } from "~/policies";
import type { RouteHandle } from "~/root";
import { newDocumentSchema } from "~/schemas/documents";
import { DOCUMENT_FAILURES } from "~/services/documents/failures";
import { createDocument, translationSources } from "~/services/documents/settings.server";
import { throwIfRefused } from "~/services/documents/workspace.server";
import { requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { explain, replyErrors } from "~/utils/failure.server";
import { readForm } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { documentPath, groupPath } from "~/utils/paths";

export const handle: RouteHandle = { title: (t) => t("documents.create.title") };

async function groupFor(request: Request, slug: string | null) {
  const viewer = await requireViewer(request);
  const db = getDb();
  if (!slug) return { viewer, db, group: null };
  const group = await findGroupBySlug(db, slug);
  if (!group) notFound();
  const resource = groupResource(group);
  authorize(viewer, "group:read", resource);
  authorize(viewer, "document:create", resource);
  return { viewer, db, group };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { viewer, db, group } = await groupFor(request, url.searchParams.get("group"));
  const scope = readableScope(viewer);
  if (!group) {
    // Without a group: the groups this member drafts in.
    const groups = (await listGroupNames(db, scope)).filter((g) => can(viewer, "document:create", groupResource(g)));
    return {
      group: null,
      groups: groups.map((g) => ({ slug: g.slug, name: g.name })),
      sources: [],
      defaultLanguage: viewer.language,
    };
  }
  const sources = await translationSources(db, viewer);
  return { group: { slug: group.slug, name: group.name }, groups: [], sources, defaultLanguage: viewer.language };
}

export async function action({ request }: ActionFunctionArgs) {
  const url = new URL(request.url);
  const formData = await readForm(request);
  const { viewer, db, group } = await groupFor(request, url.searchParams.get("group") ?? String(formData.get("group") ?? ""));
  if (!group) notFound();
  const submission = parseWithZod(formData, { schema: newDocumentSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  // Linking to an original needs an editor or chair of its group.
  const result = await createDocument(db, viewer, { ...submission.value, groupId: group.id });
  if (result.ok) return redirect(documentPath(submission.value.slug));
  throwIfRefused(result);
  const explained = explain(DOCUMENT_FAILURES, result);
  return data({ result: submission.reply(replyErrors(explained)) }, { status: explained.status });
}

export default function NewDocument() {
  const { t } = useTranslation();
  const { group, groups, sources, defaultLanguage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { language: defaultLanguage, body: t("documents.create.bodyTemplate") },
    constraint: getZodConstraint(newDocumentSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newDocumentSchema }),
  });
  if (!group) {
    return (
      <div className="page page--narrow">
        <h1>{t("documents.create.title")}</h1>
        {groups.length ? (
          <Form method="get" className="stack">
            <FilterSelect id="new-group" name="group" label={t("documents.create.group")} required>
              {groups.map((g) => (
                <option key={g.slug} value={g.slug}>
                  {g.name}
                </option>
              ))}
            </FilterSelect>
            <button type="submit" className="button">
              {t("documents.proposals.continue")}
            </button>
          </Form>
        ) : (
          <p className="empty-state">{t("documents.create.noGroup")}</p>
        )}
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={groupPath(group.slug)}>{group.name}</Link> ›{" "}
        <Link to={groupPath(group.slug, "documents")}>{t("documents.groupTab.title")}</Link>
      </nav>
      <h1>{t("documents.create.title")}</h1>
      <p className="lead">{t("documents.create.intro", { group: group.name })}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <InputField meta={fields.title} label={t("documents.create.titleLabel")} required />
        <InputField meta={fields.slug} label={t("documents.create.slug")} hint={t("documents.create.slugHint")} required />
        <TextareaField
          meta={fields.summary}
          label={t("documents.create.summary")}
          hint={t("documents.create.summaryHint")}
          rows={3}
        />
        <SelectField meta={fields.language} label={t("documents.create.language")} required>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`languageName.${code}`)}
            </option>
          ))}
        </SelectField>
        <InputField meta={fields.tags} label={t("documents.create.tags")} hint={t("documents.create.tagsHint")} />
        <TranslationOfField meta={fields.translationOf} sources={sources} />
        <TextareaField
          meta={fields.body}
          label={t("documents.create.body")}
          hint={t("documents.edit.bodyHint")}
          rows={14}
          required
        />
        <button type="submit" className="button button--primary">
          {t("documents.create.submit")}
        </button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
