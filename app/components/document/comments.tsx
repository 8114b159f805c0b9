// Section comments: threads with replies, resolved and reopened by their author or an editor;
// consultation comments show their disposition.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { MAX_COMMENT_LENGTH } from "~/schemas/documents";
import { commentAnchor, memberPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import { FieldError } from "./field-error";

export interface ThreadComment {
  id: number;
  authorName: string | null;
  authorUsername: string | null;
  authorOrganization: string | null;
  authorPending: boolean;
  bodyHtml: string;
  createdAt: string;
}

export interface Thread extends ThreadComment {
  sectionKey: string;
  sectionTitle: string;
  sectionAnchor: string;
  revisionId: number;
  resolvedAt: string | null;
  resolverName: string | null;
  inConsultation: boolean;
  disposition: string | null;
  responseHtml: string;
  canResolve: boolean;
  replies: ThreadComment[];
}

export interface FormError {
  form: string;
  body: string;
  error: string;
}

function Byline({ comment }: { comment: ThreadComment }) {
  const { t } = useTranslation();
  const { date } = useSite();
  return (
    <p className="comment__meta">
      {comment.authorUsername && !comment.authorPending ? (
        <Link to={memberPath(comment.authorUsername)} className="comment__author">
          {comment.authorName}
        </Link>
      ) : (
        <span className="comment__author">{comment.authorName ?? t("documents.comments.formerMember")}</span>
      )}
      {comment.authorOrganization ? <span className="muted"> · {comment.authorOrganization}</span> : null}
      {comment.authorPending ? <Badge>{t("documents.comments.pendingAccount")}</Badge> : null} ·{" "}
      <a href={`#${commentAnchor(comment.id)}`} className="muted">
        <time dateTime={comment.createdAt}>{date(comment.createdAt, true)}</time>
      </a>
    </p>
  );
}

export function CommentThread({ thread, canReply, error }: { thread: Thread; canReply: boolean; error?: FormError }) {
  const { t } = useTranslation();
  const replyForm = `reply-${thread.id}`;
  return (
    <article
      className={`comment-thread${thread.resolvedAt ? " comment-thread--resolved" : ""}`}
      id={commentAnchor(thread.id)}
      aria-label={t("documents.comments.threadBy", { name: thread.authorName ?? "" })}
    >
      <Byline comment={thread} />
      <p className="comment__badges">
        {thread.inConsultation ? <Badge tone="info">{t("documents.comments.consultationComment")}</Badge> : null}
        {thread.resolvedAt ? (
          <Badge tone="success">{t("documents.comments.resolvedBy", { name: thread.resolverName ?? "" })}</Badge>
        ) : null}
        {thread.disposition ? <Badge tone="warning">{t(`documents.disposition.${thread.disposition as "noted"}`)}</Badge> : null}
      </p>
      <div className="comment__body" dangerouslySetInnerHTML={{ __html: thread.bodyHtml }} />
      {thread.disposition && thread.responseHtml ? (
        <div className="comment__response">
          <p className="comment__response-title">{t("documents.disposition.response")}</p>
          <div dangerouslySetInnerHTML={{ __html: thread.responseHtml }} />
        </div>
      ) : null}
      {thread.replies.length ? (
        <ol className="comment-replies">
          {thread.replies.map((reply) => (
            <li key={reply.id} id={commentAnchor(reply.id)} className="comment">
              <Byline comment={reply} />
              <div className="comment__body" dangerouslySetInnerHTML={{ __html: reply.bodyHtml }} />
            </li>
          ))}
        </ol>
      ) : null}
      <div className="comment-thread__actions">
        {thread.canResolve ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="comment" value={thread.id} />
            <button type="submit" name="intent" value={thread.resolvedAt ? "reopen" : "resolve"} className="button button--quiet">
              {thread.resolvedAt ? t("documents.comments.reopen") : t("documents.comments.resolve")}
            </button>
          </Form>
        ) : null}
      </div>
      {canReply ? (
        <details className="comment-reply" open={error?.form === replyForm}>
          <summary>{t("documents.comments.reply")}</summary>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="reply" />
            <input type="hidden" name="parent" value={thread.id} />
            <CommentBody
              id={`${replyForm}-body`}
              label={t("documents.comments.replyLabel")}
              error={error?.form === replyForm ? error : undefined}
            />
            <button type="submit" className="button">
              {t("documents.comments.sendReply")}
            </button>
          </Form>
        </details>
      ) : null}
    </article>
  );
}

export function CommentBody({ id, label, error, rows = 4 }: { id: string; label: string; error?: FormError; rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t("documents.comments.markdownHint")}
      </p>
      <textarea
        id={id}
        name="body"
        rows={rows}
        required
        maxLength={MAX_COMMENT_LENGTH}
        defaultValue={error?.body ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
      />
      <FieldError id={`${id}-error`} error={error?.error} />
    </div>
  );
}

/** A new comment on a section (or on the whole document). */
export function NewCommentForm({
  sectionKey,
  sectionTitle,
  revisionId,
  error,
  asWho,
}: {
  sectionKey: string;
  sectionTitle: string;
  revisionId: number;
  error?: FormError;
  asWho?: string;
}) {
  const { t } = useTranslation();
  const formKey = `comment-${sectionKey}`;
  return (
    <details className="comment-new" open={error?.form === formKey}>
      <summary>
        {sectionTitle ? t("documents.comments.commentOn", { section: sectionTitle }) : t("documents.comments.commentDocument")}
      </summary>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="comment" />
        <input type="hidden" name="section" value={sectionKey} />
        <input type="hidden" name="revision" value={revisionId} />
        <CommentBody
          id={`${formKey}-body`}
          label={t("documents.comments.yourComment")}
          error={error?.form === formKey ? error : undefined}
        />
        {asWho ? <p className="field__hint">{asWho}</p> : null}
        <button type="submit" className="button button--primary">
          {t("documents.comments.send")}
        </button>
      </Form>
    </details>
  );
}
