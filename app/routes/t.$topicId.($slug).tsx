import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Composer, ComposerButtons } from "~/components/forum/composer";
import { Pagination } from "~/components/forum/pagination";
import { PostArticle, postPermalink, type PostView } from "~/components/forum/post-article";
import { quoteMarkdown } from "~/components/forum/quote";
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
import { TagList } from "~/components/forum/tag-list";
import { TopicBadges } from "~/components/forum/topic-list";
import { WatchControl } from "~/components/forum/watch-control";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { VisibilityBadge } from "~/components/visibility-badge";
import { categoryResource, listOpenCategories } from "~/models/category.server";
import { findDraft, findTopicRead, findWatch, replyDraftKey } from "~/models/forum-state.server";
import { findPost, listPostsPage, postResource, reactionsOfPosts } from "~/models/post.server";
import { findTopic, pageOfPost, postPath, tagsOfTopics, topicPath, topicResource } from "~/models/topic.server";
import { authorize, can, readableScope, type Viewer } from "~/policies";
import { authorRestoreDeadline } from "~/policies/forums";
import {
  deletePost,
  deleteTopic,
  discardDraft,
  editPost,
  flagPost,
  hidePost,
  moveTopic,
  recordTopicSeen,
  renderPost,
  replyToTopic,
  restorePost,
  restoreTopic,
  saveReplyDraft,
  setAcceptedAnswer,
  setTopicFlag,
  setTopicWatch,
  toggleReaction,
  unhidePost,
} from "~/services/forum.server";
import { getViewer, requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { badRequest, forbidden, notFound, parseId, retryAfterHeaders } from "~/utils/http.server";
import { useSite } from "~/utils/use-site";
import { rateLimit } from "~/models/rate-limit.server";
import { readForm } from "~/utils/form.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { ConfirmButton } from "~/components/ui/confirm-form";

/** Adds a query parameter to a path that may carry a #fragment. */
function withParam(path: string, key: string, value: string) {
  const [base, hash] = path.split("#");
  const url = new URL(base, "http://x");
  url.searchParams.set(key, value);
  return `${url.pathname}${url.search}${hash ? `#${hash}` : ""}`;
}

async function loadTopic(params: LoaderFunctionArgs["params"], viewer: Viewer | null) {
  const topicId = parseId(params.topicId);
  const topic = await findTopic(getDb(), topicId);
  if (!topic) notFound();
  const resource = topicResource(topic);
  authorize(viewer, "topic:read", resource);
  return { topic, resource };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const db = getDb();
  const { topic, resource } = await loadTopic(params, viewer);
  const url = new URL(request.url);
  if (params.slug !== topic.slug) throw redirect(`${topicPath(topic)}${url.search}`);

  const pageCount = pageOfPost(topic.last_post_number);
  const pageParam = url.searchParams.get("page");
  const tracking = can(viewer, "topic:track-reading", resource);
  const lastRead = tracking && viewer ? await findTopicRead(db, viewer.id, topic.id) : null;
  let page = 1;
  if (pageParam !== null) {
    page = /^[1-9][0-9]{0,6}$/.test(pageParam) ? Number(pageParam) : 0;
    if (page < 1 || page > pageCount) notFound();
  } else if (lastRead !== null && lastRead < topic.last_post_number) {
    // A returning member lands on the first post they have not read.
    const first = lastRead + 1;
    throw redirect(`${topicPath(topic)}?page=${pageOfPost(first)}#post-${first}`);
  }

  const rows = await listPostsPage(db, topic.id, page);
  const reactions = await reactionsOfPosts(
    db,
    rows.map((row) => row.id),
    viewer?.id ?? null,
  );
  const canReply = can(viewer, "topic:reply", resource);
  const posts: PostView[] = rows.map((row) => {
    const post = postResource(row, resource);
    const visible = can(viewer, "post:see-content", post);
    const accepted = topic.accepted_post_number === row.number;
    const restore = can(viewer, "post:restore", post);
    const undoUntil = restore && viewer && row.deleted_by === viewer.id ? authorRestoreDeadline(post) : null;
    return {
      number: row.number,
      created_at: row.created_at,
      edited_at: row.edited_at,
      author: row.author_username
        ? {
            username: row.author_username,
            display_name: row.author_name!,
            organization: row.author_organization!,
            country: row.author_country!,
            member_type: row.author_member_type!,
          }
        : null,
      state: row.deleted_at ? "deleted" : row.hidden ? "hidden" : "visible",
      html: visible ? row.body_html : null,
      accepted,
      // The author who deleted their own post may undo it for a while: the page says so in place.
      undoDeleteUntil: undoUntil && !can(viewer, "topic:moderate", resource) ? undoUntil.toISOString() : null,
      reactions: row.deleted_at || (row.hidden && !visible) ? [] : (reactions.get(row.id) ?? []),
      can: {
        edit: can(viewer, "post:edit", post),
        delete: row.number === 1 ? false : can(viewer, "post:delete", post),
        restore,
        hide: can(viewer, "post:hide", post),
        unhide: can(viewer, "post:unhide", post),
        flag: can(viewer, "post:flag", post),
        react: can(viewer, "post:react", post),
        accept: row.number > 1 && !accepted && !row.deleted_at && !row.hidden && can(viewer, "topic:accept-answer", resource),
        unaccept: accepted && can(viewer, "topic:accept-answer", resource),
        quote: canReply && visible && !row.deleted_at,
        history: row.revision > 1 && can(viewer, "post:read-history", post),
      },
    };
  });

  let acceptedAnswer: { number: number; html: string; author_name: string | null; permalink: string } | null = null;
  if (topic.accepted_post_number) {
    const answer = await findPost(db, topic.id, topic.accepted_post_number);
    if (answer && can(viewer, "post:see-content", postResource(answer, resource))) {
      acceptedAnswer = {
        number: answer.number,
        html: answer.body_html,
        author_name: answer.author_name,
        permalink: postPath(topic, answer.number),
      };
    }
  }

  const moderate = can(viewer, "topic:moderate", resource);
  const scope = readableScope(viewer);
  const moveTargets = moderate
    ? (await listOpenCategories(db, scope))
        .filter((category) => category.id !== topic.category_id && can(viewer, "forum:moderate", categoryResource(category)))
        .map((category) => ({ id: category.id, name: category.name }))
    : [];

  // The markdown source is read only for the post being edited (it must be on this page).
  const editParam = Number(url.searchParams.get("edit"));
  const editRow = rows.find((row) => row.number === editParam);
  const editPost =
    editRow && can(viewer, "post:edit", postResource(editRow, resource))
      ? await findPost(db, topic.id, editRow.number)
      : undefined;
  const editing = editPost ? { number: editPost.number, body: editPost.body_md, revision: editPost.revision } : null;

  const tags = (await tagsOfTopics(db, [topic.id])).get(topic.id) ?? [];
  const draft = canReply && viewer ? await findDraft(db, viewer.id, replyDraftKey(topic.id)) : undefined;
  const watchLevel =
    can(viewer, "topic:watch", resource) && viewer
      ? ((await findWatch(db, viewer.id, "topic", topic.id)) ?? ("normal" as const))
      : null;

  if (tracking && viewer && rows.length) await recordTopicSeen(db, viewer, topic.id, rows[rows.length - 1].number);

  return {
    title: topic.title,
    topic: {
      id: topic.id,
      title: topic.title,
      slug: topic.slug,
      pinned: topic.pinned,
      locked: topic.locked,
      deleted: topic.deleted_at !== null,
      accepted_post_number: topic.accepted_post_number,
      created_at: topic.created_at,
      replies: Math.max(0, topic.post_count - 1),
      view_count: topic.view_count,
      last_post_number: topic.last_post_number,
      author_name: topic.author_name,
      category: {
        slug: topic.category_slug,
        name: topic.category_name,
        visibility: topic.category_visibility,
        qa: topic.category_qa === 1,
        archived: topic.category_archived_at !== null,
        groupSlug: topic.group_slug,
        groupName: topic.group_name,
      },
    },
    tags,
    page,
    pageCount,
    posts,
    firstUnread: lastRead !== null && lastRead < topic.last_post_number ? lastRead + 1 : null,
    acceptedAnswer,
    editing,
    draft: draft ? { body: draft.body, updated_at: draft.updated_at } : null,
    watchLevel,
    moveTargets,
    can: {
      reply: canReply,
      moderate,
      deleteTopic: can(viewer, "topic:delete", resource),
      restoreTopic: can(viewer, "topic:restore", resource),
      editTitle: can(viewer, "topic:edit-title", resource),
    },
    viewer: viewer ? { approved: viewer.status === "approved" } : null,
    inGroupSpace: topic.category_group_id !== null,
  };
}

// Autosaved drafts and live previews change nothing the page shows: no need to reload it.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  if (intent === "draft" || ((intent === "preview" || intent === "edit-preview") && formData?.get("live") === "1")) return false;
  return defaultShouldRevalidate;
};

function refusal(reason: "refused" | "gone"): never {
  if (reason === "gone") notFound();
  forbidden();
}

export const headers = retryAfterHeaders;

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const db = getDb();
  const { topic, resource } = await loadTopic(params, viewer);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const js = form.get("js") === "1";
  const back = (path: string) => (js ? data({ ok: true }) : redirect(path));
  const lastPage = () => `${topicPath(topic)}?page=${pageOfPost(topic.last_post_number)}#reply`;

  switch (intent) {
    case "reply": {
      const submission = parseWithZod(form, { schema: replySchema });
      if (!can(viewer, "topic:reply", resource)) {
        const message = topic.locked ? "forums.errors.locked" : "forums.errors.cannotReply";
        return data({ intent: "reply" as const, result: submission.reply({ formErrors: [message] }) }, { status: 403 });
      }
      if (submission.status !== "success") return data({ intent: "reply" as const, result: submission.reply() }, { status: 400 });
      const retryAfter = await rateLimit("post", `user:${viewer.id}`);
      if (retryAfter) {
        return data(
          { intent: "reply" as const, result: submission.reply({ formErrors: ["forums.errors.tooManyPosts"] }) },
          { status: 429, headers: { "Retry-After": String(retryAfter) } },
        );
      }
      const result = await replyToTopic(db, viewer, topic.id, submission.value.body);
      if (!result.ok) {
        const message = result.reason === "locked" ? "forums.errors.locked" : "forums.errors.cannotReply";
        return data(
          { intent: "reply" as const, result: submission.reply({ formErrors: [message] }) },
          { status: result.reason === "gone" ? 404 : 403 },
        );
      }
      return redirect(result.path);
    }

    case "preview": {
      const body = postBody.safeParse(form.get("body") ?? "");
      if (!body.success)
        return data(
          {
            intent: "preview" as const,
            preview: null,
            body: String(form.get("body") ?? ""),
            error: body.error.issues[0]?.message,
          },
          { status: 400 },
        );
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

    case "draft": {
      if (!can(viewer, "topic:reply", resource)) forbidden();
      const body = String(form.get("body") ?? "");
      if (new TextEncoder().encode(body).length > 64 * 1024) badRequest();
      await saveReplyDraft(db, viewer, topic.id, body.replace(/\r\n?/g, "\n"));
      const autosave = js || form.get("autosave") === "1";
      return autosave ? data({ draftSavedAt: new Date().toISOString() }) : redirect(withParam(lastPage(), "draft", "saved"));
    }

    case "discard-draft": {
      requireConfirmation(request, form, "discardDraft");
      await discardDraft(db, viewer, replyDraftKey(topic.id));
      return redirect(lastPage());
    }

    case "edit": {
      const submission = parseWithZod(form, { schema: editSchema });
      const number = Number(form.get("post"));
      const post = Number.isSafeInteger(number) && number > 0 ? await findPost(db, topic.id, number) : undefined;
      if (!post) notFound();
      authorize(viewer, "post:edit", postResource(post, resource));
      if (submission.status !== "success")
        return data({ intent: "edit" as const, post: number, result: submission.reply() }, { status: 400 });
      const { body, revision, title, tags, reason } = submission.value;
      // An absent tags field leaves the tags alone; an empty one removes them.
      const result = await editPost(db, viewer, topic.id, number, {
        body,
        baseRevision: revision,
        title,
        tags: form.has("tags") ? (tags ?? []) : undefined,
        reason,
      });
      if (!result.ok && result.reason === "conflict") {
        return data(
          {
            intent: "edit" as const,
            post: number,
            result: submission.reply({ formErrors: ["forums.errors.editConflict"] }),
            conflict: result.current,
          },
          { status: 409 },
        );
      }
      if (!result.ok) refusal(result.reason);
      return redirect(result.path);
    }

    case "edit-preview": {
      const number = Number(form.get("post"));
      const body = postBody.safeParse(form.get("body") ?? "");
      if (!body.success)
        return data(
          { intent: "edit-preview" as const, post: number, preview: null, error: body.error.issues[0]?.message },
          { status: 400 },
        );
      return data({ intent: "edit-preview" as const, post: number, preview: (await renderPost(db, body.data)).html });
    }

    case "quote": {
      const parsed = postIntentSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) badRequest();
      const post = await findPost(db, topic.id, parsed.data.post);
      if (!post) notFound();
      if (!can(viewer, "post:see-content", postResource(post, resource)) || !can(viewer, "topic:reply", resource)) forbidden();
      const existing = await findDraft(db, viewer.id, replyDraftKey(topic.id));
      const quote = quoteMarkdown(post.author_name ?? "", postPath(topic, post.number), post.body_md);
      const body = `${existing?.body ? `${existing.body.trimEnd()}\n\n` : ""}${quote}`;
      if (new TextEncoder().encode(body).length > 64 * 1024) badRequest("forums.validation.bodyTooLong");
      await saveReplyDraft(db, viewer, topic.id, body);
      return redirect(lastPage());
    }

    case "react": {
      const parsed = reactSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) badRequest();
      const result = await toggleReaction(db, viewer, topic.id, parsed.data.post, parsed.data.reaction);
      if (!result.ok) refusal(result.reason);
      return back(postPath(topic, parsed.data.post));
    }

    case "flag": {
      const submission = parseWithZod(form, { schema: flagSchema });
      const number = Number(form.get("post"));
      if (submission.status !== "success") {
        return data(
          { intent: "flag" as const, post: number, error: submission.error?.reason?.[0] ?? "validation.formInvalid" },
          { status: 400 },
        );
      }
      const retryAfter = await rateLimit("flag", `user:${viewer.id}`);
      if (retryAfter) {
        return data(
          { intent: "flag" as const, post: number, error: "forums.errors.tooManyFlags" },
          { status: 429, headers: { "Retry-After": String(retryAfter) } },
        );
      }
      const result = await flagPost(db, viewer, topic.id, submission.value.post, submission.value.reason);
      if (!result.ok && result.reason === "duplicate") {
        return data({ intent: "flag" as const, post: number, error: "forums.flag.duplicate" }, { status: 409 });
      }
      if (!result.ok) refusal(result.reason);
      return redirect(withParam(postPath(topic, submission.value.post), "flagged", String(submission.value.post)));
    }

    case "accept":
    case "unaccept": {
      const parsed = postIntentSchema.safeParse({ intent: "accept", post: form.get("post") });
      if (!parsed.success) badRequest();
      authorize(viewer, "topic:accept-answer", resource);
      const result = await setAcceptedAnswer(db, viewer, topic.id, intent === "accept" ? parsed.data.post : null);
      if (!result.ok) refusal(result.reason);
      return redirect(postPath(topic, intent === "accept" ? 1 : parsed.data.post));
    }

    case "delete":
    case "restore":
    case "hide":
    case "unhide": {
      const parsed = postIntentSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) badRequest();
      const number = parsed.data.post;
      const post = await findPost(db, topic.id, number);
      if (!post) notFound();
      const action =
        intent === "delete"
          ? "post:delete"
          : intent === "restore"
            ? "post:restore"
            : intent === "hide"
              ? "post:hide"
              : "post:unhide";
      authorize(viewer, action, postResource(post, resource));
      const service = { delete: deletePost, restore: restorePost, hide: hidePost, unhide: unhidePost }[intent];
      const result = await service(db, viewer, topic.id, number);
      if (!result.ok) refusal(result.reason);
      return redirect(postPath(topic, number));
    }

    case "watch": {
      const parsed = watchSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) badRequest();
      authorize(viewer, "topic:watch", resource);
      await setTopicWatch(db, viewer, topic.id, parsed.data.level === "normal" ? null : parsed.data.level);
      return back(`${topicPath(topic)}${form.get("page") ? `?page=${Number(form.get("page")) || 1}` : ""}`);
    }

    case "pin":
    case "unpin":
    case "lock":
    case "unlock": {
      authorize(viewer, "topic:moderate", resource);
      const result = await setTopicFlag(
        db,
        viewer,
        topic.id,
        intent.endsWith("pin") ? "pinned" : "locked",
        !intent.startsWith("un"),
      );
      if (!result.ok) refusal(result.reason);
      return redirect(withParam(topicPath(topic), "done", intent));
    }

    case "move": {
      const parsed = moveSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) badRequest();
      authorize(viewer, "topic:moderate", resource);
      const result = await moveTopic(db, viewer, topic.id, parsed.data.category);
      if (!result.ok) refusal(result.reason);
      return redirect(withParam(topicPath(topic), "done", "move"));
    }

    case "delete-topic": {
      authorize(viewer, "topic:delete", resource);
      requireConfirmation(request, form, "deleteTopic", { title: topic.title });
      const result = await deleteTopic(db, viewer, topic.id);
      if (!result.ok) refusal(result.reason);
      return redirect(`/forums/${topic.category_slug}?deleted=1`);
    }

    case "restore-topic": {
      authorize(viewer, "topic:restore", resource);
      const result = await restoreTopic(db, viewer, topic.id);
      if (!result.ok) refusal(result.reason);
      return redirect(withParam(topicPath(topic), "done", "restore-topic"));
    }
  }
  badRequest();
}

const DONE_MESSAGES = {
  pin: "forums.done.pin",
  unpin: "forums.done.unpin",
  lock: "forums.done.lock",
  unlock: "forums.done.unlock",
  move: "forums.done.move",
  "restore-topic": "forums.done.restoreTopic",
} as const;

type ActionData = {
  intent?: string;
  post?: number;
  result?: { error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> | null };
  preview?: string | null;
  body?: string;
  error?: string;
  draftSavedAt?: string | null;
  conflict?: { body: string; revision: number; editedBy: string | null; editedAt: string | null; title: string };
};

function PostEditor({
  topic,
  editing,
  actionData,
  isFirst,
  canEditTitle,
  tags,
  cancelHref,
}: {
  topic: { id: number; slug: string; title: string };
  editing: { number: number; body: string; revision: number };
  actionData: ActionData | undefined;
  isFirst: boolean;
  canEditTitle: boolean;
  tags: string[];
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const { date } = useSite();
  const mine =
    actionData && (actionData.intent === "edit" || actionData.intent === "edit-preview") && actionData.post === editing.number
      ? actionData
      : undefined;
  const values = (mine?.result?.initialValue ?? {}) as Record<string, string | undefined>;
  const errors = mine?.result?.error ?? {};
  const conflict = mine?.conflict;
  // After a conflict the next save is based on the text now current.
  const revision = conflict?.revision ?? editing.revision;
  const formKey = `edit-${editing.number}-${revision}`;
  return (
    <div className="post-editor">
      {conflict ? (
        <div className="notice notice--warning" role="alert">
          <p>
            <strong>{t("forums.conflict.title")}</strong>
          </p>
          <p>
            {conflict.editedBy
              ? t("forums.conflict.by", { name: conflict.editedBy, date: date(conflict.editedAt, true) })
              : t("forums.conflict.someone")}
          </p>
          <p>{t("forums.conflict.yoursKept")}</p>
          <h3>{t("forums.conflict.current")}</h3>
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must take keyboard focus (WCAG 2.1.1) */}
          <pre className="conflict__current" tabIndex={0}>
            {conflict.body}
          </pre>
        </div>
      ) : null}
      {errors[""]?.length && !conflict ? (
        <div className="form-errors" role="alert">
          {errors[""].map((e) => (
            <p key={e}>{t(e as never)}</p>
          ))}
        </div>
      ) : null}
      <Form method="post" action={`/t/${topic.id}/${topic.slug}`} className="stack" key={formKey}>
        <input type="hidden" name="post" value={editing.number} />
        <input type="hidden" name="revision" value={revision} />
        {isFirst && canEditTitle ? (
          <>
            <div className="field">
              <label htmlFor="edit-title" className="field__label">
                {t("forums.newTopic.titleLabel")}
              </label>
              <input
                id="edit-title"
                name="title"
                defaultValue={values.title ?? topic.title}
                maxLength={200}
                required
                aria-invalid={errors.title?.length ? true : undefined}
              />
              {errors.title?.length ? <p className="field__errors">{t(errors.title[0] as never)}</p> : null}
            </div>
            <div className="field">
              <label htmlFor="edit-tags" className="field__label">
                {t("forums.newTopic.tagsLabel")} <span className="field__optional">({t("common.optional")})</span>
              </label>
              <p id="edit-tags-hint" className="field__hint">
                {t("forums.newTopic.tagsHint")}
              </p>
              <input id="edit-tags" name="tags" defaultValue={values.tags ?? tags.join(", ")} aria-describedby="edit-tags-hint" />
              {errors.tags?.length ? <p className="field__errors">{t(errors.tags[0] as never)}</p> : null}
            </div>
          </>
        ) : null}
        <Composer
          id={`edit-body-${editing.number}`}
          label={t("forums.editPost", { number: editing.number })}
          defaultValue={values.body ?? editing.body}
          action={`/t/${topic.id}/${topic.slug}`}
          errors={errors.body ?? (mine?.error ? [mine.error] : undefined)}
          previewHtml={mine?.intent === "edit-preview" ? mine.preview : null}
          previewIntent="edit-preview"
          mentionSource={`/mentions?topic=${topic.id}`}
          rows={12}
        />
        <div className="field">
          <label htmlFor={`edit-reason-${editing.number}`} className="field__label">
            {t("forums.editReason")} <span className="field__optional">({t("common.optional")})</span>
          </label>
          <input id={`edit-reason-${editing.number}`} name="reason" maxLength={300} defaultValue={values.reason ?? ""} />
        </div>
        <div className="composer__buttons">
          <button type="submit" name="intent" value="edit" className="button button--primary">
            {t("forums.saveEdit")}
          </button>
          <button type="submit" name="intent" value="edit-preview" className="button" formNoValidate>
            {t("forums.composer.previewButton")}
          </button>
          <Link to={cancelHref} className="button button--quiet">
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}

export default function TopicPage() {
  const { t } = useTranslation();
  const { date, number } = useSite();
  const loaderData = useLoaderData<typeof loader>();
  const {
    topic,
    tags,
    page,
    pageCount,
    posts,
    firstUnread,
    acceptedAnswer,
    editing,
    draft,
    watchLevel,
    moveTargets,
    viewer,
    inGroupSpace,
  } = loaderData;
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [searchParams] = useSearchParams();
  const replyRef = useRef<HTMLTextAreaElement | null>(null);
  const navigation = useNavigation();
  const clearAfter = useRef<string | null>(null);
  // With JavaScript the reply box stays mounted across navigations: empty it once a reply was
  // posted (the action redirected) or the draft discarded; keep it when the action refused.
  useEffect(() => {
    const intent = navigation.formData?.get("intent");
    if (navigation.state === "submitting" && (intent === "reply" || intent === "discard-draft"))
      clearAfter.current = String(intent);
    if (navigation.state === "idle" && clearAfter.current) {
      if (!actionData?.intent && replyRef.current) {
        replyRef.current.value = "";
        replyRef.current.dispatchEvent(new Event("input", { bubbles: true }));
      }
      clearAfter.current = null;
    }
  }, [navigation.state, navigation.formData, actionData]);
  const path = `/t/${topic.id}/${topic.slug}`;
  const pagePath = page > 1 ? `${path}?page=${page}` : path;
  const flagged = Number(searchParams.get("flagged")) || null;
  const done = searchParams.get("done") as keyof typeof DONE_MESSAGES | null;

  const replyResult = actionData?.intent === "reply" ? actionData.result : undefined;
  const replyPreview = actionData?.intent === "preview" ? actionData : undefined;
  const replyValue = String(replyResult?.initialValue?.body ?? replyPreview?.body ?? draft?.body ?? "");
  const replyErrors = replyResult?.error?.body ?? (replyPreview?.error ? [replyPreview.error] : undefined);
  const formErrors = replyResult?.error?.[""] ?? null;

  const onQuote = (post: PostView, text: string) => {
    const element = replyRef.current;
    if (!element) return;
    const quote = quoteMarkdown(post.author?.display_name ?? "", postPermalink(pagePath, post.number), text);
    element.value = `${element.value.trimEnd() ? `${element.value.trimEnd()}\n\n` : ""}${quote}`;
    element.dispatchEvent(new Event("input", { bubbles: true }));
    element.focus();
    element.scrollIntoView({ block: "center" });
  };

  const replyBlocked = topic.locked ? t("forums.lockedNotice") : topic.category.archived ? t("forums.archivedNotice") : null;

  return (
    <div className="page topic-page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/forums">{t("forums.title")}</Link> › <Link to={`/forums/${topic.category.slug}`}>{topic.category.name}</Link>
        {topic.category.groupSlug ? (
          <>
            {" "}
            · <Link to={`/groups/${topic.category.groupSlug}`}>{topic.category.groupName}</Link>
          </>
        ) : null}
      </nav>
      <header className="page-header topic-header">
        <h1>
          {topic.title} <VisibilityBadge visibility={topic.category.visibility} /> <TopicBadges topic={topic} />
          {topic.deleted ? <Badge tone="warning">{t("forums.deletedTopic")}</Badge> : null}
        </h1>
        <TagList tags={tags} categorySlug={topic.category.slug} />
      </header>
      {done && DONE_MESSAGES[done] ? <Notice>{t(DONE_MESSAGES[done])}</Notice> : null}
      {searchParams.get("draft") === "saved" ? <Notice>{t("forums.composer.draftSavedNotice")}</Notice> : null}
      {flagged ? <Notice>{t("forums.flag.thanks")}</Notice> : null}
      {topic.deleted ? <Notice tone="warning">{t("forums.deletedTopicNotice")}</Notice> : null}

      <div className="with-sidebar">
        <div className="topic-posts">
          {pageCount > 1 ? <Pagination path={path} page={page} pageCount={pageCount} label={t("forums.postsPages")} /> : null}
          {posts.map((post) => {
            const isEditing = editing?.number === post.number;
            return (
              <div key={post.number}>
                {firstUnread === post.number ? (
                  <p className="unread-divider" role="separator">
                    <span>{t("forums.unreadSince")}</span>
                  </p>
                ) : null}
                <PostArticle
                  post={post}
                  topicId={topic.id}
                  action={path}
                  pagePath={pagePath}
                  isFirst={post.number === 1}
                  onQuote={onQuote}
                  flagged={flagged === post.number}
                  flagError={actionData?.intent === "flag" && actionData.post === post.number ? (actionData.error ?? null) : null}
                >
                  {isEditing && editing ? (
                    <PostEditor
                      topic={topic}
                      editing={editing}
                      actionData={actionData}
                      isFirst={post.number === 1}
                      canEditTitle={loaderData.can.editTitle}
                      tags={tags}
                      cancelHref={`${pagePath}#post-${post.number}`}
                    />
                  ) : undefined}
                </PostArticle>
                {post.number === 1 && acceptedAnswer ? (
                  <aside className="accepted-answer" aria-labelledby="accepted-answer-title">
                    <h2 id="accepted-answer-title">
                      <span aria-hidden="true">✅ </span>
                      {t("forums.acceptedAnswer")}
                    </h2>
                    <p className="muted">{t("common.by", { name: acceptedAnswer.author_name ?? t("forums.formerMember") })}</p>
                    <div className="prose" dangerouslySetInnerHTML={{ __html: acceptedAnswer.html }} />
                    <p>
                      <a href={acceptedAnswer.permalink}>{t("forums.goToAnswer", { number: acceptedAnswer.number })}</a>
                    </p>
                  </aside>
                ) : null}
              </div>
            );
          })}
          {pageCount > 1 ? <Pagination path={path} page={page} pageCount={pageCount} label={t("forums.postsPages")} /> : null}

          <section id="reply" aria-labelledby="reply-title" className="panel reply-panel">
            <h2 id="reply-title">{t("forums.yourReply")}</h2>
            {loaderData.can.reply ? (
              <>
                {topic.locked ? <p className="notice notice--warning">{t("forums.lockedModeratorNotice")}</p> : null}
                {formErrors?.length ? (
                  <div className="form-errors" role="alert">
                    {formErrors.map((e) => (
                      <p key={e}>{t(e as never)}</p>
                    ))}
                  </div>
                ) : null}
                <Form method="post" action={path} className="stack" key={`reply-${topic.id}`}>
                  <Composer
                    id="reply-body"
                    label={t("forums.replyLabel")}
                    defaultValue={replyValue}
                    action={path}
                    errors={replyErrors}
                    previewHtml={replyPreview?.preview ?? null}
                    autosave
                    draftSavedAt={replyPreview?.draftSavedAt ?? draft?.updated_at ?? null}
                    textareaRef={replyRef}
                    mentionSource={`/mentions?topic=${topic.id}`}
                  />
                  <ComposerButtons intent="reply" label={t("forums.postReply")} hasDraft={Boolean(draft)} />
                </Form>
              </>
            ) : formErrors?.length ? (
              <div className="form-errors" role="alert">
                {formErrors.map((e) => (
                  <p key={e}>{t(e as never)}</p>
                ))}
              </div>
            ) : replyBlocked ? (
              <p className="notice notice--warning">{replyBlocked}</p>
            ) : !viewer ? (
              <p>
                <Link to={`/login?redirectTo=${encodeURIComponent(`${path}#reply`)}`}>{t("forums.signInToReply")}</Link>
              </p>
            ) : !viewer.approved ? (
              <p>{t("forums.pendingCannotPost")}</p>
            ) : (
              <p>{inGroupSpace ? t("forums.groupMembersPost") : t("forums.errors.cannotReply")}</p>
            )}
          </section>
        </div>

        <aside className="sidebar topic-sidebar">
          <section aria-labelledby="topic-facts-title">
            <h2 id="topic-facts-title">{t("forums.aboutTopic")}</h2>
            <dl className="facts">
              <dt>{t("forums.startedOn")}</dt>
              <dd>{date(topic.created_at)}</dd>
              <dt>{t("forums.replies")}</dt>
              <dd>{number(topic.replies)}</dd>
              <dt>{t("forums.views")}</dt>
              <dd>{number(topic.view_count)}</dd>
            </dl>
          </section>
          {watchLevel ? (
            <section aria-labelledby="topic-watch-title">
              <h2 id="topic-watch-title">{t("forums.watch.title")}</h2>
              <WatchControl level={watchLevel} action={path} subject="topic" />
            </section>
          ) : null}
          {loaderData.can.moderate || loaderData.can.deleteTopic || loaderData.can.restoreTopic ? (
            <section aria-labelledby="topic-tools-title" className="topic-tools">
              <h2 id="topic-tools-title">{t("forums.tools.title")}</h2>
              {loaderData.can.moderate && !topic.deleted ? (
                <>
                  <Form method="post" action={path} className="inline-form">
                    <button type="submit" name="intent" value={topic.pinned ? "unpin" : "pin"} className="button button--small">
                      {topic.pinned ? t("forums.tools.unpin") : t("forums.tools.pin")}
                    </button>
                    <button type="submit" name="intent" value={topic.locked ? "unlock" : "lock"} className="button button--small">
                      {topic.locked ? t("forums.tools.unlock") : t("forums.tools.lock")}
                    </button>
                  </Form>
                  {moveTargets.length ? (
                    <Form method="post" action={path} className="stack topic-tools__move">
                      <input type="hidden" name="intent" value="move" />
                      <div className="field">
                        <label htmlFor="move-category" className="field__label">
                          {t("forums.tools.moveTo")}
                        </label>
                        <select id="move-category" name="category" required defaultValue="">
                          <option value="" disabled>
                            {t("forums.tools.chooseCategory")}
                          </option>
                          {moveTargets.map((category) => (
                            <option key={category.id} value={category.id}>
                              {category.name}
                            </option>
                          ))}
                        </select>
                      </div>
                      <button type="submit" className="button button--small">
                        {t("forums.tools.move")}
                      </button>
                    </Form>
                  ) : null}
                </>
              ) : null}
              {loaderData.can.deleteTopic ? (
                <Form method="post" action={path} className="inline-form">
                  <ConfirmButton
                    name="intent"
                    value="delete-topic"
                    kind="deleteTopic"
                    values={{ title: topic.title }}
                    className="button button--danger button--small"
                  >
                    {t("forums.tools.deleteTopic")}
                  </ConfirmButton>
                </Form>
              ) : null}
              {loaderData.can.restoreTopic ? (
                <Form method="post" action={path} className="inline-form">
                  <button type="submit" name="intent" value="restore-topic" className="button button--small">
                    {t("forums.tools.restoreTopic")}
                  </button>
                </Form>
              ) : null}
            </section>
          ) : null}
          {topic.category.qa ? (
            <section aria-labelledby="topic-qa-title">
              <h2 id="topic-qa-title">{t("forums.qa")}</h2>
              <p className="muted">{topic.accepted_post_number ? t("forums.qaSolved") : t("forums.qaHint")}</p>
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
