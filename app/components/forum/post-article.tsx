// One post of a topic: who wrote it (name, organisation, country, member type), when, its
// #post-N permalink, the stored HTML (or a placeholder), reactions and what the viewer may do.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { MemberType } from "~/domain/vocabulary";
import { MemberByline } from "~/components/member-card";
import { flagSchema } from "~/schemas/forums";
import { TextareaField } from "~/components/ui/field";
import { Badge } from "~/components/ui/badge";
import { postAnchor, postHistoryPath, topicPath, type TopicRef } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import { useHydrated } from "./hooks";
import { Reactions, type ReactionView } from "./reactions";

export interface PostView {
  number: number;
  created_at: string;
  edited_at: string | null;
  author: { username: string; display_name: string; organization: string; country: string; member_type: MemberType } | null;
  state: "visible" | "hidden" | "deleted";
  /** The stored HTML, only when the viewer may see it. */
  html: string | null;
  accepted: boolean;
  /** Set when the viewer deleted their own post and may still undo it: until when. */
  undoDeleteUntil?: string | null;
  reactions: ReactionView[];
  can: {
    edit: boolean;
    delete: boolean;
    restore: boolean;
    hide: boolean;
    unhide: boolean;
    flag: boolean;
    react: boolean;
    accept: boolean;
    unaccept: boolean;
    quote: boolean;
    history: boolean;
  };
}

interface PostArticleProps {
  post: PostView;
  topic: TopicRef;
  /** The page of the topic this post is on, for the permalink and the edit link. */
  page: number;
  action: string;
  isFirst: boolean;
  /** With JavaScript: quote the selected part of the post (or all of it) into the reply. */
  onQuote?: (post: PostView, selection: string) => void;
  flagged?: boolean;
  /** The server's answer to this post's refused flag: the reason's errors and what was typed. */
  flagResult?: SubmissionResult<string[]> | null;
  children?: ReactNode;
}

/** A post's permalink: the address of the topic page it is on, and its #post-N anchor. */
export function postPermalink(pagePath: string, number: number): string {
  return `${pagePath}#${postAnchor(number)}`;
}

function QuoteButton({ post, onQuote }: { post: PostView; onQuote?: PostArticleProps["onQuote"] }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  return (
    <button
      type="submit"
      name="intent"
      value="quote"
      className="button button--quiet button--small"
      onClick={(event) => {
        if (!hydrated || !onQuote) return;
        event.preventDefault();
        const body = document.getElementById(`post-${post.number}-body`);
        const selection = window.getSelection();
        let text = "";
        if (
          selection &&
          body &&
          !selection.isCollapsed &&
          body.contains(selection.anchorNode) &&
          body.contains(selection.focusNode)
        ) {
          text = selection.toString();
        }
        onQuote(post, text || body?.innerText || "");
      }}
    >
      {t("forums.quote")}
    </button>
  );
}

/** One moderation or answer action on a post: a one-button form, so it works without JavaScript. */
function PostAction({
  action,
  number,
  intent,
  label,
  quiet = false,
}: {
  action: string;
  number: number;
  intent: string;
  label: string;
  quiet?: boolean;
}) {
  return (
    <Form method="post" action={action} className="inline-form">
      <input type="hidden" name="post" value={number} />
      <button type="submit" name="intent" value={intent} className={`button${quiet ? " button--quiet" : ""} button--small`}>
        {label}
      </button>
    </Form>
  );
}

export function PostArticle({ post, topic, page, action, isFirst, onQuote, flagged, flagResult, children }: PostArticleProps) {
  const { t } = useTranslation();
  const { date } = useSite();
  const classes = ["post", post.state !== "visible" ? `post--${post.state}` : "", post.accepted ? "post--accepted" : ""]
    .filter(Boolean)
    .join(" ");
  const headingId = `post-${post.number}-heading`;
  const permalink = postPermalink(topicPath(topic, { page }), post.number);
  const editHref = topicPath(topic, { page, query: { edit: post.number }, hash: postAnchor(post.number) });
  return (
    <article id={postAnchor(post.number)} className={classes} aria-labelledby={headingId}>
      <header className="post__header">
        <h2 id={headingId} className="visually-hidden">
          {t("forums.postHeading", { number: post.number, name: post.author?.display_name ?? t("forums.formerMember") })}
        </h2>
        {post.author ? <MemberByline member={post.author} /> : <span className="byline">{t("forums.formerMember")}</span>}
        <span className="post__when">
          <a href={permalink} className="post__permalink" title={t("forums.permalink")}>
            <time dateTime={post.created_at}>{date(post.created_at, true)}</time> · #{post.number}
          </a>
          {post.edited_at ? (
            post.can.history ? (
              <Link to={postHistoryPath(topic.id, post.number)} className="post__edited">
                {t("forums.edited", { date: date(post.edited_at, true) })}
              </Link>
            ) : (
              <span className="post__edited muted">{t("forums.edited", { date: date(post.edited_at, true) })}</span>
            )
          ) : null}
          {post.accepted ? <Badge tone="success">{t("forums.acceptedAnswer")}</Badge> : null}
          {post.state === "hidden" ? <Badge tone="warning">{t("forums.hiddenBadge")}</Badge> : null}
          {post.state === "deleted" ? <Badge tone="warning">{t("forums.deletedBadge")}</Badge> : null}
        </span>
      </header>

      {children ?? (
        <>
          {post.state === "hidden" && post.html ? (
            <p className="notice notice--warning post__notice">{t("forums.hiddenVisibleToYou")}</p>
          ) : null}
          {post.state === "deleted" && post.html ? (
            <p className="notice notice--warning post__notice">{t("forums.deletedVisibleToYou")}</p>
          ) : null}
          {post.html !== null ? (
            <div id={`post-${post.number}-body`} className="post__body prose" dangerouslySetInnerHTML={{ __html: post.html }} />
          ) : post.state === "deleted" && post.undoDeleteUntil && post.can.restore ? (
            <div className="post__placeholder post__undo">
              <p>
                <strong>{t("confirm.postDeletedByYou")}</strong>{" "}
                {t("confirm.undoUntil", { date: date(post.undoDeleteUntil, true) })}
              </p>
              <PostAction action={action} number={post.number} intent="restore" label={t("confirm.undo")} />
            </div>
          ) : (
            <p className="post__placeholder">
              {post.state === "deleted" ? t("forums.deletedPlaceholder") : t("forums.hiddenPlaceholder")}
            </p>
          )}

          <Reactions reactions={post.reactions} canReact={post.can.react} action={action} postNumber={post.number} />

          <footer className="post__actions">
            {post.can.quote ? (
              <Form method="post" action={action} className="inline-form">
                <input type="hidden" name="post" value={post.number} />
                <QuoteButton post={post} onQuote={onQuote} />
              </Form>
            ) : null}
            {post.can.edit ? (
              <Link to={editHref} className="button button--quiet button--small" preventScrollReset>
                {t("forums.edit")}
              </Link>
            ) : null}
            {post.can.accept && !isFirst ? (
              <PostAction action={action} number={post.number} intent="accept" label={t("forums.markAccepted")} />
            ) : null}
            {post.can.unaccept ? (
              <PostAction action={action} number={post.number} intent="unaccept" label={t("forums.unmarkAccepted")} quiet />
            ) : null}
            {post.can.delete ? (
              <PostAction action={action} number={post.number} intent="delete" label={t("forums.delete")} quiet />
            ) : null}
            {post.can.restore && !post.undoDeleteUntil ? (
              <PostAction action={action} number={post.number} intent="restore" label={t("forums.restore")} />
            ) : null}
            {post.can.hide ? (
              <PostAction action={action} number={post.number} intent="hide" label={t("forums.hide")} quiet />
            ) : null}
            {post.can.unhide ? (
              <PostAction action={action} number={post.number} intent="unhide" label={t("forums.unhide")} />
            ) : null}
            {post.can.flag ? (
              flagged ? (
                <span className="muted">{t("forums.flag.sent")}</span>
              ) : (
                <details className="post__flag" open={Boolean(flagResult)}>
                  <summary className="button button--quiet button--small">{t("forums.flag.open")}</summary>
                  <FlagForm action={action} number={post.number} result={flagResult} />
                </details>
              )
            ) : null}
          </footer>
        </>
      )}
    </article>
  );
}

/** Telling the moderators what is wrong with a post. */
function FlagForm({ action, number, result }: { action: string; number: number; result?: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `flag-${number}`,
    lastResult: result ?? undefined,
    constraint: getZodConstraint(flagSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: flagSchema }),
  });
  return (
    <Form method="post" action={action} {...getFormProps(form)} className="stack post__flag-form">
      <input type="hidden" name="post" value={number} />
      <TextareaField meta={fields.reason} label={t("forums.flag.reason")} hint={t("forums.flag.hint")} rows={2} required />
      <button type="submit" name="intent" value="flag" className="button button--danger button--small">
        {t("forums.flag.submit")}
      </button>
    </Form>
  );
}
