// A forum topic: its posts a page at a time, the reply box, and the tools of those who may moderate
// it. The page's data is read by topic-page.server.ts, each intent is handled in actions.server.ts.
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
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
import { PostEditor, type TopicActionData } from "~/components/forum/post-editor";
import { quoteMarkdown } from "~/components/forum/quote";
import { TagList } from "~/components/forum/tag-list";
import { TopicBadges } from "~/components/forum/topic-list";
import { WatchControl } from "~/components/forum/watch-control";
import { Badge } from "~/components/ui/badge";
import { ConfirmButton } from "~/components/ui/confirm-form";
import { Notice } from "~/components/ui/notice";
import { VisibilityBadge } from "~/components/visibility-badge";
import { getViewer, requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { readForm } from "~/utils/form.server";
import { badRequest, retryAfterHeaders } from "~/utils/http.server";
import { categoryPath, forumsPath, groupPath, loginPath, mentionsPath, postAnchor, topicPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import * as actions from "./actions.server";
import { loadTopic, topicPageData } from "./topic-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const { topic, resource } = await loadTopic(params, viewer);
  const url = new URL(request.url);
  if (params.slug !== topic.slug) throw redirect(`${topicPath(topic)}${url.search}`);
  return topicPageData(getDb(), viewer, topic, resource, url);
}

// Autosaved drafts and live previews change nothing the page shows: no need to reload it.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  if (intent === "draft" || ((intent === "preview" || intent === "edit-preview") && formData?.get("live") === "1")) return false;
  return defaultShouldRevalidate;
};

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
  const intent = String(form.get("intent") ?? "");
  if (!Object.hasOwn(INTENTS, intent)) badRequest();
  return INTENTS[intent as keyof typeof INTENTS]({ request, form, viewer, topic, resource });
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
        <Link to={forumsPath()}>{t("forums.title")}</Link> ›{" "}
        <Link to={categoryPath(topic.category.slug)}>{topic.category.name}</Link>
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
                    mentionSource={mentionsPath({ topic: topic.id })}
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
                <Link to={loginPath(topicPath(topic, { hash: "reply" }))}>{t("forums.signInToReply")}</Link>
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
