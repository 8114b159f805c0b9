// Starting a topic: /forums/:category/new (not nested in the category page's layout). Each intent
// is handled in actions.server.ts.
import { runIntent } from "~/utils/intents.server";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { Composer, ComposerButtons, keepPageOnDrafts, validateUnlessDraft } from "~/components/forum/composer";
import { FormErrors, InputField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { VisibilityBadge } from "~/components/visibility-badge";
import { categoryResource, findCategoryBySlug } from "~/models/category.server";
import { findDraft, topicDraftKey } from "~/models/forum-state.server";
import { authorize, type Viewer } from "~/policies";
import type { RouteHandle } from "~/root";
import { newTopicSchema } from "~/schemas/forums";
import { requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { readForm } from "~/utils/form.server";
import { badRequest, notFound, retryAfterHeaders } from "~/utils/http.server";
import { categoryPath, forumsPath, mentionsPath, newTopicPath } from "~/utils/paths";
import * as actions from "./actions.server";

export const handle: RouteHandle = { title: (t) => t("forums.newTopic.title") };

async function loadCategory(slug: string | undefined, viewer: Viewer) {
  const category = await findCategoryBySlug(getDb(), slug ?? "");
  if (!category) notFound();
  const resource = categoryResource(category);
  authorize(viewer, "category:read", resource);
  authorize(viewer, "topic:create", resource);
  return category;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const category = await loadCategory(params.category, viewer);
  const draft = await findDraft(getDb(), viewer.id, topicDraftKey(category.id));
  return {
    category: { slug: category.slug, name: category.name, visibility: category.visibility, qa: category.qa === 1 },
    draft: draft ?? null,
  };
}

export const shouldRevalidate = keepPageOnDrafts(["preview"]);

export const headers = retryAfterHeaders;

const INTENTS = {
  create: actions.createAction,
  preview: actions.previewAction,
  draft: actions.draftAction,
  "discard-draft": actions.discardDraftAction,
};

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const category = await loadCategory(params.category, viewer);
  const form = await readForm(request);
  return runIntent(INTENTS, form.get("intent") ?? "create", { request, form, viewer, category }, () => badRequest());
}

type ActionData = {
  intent?: string;
  preview?: string | null;
  error?: string;
  values?: { title: string; body: string; tags: string };
  draftSavedAt?: string | null;
  result?: SubmissionResult<string[]>;
};

export default function NewTopic() {
  const { t } = useTranslation();
  const { category, draft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const kept = (actionData?.result?.initialValue ?? actionData?.values ?? draft ?? {}) as Record<string, string | undefined>;
  const [form, fields] = useForm<z.input<typeof newTopicSchema>, z.output<typeof newTopicSchema>>({
    id: "new-topic",
    lastResult: actionData?.result,
    defaultValue: { title: kept.title ?? "", tags: kept.tags ?? "" },
    constraint: getZodConstraint(newTopicSchema),
    shouldValidate: "onBlur",
    onValidate: validateUnlessDraft(newTopicSchema),
  });
  const action = newTopicPath(category.slug);
  const [searchParams] = useSearchParams();
  return (
    <div className="page page--narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={forumsPath()}>{t("forums.title")}</Link> › <Link to={categoryPath(category.slug)}>{category.name}</Link>
      </nav>
      <h1>
        {t("forums.newTopic.title")} <VisibilityBadge visibility={category.visibility} />
      </h1>
      <p className="lead">
        {category.qa
          ? t("forums.newTopic.introQa", { category: category.name })
          : t("forums.newTopic.intro", { category: category.name })}
      </p>
      {searchParams.get("draft") === "saved" ? <Notice>{t("forums.composer.draftSavedNotice")}</Notice> : null}
      <FormErrors errors={form.errors} />
      <Form method="post" action={action} {...getFormProps(form)} className="stack panel">
        <InputField meta={fields.title} label={t("forums.newTopic.titleLabel")} required />
        <Composer
          id="topic-body"
          label={t("forums.newTopic.bodyLabel")}
          defaultValue={kept.body ?? ""}
          action={action}
          errors={fields.body.errors ?? (actionData?.error ? [actionData.error] : undefined)}
          previewHtml={actionData?.preview ?? null}
          autosave
          draftSavedAt={actionData?.draftSavedAt ?? draft?.updated_at ?? null}
          rows={14}
          mentionSource={mentionsPath({ category: category.slug })}
        />
        <InputField meta={fields.tags} label={t("forums.newTopic.tagsLabel")} hint={t("forums.newTopic.tagsHint")} />
        <ComposerButtons intent="create" label={t("forums.newTopic.submit")} hasDraft={Boolean(draft)} />
      </Form>
    </div>
  );
}
