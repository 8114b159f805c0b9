// The topic page's intents, one handler each: what members write (reply, preview, draft, edit,
// quote, react, flag, accept) and what moderators do (delete, restore, hide, pin, lock, move…).
// The services decide (can() and the state rules, inside their transactions); a handler reads the
// form, calls one, and says the outcome with the forum's reasons table.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { findPost, postResource } from "~/models/post.server";
import { pageOfPost, postAddress, type FoundTopic } from "~/models/topic.server";
import { replyDraftKey } from "~/models/forum-state.server";
import { authorize, can, type Viewer } from "~/policies";
import type { TopicResource } from "~/policies/forums";
import {
  editSchema,
  flagSchema,
  moveSchema,
  postBody,
  postIntentSchema,
  reactSchema,
  replySchema,
  watchSchema,
} from "~/schemas/forums";
import { FORUM_FAILURES, retryHeaders, type ForumReason } from "~/services/forum/failures";
import { refuse } from "~/services/forum/refuse.server";
import {
  deletePost,
  editPost,
  renderPost,
  replyRefusal,
  replyToTopic,
  restorePost,
  setAcceptedAnswer,
  toggleReaction,
} from "~/services/forum/posting.server";
import {
  deleteTopic,
  flagPost,
  hidePost,
  moveTopic,
  restoreTopic,
  setTopicFlag,
  unhidePost,
} from "~/services/forum/moderation.server";
import { discardDraft, quoteIntoReplyDraft, saveReplyDraft, setTopicWatch } from "~/services/forum/reading-state.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { getDb } from "~/utils/db.server";
import { explain, replyErrors } from "~/utils/failure.server";
import { badRequest, notFound } from "~/utils/http.server";
import type { Fail } from "~/utils/result";
import { categoryPath, postAnchor, topicPath, withQuery } from "~/utils/paths";

export interface TopicActionArgs {
  request: Request;
  form: FormData;
  viewer: Viewer;
  topic: FoundTopic;
  resource: TopicResource;
}

/** The reply box at the end of the topic (always with its ?page=, as the reply form's own address). */
const lastPage = (topic: FoundTopic, query = {}) =>
  withQuery(topicPath(topic), { page: pageOfPost(topic.last_post_number), ...query }, "reply");

/** A fetcher (js=1) only needs to know it worked; a plain form goes back to the page. */
const back = (form: FormData, path: string) => (form.get("js") === "1" ? data({ ok: true }) : redirect(path));

function postNumberOf(form: FormData) {
  const parsed = postIntentSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) badRequest();
  return parsed.data.post;
}

export async function replyAction({ form, viewer, topic }: TopicActionArgs) {
  const submission = parseWithZod(form, { schema: replySchema });
  const refused = (failure: Fail<ForumReason>) => {
    const explained = explain(FORUM_FAILURES, failure);
    const init = { status: explained.status, headers: retryHeaders(failure) };
    return data({ intent: "reply" as const, result: submission.reply(replyErrors(explained)) }, init);
  };
  const refusal = replyRefusal(viewer, topic);
  if (refusal) return refused({ ok: false, reason: refusal });
  if (submission.status !== "success") return data({ intent: "reply" as const, result: submission.reply() }, { status: 400 });
  const result = await replyToTopic(getDb(), viewer, topic.id, submission.value.body);
  if (!result.ok) return refused(result);
  return redirect(result.value.path);
}

export async function previewAction({ form, viewer, topic, resource }: TopicActionArgs) {
  const body = postBody.safeParse(form.get("body") ?? "");
  if (!body.success) {
    const error = body.error.issues[0]?.message;
    return data({ intent: "preview" as const, preview: null, body: String(form.get("body") ?? ""), error }, { status: 400 });
  }
  const db = getDb();
  const rendered = await renderPost(db, body.data);
  const live = form.get("live") === "1";
  if (!live && can(viewer, "topic:reply", resource)) await saveReplyDraft(db, viewer, topic.id, body.data);
  return data({
    intent: "preview" as const,
    preview: rendered.html,
    body: body.data,
    draftSavedAt: live ? null : new Date().toISOString(),
  });
}

export async function draftAction({ form, viewer, topic }: TopicActionArgs) {
  const result = await saveReplyDraft(getDb(), viewer, topic.id, String(form.get("body") ?? ""));
  if (!result.ok) return result.reason === "post_too_long" ? badRequest() : refuse(result);
  const autosave = form.get("js") === "1" || form.get("autosave") === "1";
  return autosave ? data({ draftSavedAt: new Date().toISOString() }) : redirect(lastPage(topic, { draft: "saved" }));
}

export async function discardDraftAction({ request, form, viewer, topic }: TopicActionArgs) {
  requireConfirmation(request, form, "discardDraft");
  await discardDraft(getDb(), viewer, replyDraftKey(topic.id));
  return redirect(lastPage(topic));
}

export async function editAction({ form, viewer, topic, resource }: TopicActionArgs) {
  const submission = parseWithZod(form, { schema: editSchema });
  const number = Number(form.get("post"));
  const post = Number.isSafeInteger(number) && number > 0 ? await findPost(getDb(), topic.id, number) : undefined;
  if (!post) notFound();
  authorize(viewer, "post:edit", postResource(post, resource));
  if (submission.status !== "success")
    return data({ intent: "edit" as const, post: number, result: submission.reply() }, { status: 400 });
  const { body, revision, title, tags, reason } = submission.value;
  // An absent tags field leaves the tags alone; an empty one removes them.
  const result = await editPost(getDb(), viewer, topic.id, number, {
    body,
    baseRevision: revision,
    title,
    tags: form.has("tags") ? (tags ?? []) : undefined,
    reason,
  });
  if (!result.ok && result.reason === "conflict") {
    const explained = explain(FORUM_FAILURES, result);
    const reply = {
      intent: "edit" as const,
      post: number,
      result: submission.reply(replyErrors(explained)),
      conflict: result.current,
    };
    return data(reply, { status: explained.status });
  }
  if (!result.ok) refuse(result);
  return redirect(result.value.path);
}

export async function editPreviewAction({ form }: TopicActionArgs) {
  const number = Number(form.get("post"));
  const body = postBody.safeParse(form.get("body") ?? "");
  if (!body.success) {
    const error = body.error.issues[0]?.message;
    return data({ intent: "edit-preview" as const, post: number, preview: null, error }, { status: 400 });
  }
  return data({ intent: "edit-preview" as const, post: number, preview: (await renderPost(getDb(), body.data)).html });
}

/** Without JavaScript, "Quote" adds the whole post to the reply draft and goes to the reply box. */
export async function quoteAction({ form, viewer, topic }: TopicActionArgs) {
  const result = await quoteIntoReplyDraft(getDb(), viewer, topic.id, postNumberOf(form));
  if (!result.ok) return result.reason === "post_too_long" ? badRequest(explain(FORUM_FAILURES, result).message) : refuse(result);
  return redirect(lastPage(topic));
}

export async function reactAction({ form, viewer, topic }: TopicActionArgs) {
  const parsed = reactSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) badRequest();
  const result = await toggleReaction(getDb(), viewer, topic.id, parsed.data.post, parsed.data.reaction);
  if (!result.ok) refuse(result);
  return back(form, postAddress(topic, parsed.data.post));
}

export async function flagAction({ form, viewer, topic }: TopicActionArgs) {
  const submission = parseWithZod(form, { schema: flagSchema });
  const number = Number(form.get("post"));
  if (submission.status !== "success") {
    const error = submission.error?.reason?.[0] ?? "validation.formInvalid";
    return data({ intent: "flag" as const, post: number, error, result: submission.reply() }, { status: 400 });
  }
  const flagged = submission.value.post;
  const result = await flagPost(getDb(), viewer, topic.id, flagged, submission.value.reason);
  if (!result.ok && (result.reason === "too_many_flags" || result.reason === "flag_duplicate")) {
    const explained = explain(FORUM_FAILURES, result);
    const init = { status: explained.status, headers: retryHeaders(result) };
    // Said under the reason, where the member is writing.
    const reply = submission.reply({ fieldErrors: { reason: [explained.message] } });
    return data({ intent: "flag" as const, post: number, error: explained.message, result: reply }, init);
  }
  if (!result.ok) refuse(result);
  return redirect(topicPath(topic, { page: pageOfPost(flagged), query: { flagged }, hash: postAnchor(flagged) }));
}

/** Accepting an answer goes to the question (where the answer is shown); withdrawing it stays at the post. */
async function answer({ form, viewer, topic }: TopicActionArgs, accept: boolean) {
  const parsed = postIntentSchema.safeParse({ intent: "accept", post: form.get("post") });
  if (!parsed.success) badRequest();
  const result = await setAcceptedAnswer(getDb(), viewer, topic.id, accept ? parsed.data.post : null);
  if (!result.ok) refuse(result);
  return redirect(postAddress(topic, accept ? 1 : parsed.data.post));
}

export const acceptAction = (args: TopicActionArgs) => answer(args, true);
export const unacceptAction = (args: TopicActionArgs) => answer(args, false);

type PostChange = typeof deletePost;

/** A one-button change to a post (delete, restore, hide, unhide), back at the post. */
async function changePostAt({ form, viewer, topic }: TopicActionArgs, change: PostChange) {
  const number = postNumberOf(form);
  const result = await change(getDb(), viewer, topic.id, number);
  if (!result.ok) refuse(result);
  return redirect(postAddress(topic, number));
}

export const deleteAction = (args: TopicActionArgs) => changePostAt(args, deletePost);
export const restoreAction = (args: TopicActionArgs) => changePostAt(args, restorePost);
export const hideAction = (args: TopicActionArgs) => changePostAt(args, hidePost);
export const unhideAction = (args: TopicActionArgs) => changePostAt(args, unhidePost);

export async function watchAction({ form, viewer, topic }: TopicActionArgs) {
  const parsed = watchSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) badRequest();
  const result = await setTopicWatch(getDb(), viewer, topic.id, parsed.data.level === "normal" ? null : parsed.data.level);
  if (!result.ok) refuse(result);
  const page = form.get("page") ? Number(form.get("page")) || 1 : undefined;
  return back(form, withQuery(topicPath(topic), { page }));
}

/** Pin, unpin, lock, unlock: back at the topic with a notice of what was done. */
async function setFlag({ viewer, topic }: TopicActionArgs, done: "pin" | "unpin" | "lock" | "unlock") {
  const result = await setTopicFlag(
    getDb(),
    viewer,
    topic.id,
    done.endsWith("pin") ? "pinned" : "locked",
    !done.startsWith("un"),
  );
  if (!result.ok) refuse(result);
  return redirect(topicPath(topic, { query: { done } }));
}

export const pinAction = (args: TopicActionArgs) => setFlag(args, "pin");
export const unpinAction = (args: TopicActionArgs) => setFlag(args, "unpin");
export const lockAction = (args: TopicActionArgs) => setFlag(args, "lock");
export const unlockAction = (args: TopicActionArgs) => setFlag(args, "unlock");

export async function moveAction({ form, viewer, topic }: TopicActionArgs) {
  const parsed = moveSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) badRequest();
  const result = await moveTopic(getDb(), viewer, topic.id, parsed.data.category);
  if (!result.ok) refuse(result);
  return redirect(topicPath(topic, { query: { done: "move" } }));
}

export async function deleteTopicAction({ request, form, viewer, topic, resource }: TopicActionArgs) {
  // Refused before the confirmation page is offered.
  authorize(viewer, "topic:delete", resource);
  requireConfirmation(request, form, "deleteTopic", { title: topic.title });
  const result = await deleteTopic(getDb(), viewer, topic.id);
  if (!result.ok) refuse(result);
  return redirect(categoryPath(topic.category_slug, { deleted: 1 }));
}

export async function restoreTopicAction({ viewer, topic }: TopicActionArgs) {
  const result = await restoreTopic(getDb(), viewer, topic.id);
  if (!result.ok) refuse(result);
  return redirect(topicPath(topic, { query: { done: "restore-topic" } }));
}
