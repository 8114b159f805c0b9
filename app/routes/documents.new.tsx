// Creating a guidance document in a working group (its chairs and editors).
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "~/domain/vocabulary";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { newDocumentSchema } from "~/schemas/documents";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/field";
import { findGroupBySlug, listGroupNames } from "~/models/group.server";
import { authorize, can, readableScope } from "~/policies";
import type { RouteHandle } from "~/root";
import { createDocument, translationSources } from "~/services/documents.server";
import { requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/form.server";

export const handle: RouteHandle = { title: (t) => t("documents.create.title") };

async function groupFor(request: Request, slug: string | null) {
  const viewer = await requireViewer(request);
  const db = getDb();
  if (!slug) return { viewer, db, group: null };
  const group = await findGroupBySlug(db, slug);
  if (!group) notFound();
  const resource = { kind: "group" as const, id: group.id, visibility: group.visibility };
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
    const groups = (await listGroupNames(db, scope)).filter((g) =>
      can(viewer, "document:create", { kind: "group", id: g.id, visibility: g.visibility }),
    );
    return {
      group: null,
      groups: groups.map((g) => ({ slug: g.slug, name: g.name })),
      sources: [],
      defaultLanguage: viewer.language,
    };
  }
  const sources = (await translationSources(db, viewer)).offered;
  return { group: { slug: group.slug, name: group.name }, groups: [], sources, defaultLanguage: viewer.language };
}

export async function action({ request }: ActionFunctionArgs) {
  const url = new URL(request.url);
  const formData = await readForm(request);
  const { viewer, db, group } = await groupFor(request, url.searchParams.get("group") ?? String(formData.get("group") ?? ""));
  if (!group) notFound();
  const submission = parseWithZod(formData, { schema: newDocumentSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const input = submission.value;
  // Linking to an original needs an editor or chair of its group.
  const choice = (await translationSources(db, viewer)).choose(input.translationOf);
  if (!choice.ok)
    return data(
      { result: submission.reply({ fieldErrors: { translationOf: [`documents.errors.${choice.reason}`] } }) },
      { status: 400 },
    );
  const translationOfId = choice.id;
  const result = await createDocument(db, viewer, {
    groupId: group.id,
    slug: input.slug,
    title: input.title,
    summary: input.summary,
    language: input.language,
    tags: input.tags,
    body: input.body,
    translationOfId,
  });
  if (!result.ok) {
    const field = result.reason === "slug_taken" ? "slug" : "translationOf";
    return data(
      { result: submission.reply({ fieldErrors: { [field]: [`documents.errors.${result.reason}`] } }) },
      { status: 400 },
    );
  }
  return redirect(`/documents/${input.slug}`);
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
            <div className="field">
              <label htmlFor="new-group" className="field__label">
                {t("documents.create.group")}
              </label>
              <select id="new-group" name="group" required>
                {groups.map((g) => (
                  <option key={g.slug} value={g.slug}>
                    {g.name}
                  </option>
                ))}
              </select>
            </div>
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
        <Link to={`/groups/${group.slug}`}>{group.name}</Link> ›{" "}
        <Link to={`/groups/${group.slug}/documents`}>{t("documents.groupTab.title")}</Link>
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
