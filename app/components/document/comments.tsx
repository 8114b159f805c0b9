// Section comments: threads with replies, resolved and reopened by their author or an editor;
// consultation comments show their disposition.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { FormErrors, TextareaField } from "~/components/ui/field";
import { newCommentSchema, parseDocumentForm, replySchema } from "~/schemas/documents";
import { commentAnchor, memberPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";

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

/** A comment form sent back: which form on the page (`comment-<section>`, `reply-<thread>`) and conform's reply to it. */
export interface CommentReply {
  form: string;
  result: SubmissionResult<string[]>;
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

export function CommentThread({ thread, canReply, reply }: { thread: Thread; canReply: boolean; reply?: CommentReply }) {
  const { t } = useTranslation();
  const replyForm = `reply-${thread.id}`;
  const lastResult = reply?.form === replyForm ? reply.result : undefined;
  const [form, fields] = useForm({
    id: replyForm,
    lastResult,
    constraint: getZodConstraint(replySchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseDocumentForm(formData, replySchema),
  });
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
        <details className="comment-reply" open={lastResult !== undefined}>
          <summary>{t("documents.comments.reply")}</summary>
          <Form method="post" {...getFormProps(form)} className="stack">
            <FormErrors errors={form.errors} id={form.errorId} />
            <input type="hidden" name="intent" value="reply" />
            <input type="hidden" name="parent" value={thread.id} />
            <TextareaField
              meta={fields.body}
              label={t("documents.comments.replyLabel")}
              hint={t("documents.comments.markdownHint")}
              required
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

/** A new comment on a section (or on the whole document). */
export function NewCommentForm({
  sectionKey,
  sectionTitle,
  revisionId,
  reply,
  asWho,
}: {
  sectionKey: string;
  sectionTitle: string;
  revisionId: number;
  reply?: CommentReply;
  asWho?: string;
}) {
  const { t } = useTranslation();
  const formKey = `comment-${sectionKey}`;
  const lastResult = reply?.form === formKey ? reply.result : undefined;
  const [form, fields] = useForm({
    id: formKey,
    lastResult,
    constraint: getZodConstraint(newCommentSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseDocumentForm(formData, newCommentSchema),
  });
  return (
    <details className="comment-new" open={lastResult !== undefined}>
      <summary>
        {sectionTitle ? t("documents.comments.commentOn", { section: sectionTitle }) : t("documents.comments.commentDocument")}
      </summary>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="comment" />
        <input type="hidden" name="section" value={sectionKey} />
        <input type="hidden" name="revision" value={revisionId} />
        <TextareaField
          meta={fields.body}
          label={t("documents.comments.yourComment")}
          hint={t("documents.comments.markdownHint")}
          required
        />
        {asWho ? <p className="field__hint">{asWho}</p> : null}
        <button type="submit" className="button button--primary">
          {t("documents.comments.send")}
        </button>
      </Form>
    </details>
  );
}
