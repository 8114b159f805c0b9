// A forum topic: its posts a page at a time, the reply box, and the tools of those who may moderate
// it. The page's data is read by topic-page.server.ts, each intent is handled in actions.server.ts.
import { runIntent } from "~/utils/intents.server";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Composer, ComposerButtons, keepPageOnDrafts } from "~/components/forum/composer";
import { Pagination } from "~/components/forum/pagination";
import { PostArticle, postPermalink, type PostView } from "~/components/forum/post-article";
import { PostEditor, type TopicActionData } from "~/components/forum/post-editor";
import { quoteMarkdown } from "~/components/forum/quote";
import { TagList } from "~/components/forum/tag-list";
import { TopicBadges } from "~/components/forum/topic-list";
import { TopicSidebar } from "~/components/forum/topic-sidebar";
import { Badge } from "~/components/ui/badge";
import { FormErrors } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { VisibilityBadge } from "~/components/visibility-badge";
import { getViewer, requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { readForm } from "~/utils/form.server";
import { badRequest, retryAfterHeaders } from "~/utils/http.server";
import { categoryPath, forumsPath, groupPath, loginPath, mentionsPath, postAnchor, topicPath } from "~/utils/paths";
import * as actions from "./actions.server";
import { loadTopic, topicPageData } from "./topic-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const { topic, resource } = await loadTopic(params, viewer);
  const url = new URL(request.url);
  if (params.slug !== topic.slug) throw redirect(`${topicPath(topic)}${url.search}`);
  return topicPageData(getDb(), viewer, topic, resource, url);
}

export const shouldRevalidate = keepPageOnDrafts(["preview", "edit-preview"]);

export const headers = retryAfterHeaders;

const INTENTS = {
  reply: actions.replyAction,
  preview: actions.previewAction,
  draft: actions.draftAction,
  "discard-draft": actions.discardDraftAction,
  edit: actions.editAction,
  "edit-preview": actions.editPreviewAction,
  quote: actions.quoteAction,
  react: actions.reactAction,
  flag: actions.flagAction,
  accept: actions.acceptAction,
  unaccept: actions.unacceptAction,
  delete: actions.deleteAction,
  restore: actions.restoreAction,
  hide: actions.hideAction,
  unhide: actions.unhideAction,
  watch: actions.watchAction,
  pin: actions.pinAction,
  unpin: actions.unpinAction,
  lock: actions.lockAction,
  unlock: actions.unlockAction,
  move: actions.moveAction,
  "delete-topic": actions.deleteTopicAction,
  "restore-topic": actions.restoreTopicAction,
};

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const { topic, resource } = await loadTopic(params, viewer);
  const form = await readForm(request);
  return runIntent(INTENTS, form.get("intent"), { request, form, viewer, topic, resource }, () => badRequest());
}

const DONE_MESSAGES = {
  pin: "forums.done.pin",
  unpin: "forums.done.unpin",
  lock: "forums.done.lock",
  unlock: "forums.done.unlock",
  move: "forums.done.move",
  "restore-topic": "forums.done.restoreTopic",
} as const;

export default function TopicPage() {
  const { t } = useTranslation();
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
  const actionData = useActionData<typeof action>() as TopicActionData | undefined;
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
  const path = topicPath(topic);
  const categoryHref = categoryPath(topic.category.slug);
  const pagePath = topicPath(topic, { page });
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
        <Link to={forumsPath()}>{t("forums.title")}</Link> › <Link to={categoryHref}>{topic.category.name}</Link>
        {topic.category.groupSlug ? (
          <>
            {" "}
            · <Link to={groupPath(topic.category.groupSlug)}>{topic.category.groupName}</Link>
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
                  topic={topic}
                  page={page}
                  action={path}
                  isFirst={post.number === 1}
                  onQuote={onQuote}
                  flagged={flagged === post.number}
                  flagResult={actionData?.intent === "flag" && actionData.post === post.number ? actionData.result : null}
                >
                  {isEditing && editing ? (
                    <PostEditor
                      topic={topic}
                      editing={editing}
                      actionData={actionData}
                      isFirst={post.number === 1}
                      canEditTitle={loaderData.can.editTitle}
                      tags={tags}
                      cancelHref={topicPath(topic, { page, hash: postAnchor(post.number) })}
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
                <FormErrors errors={formErrors ?? undefined} />
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
                    mentionSource={mentionsPath({ topic: topic.id })}
                  />
                  <ComposerButtons intent="reply" label={t("forums.postReply")} hasDraft={Boolean(draft)} />
                </Form>
              </>
            ) : formErrors?.length ? (
              <FormErrors errors={formErrors} />
            ) : replyBlocked ? (
              <p className="notice notice--warning">{replyBlocked}</p>
            ) : !viewer ? (
              <p>
                <Link to={loginPath(topicPath(topic, { hash: "reply" }))}>{t("forums.signInToReply")}</Link>
              </p>
            ) : !viewer.approved ? (
              <p>{t("forums.pendingCannotPost")}</p>
            ) : (
              <p>{inGroupSpace ? t("forums.groupMembersPost") : t("forums.errors.cannotReply")}</p>
            )}
          </section>
        </div>

        <TopicSidebar topic={topic} watchLevel={watchLevel} moveTargets={moveTargets} can={loaderData.can} action={path} />
      </div>
    </div>
  );
}
