// Starting a topic, one handler per intent: preview (and keep the draft), save the draft, discard
// it, and create the topic. The services decide (can(), the limits, the throttle).
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import type { findCategoryBySlug } from "~/models/category.server";
import { topicDraftKey } from "~/models/forum-state.server";
import type { Viewer } from "~/policies";
import { byteLength, MAX_POST_BYTES, MAX_TITLE, MAX_TAGS_TEXT, newTopicSchema, postBody } from "~/schemas/forums";
import { FORUM_FAILURES, retryHeaders } from "~/services/forum/failures";
import { refuse } from "~/services/forum/refuse.server";
import { createTopic, renderPost } from "~/services/forum/posting.server";
import { discardDraft, saveTopicDraft } from "~/services/forum/reading-state.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { getDb } from "~/utils/db.server";
import { explain, replyErrors } from "~/utils/failure.server";
import { newTopicPath, topicPath, withQuery } from "~/utils/paths";

export interface NewTopicActionArgs {
  request: Request;
  form: FormData;
  viewer: Viewer;
  category: NonNullable<Awaited<ReturnType<typeof findCategoryBySlug>>>;
}

const fieldText = (form: FormData, name: string, max: number) => String(form.get(name) ?? "").slice(0, max);

/** Keeps what is being written as the draft (unless live: a preview while typing), then previews it or says it is saved. */
async function keepDraft({ form, viewer, category }: NewTopicActionArgs, intent: "preview" | "draft") {
  const body = String(form.get("body") ?? "");
  if (byteLength(body) > MAX_POST_BYTES) {
    return data(
      {
        intent,
        preview: null,
        error: "forums.validation.bodyTooLong",
        values: { title: fieldText(form, "title", MAX_TITLE * 2), body, tags: fieldText(form, "tags", MAX_TAGS_TEXT) },
      },
      { status: 400 },
    );
  }
  const fields = {
    title: fieldText(form, "title", MAX_TITLE * 2),
    body: body.replace(/\r\n?/g, "\n"),
    tags: fieldText(form, "tags", MAX_TAGS_TEXT),
  };
  const live = form.get("live") === "1";
  if (!live) {
    const saved = await saveTopicDraft(getDb(), viewer, category.id, fields);
    if (!saved.ok) refuse(saved);
  }
  if (intent === "draft") {
    return form.get("autosave") === "1"
      ? data({ draftSavedAt: new Date().toISOString() })
      : redirect(withQuery(newTopicPath(category.slug), { draft: "saved" }));
  }
  const parsed = postBody.safeParse(body);
  const preview = parsed.success ? (await renderPost(getDb(), parsed.data)).html : null;
  return data({
    intent,
    preview,
    error: parsed.success ? undefined : parsed.error.issues[0]?.message,
    values: fields,
    draftSavedAt: live ? null : new Date().toISOString(),
  });
}

export const previewAction = (args: NewTopicActionArgs) => keepDraft(args, "preview");
export const draftAction = (args: NewTopicActionArgs) => keepDraft(args, "draft");

export async function discardDraftAction({ request, form, viewer, category }: NewTopicActionArgs) {
  requireConfirmation(request, form, "discardDraft");
  await discardDraft(getDb(), viewer, topicDraftKey(category.id));
  return redirect(newTopicPath(category.slug));
}

export async function createAction({ form, viewer, category }: NewTopicActionArgs) {
  const submission = parseWithZod(form, { schema: newTopicSchema });
  if (submission.status !== "success") return data({ intent: "create", result: submission.reply() }, { status: 400 });
  const result = await createTopic(getDb(), viewer, category.id, submission.value);
  if (!result.ok && result.reason === "too_many_posts") {
    const explained = explain(FORUM_FAILURES, result);
    const init = { status: explained.status, headers: retryHeaders(result) };
    return data({ intent: "create", result: submission.reply(replyErrors(explained)) }, init);
  }
  if (!result.ok) refuse(result);
  return redirect(topicPath({ id: result.value.topicId, slug: result.value.slug }));
}
