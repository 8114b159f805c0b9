// Starting a topic: /forums/:category/new (not nested in the category page's layout).
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Composer, ComposerButtons } from "~/components/forum/composer";
import { MAX_POST_BYTES, MAX_TITLE, newTopicSchema, postBody } from "~/schemas/forums";
import { Notice } from "~/components/ui/notice";
import { VisibilityBadge } from "~/components/visibility-badge";
import { categoryResource, findCategoryBySlug } from "~/models/category.server";
import { findDraft, topicDraftKey } from "~/models/forum-state.server";
import { authorize, type Viewer } from "~/policies";
import type { RouteHandle } from "~/root";
import { createTopic, discardDraft, renderPost, saveTopicDraft } from "~/services/forum.server";
import { requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { badRequest, notFound, retryAfterHeaders } from "~/utils/http.server";
import { rateLimit } from "~/models/rate-limit.server";
import { readForm } from "~/utils/form.server";
import { requireConfirmation } from "~/utils/confirm.server";

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

export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  if (intent === "draft" || (intent === "preview" && formData?.get("live") === "1")) return false;
  return defaultShouldRevalidate;
};

const fieldText = (form: FormData, name: string, max: number) => String(form.get(name) ?? "").slice(0, max);

export const headers = retryAfterHeaders;

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const category = await loadCategory(params.category, viewer);
  const db = getDb();
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "create");

  if (intent === "preview" || intent === "draft") {
    const body = String(form.get("body") ?? "");
    if (new TextEncoder().encode(body).length > MAX_POST_BYTES) {
      return data(
        {
          intent,
          preview: null,
          error: "forums.validation.bodyTooLong",
          values: { title: fieldText(form, "title", 400), body, tags: fieldText(form, "tags", 400) },
        },
        { status: 400 },
      );
    }
    const fields = {
      title: fieldText(form, "title", MAX_TITLE * 2),
      body: body.replace(/\r\n?/g, "\n"),
      tags: fieldText(form, "tags", 400),
    };
    const live = form.get("live") === "1";
    if (!live) await saveTopicDraft(db, viewer, category.id, fields);
    if (intent === "draft") {
      return form.get("autosave") === "1"
        ? data({ draftSavedAt: new Date().toISOString() })
        : redirect(`/forums/${category.slug}/new?draft=saved`);
    }
    const parsed = postBody.safeParse(body);
    const preview = parsed.success ? (await renderPost(db, parsed.data)).html : null;
    return data({
      intent,
      preview,
      error: parsed.success ? undefined : parsed.error.issues[0]?.message,
      values: fields,
      draftSavedAt: live ? null : new Date().toISOString(),
    });
  }

  if (intent === "discard-draft") {
    requireConfirmation(request, form, "discardDraft");
    await discardDraft(db, viewer, topicDraftKey(category.id));
    return redirect(`/forums/${category.slug}/new`);
  }

  if (intent !== "create") badRequest();
  const submission = parseWithZod(form, { schema: newTopicSchema });
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const retryAfter = await rateLimit("post", `user:${viewer.id}`);
  if (retryAfter) {
    return data(
      { intent, result: submission.reply({ formErrors: ["forums.errors.tooManyPosts"] }) },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  const { topicId, slug } = await createTopic(db, viewer, category.id, submission.value);
  return redirect(`/t/${topicId}/${slug}`);
}

type ActionData = {
  intent?: string;
  preview?: string | null;
  error?: string;
  values?: { title: string; body: string; tags: string };
  draftSavedAt?: string | null;
  result?: { error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> | null };
};

export default function NewTopic() {
  const { t } = useTranslation();
  const { category, draft } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const kept = (actionData?.result?.initialValue ?? actionData?.values ?? draft ?? {}) as Record<string, string | undefined>;
  const errors = actionData?.result?.error ?? {};
  const action = `/forums/${category.slug}/new`;
  const [searchParams] = useSearchParams();
  return (
    <div className="page page--narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/forums">{t("forums.title")}</Link> › <Link to={`/forums/${category.slug}`}>{category.name}</Link>
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
      {errors[""]?.length ? (
        <div className="form-errors" role="alert">
          {errors[""].map((e) => (
            <p key={e}>{t(e as never)}</p>
          ))}
        </div>
      ) : null}
      <Form method="post" action={action} className="stack panel">
        <div className="field">
          <label htmlFor="topic-title" className="field__label">
            {t("forums.newTopic.titleLabel")}
          </label>
          <input
            id="topic-title"
            type="text"
            name="title"
            defaultValue={kept.title ?? ""}
            maxLength={MAX_TITLE}
            required
            aria-invalid={errors.title?.length ? true : undefined}
            aria-describedby={errors.title?.length ? "topic-title-errors" : undefined}
          />
          {errors.title?.length ? (
            <ul id="topic-title-errors" className="field__errors">
              {errors.title.map((e) => (
                <li key={e}>{t(e as never)}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <Composer
          id="topic-body"
          label={t("forums.newTopic.bodyLabel")}
          defaultValue={kept.body ?? ""}
          action={action}
          errors={errors.body ?? (actionData?.error ? [actionData.error] : undefined)}
          previewHtml={actionData?.preview ?? null}
          autosave
          draftSavedAt={actionData?.draftSavedAt ?? draft?.updated_at ?? null}
          rows={14}
          mentionSource={`/mentions?category=${encodeURIComponent(category.slug)}`}
        />
        <div className="field">
          <label htmlFor="topic-tags" className="field__label">
            {t("forums.newTopic.tagsLabel")} <span className="field__optional">({t("common.optional")})</span>
          </label>
          <p id="topic-tags-hint" className="field__hint">
            {t("forums.newTopic.tagsHint")}
          </p>
          <input
            id="topic-tags"
            type="text"
            name="tags"
            defaultValue={kept.tags ?? ""}
            maxLength={400}
            aria-invalid={errors.tags?.length ? true : undefined}
            aria-describedby={["topic-tags-hint", errors.tags?.length ? "topic-tags-errors" : null].filter(Boolean).join(" ")}
          />
          {errors.tags?.length ? (
            <ul id="topic-tags-errors" className="field__errors">
              {errors.tags.map((e) => (
                <li key={e}>{t(e as never)}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <ComposerButtons intent="create" label={t("forums.newTopic.submit")} hasDraft={Boolean(draft)} />
      </Form>
    </div>
  );
}
