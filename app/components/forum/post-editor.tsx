// Editing a post in place on the topic page: its text (and, for the first post, the topic's title
// and tags), the reason for the edit, and, when someone else edited it meanwhile, their version
// beside the kept text.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors } from "~/components/ui/field";
import { MAX_EDIT_REASON, MAX_TITLE } from "~/schemas/forums";
import { mentionsPath, topicPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import { Composer } from "./composer";

/** What the topic page's actions answer (the fields each intent sets). */
export type TopicActionData = {
  intent?: string;
  post?: number;
  result?: { error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> | null };
  preview?: string | null;
  body?: string;
  error?: string;
  draftSavedAt?: string | null;
  conflict?: { body: string; revision: number; editedBy: string | null; editedAt: string | null; title: string };
};

export function PostEditor({
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
  actionData: TopicActionData | undefined;
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
      {conflict ? null : <FormErrors errors={errors[""] ?? undefined} />}
      <Form method="post" action={topicPath(topic)} className="stack" key={formKey}>
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
                maxLength={MAX_TITLE}
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
          action={topicPath(topic)}
          errors={errors.body ?? (mine?.error ? [mine.error] : undefined)}
          previewHtml={mine?.intent === "edit-preview" ? mine.preview : null}
          previewIntent="edit-preview"
          mentionSource={mentionsPath({ topic: topic.id })}
          rows={12}
        />
        <div className="field">
          <label htmlFor={`edit-reason-${editing.number}`} className="field__label">
            {t("forums.editReason")} <span className="field__optional">({t("common.optional")})</span>
          </label>
          <input
            id={`edit-reason-${editing.number}`}
            name="reason"
            maxLength={MAX_EDIT_REASON}
            defaultValue={values.reason ?? ""}
          />
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
