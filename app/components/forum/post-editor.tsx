// Editing a post in place on the topic page: its text (and, for the first post, the topic's title
// and tags), the reason for the edit, and, when someone else edited it meanwhile, their version
// beside the kept text.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FormErrors, InputField } from "~/components/ui/field";
import { editSchema } from "~/schemas/forums";
import { mentionsPath, topicPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import { Composer, validateUnlessDraft } from "./composer";

/** What the topic page's actions answer (the fields each intent sets). */
export type TopicActionData = {
  intent?: string;
  post?: number;
  result?: SubmissionResult<string[]>;
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
  const mine =
    actionData && (actionData.intent === "edit" || actionData.intent === "edit-preview") && actionData.post === editing.number
      ? actionData
      : undefined;
  const values = (mine?.result?.initialValue ?? {}) as Record<string, string | undefined>;
  const conflict = mine?.conflict;
  // After a conflict the next save is based on the text now current.
  const revision = conflict?.revision ?? editing.revision;
  const formKey = `edit-${editing.number}-${revision}`;
  return (
    <EditForm key={formKey} {...{ topic, editing, isFirst, canEditTitle, tags, cancelHref, mine, values, conflict, revision }} />
  );
}

/** The form itself, made anew (with what was kept) when a conflict moves it to the current revision. */
function EditForm({
  topic,
  editing,
  isFirst,
  canEditTitle,
  tags,
  cancelHref,
  mine,
  values,
  conflict,
  revision,
}: {
  topic: { id: number; slug: string; title: string };
  editing: { number: number; body: string; revision: number };
  isFirst: boolean;
  canEditTitle: boolean;
  tags: string[];
  cancelHref: string;
  mine: TopicActionData | undefined;
  values: Record<string, string | undefined>;
  conflict: TopicActionData["conflict"];
  revision: number;
}) {
  const { t } = useTranslation();
  const { date } = useSite();
  const [form, fields] = useForm<z.input<typeof editSchema>, z.output<typeof editSchema>>({
    id: `edit-${editing.number}`,
    // After a conflict the fields show what was kept, beside the current text.
    lastResult: conflict ? undefined : mine?.result,
    defaultValue: { title: values.title ?? topic.title, tags: values.tags ?? tags.join(", "), reason: values.reason ?? "" },
    constraint: getZodConstraint(editSchema),
    shouldValidate: "onBlur",
    onValidate: validateUnlessDraft(editSchema),
  });
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
      {conflict ? null : <FormErrors errors={form.errors} />}
      <Form method="post" action={topicPath(topic)} {...getFormProps(form)} className="stack">
        <input type="hidden" name="post" value={editing.number} />
        <input type="hidden" name="revision" value={revision} />
        {isFirst && canEditTitle ? (
          <>
            <InputField meta={fields.title} label={t("forums.newTopic.titleLabel")} required />
            <InputField meta={fields.tags} label={t("forums.newTopic.tagsLabel")} hint={t("forums.newTopic.tagsHint")} />
          </>
        ) : null}
        <Composer
          id={`edit-body-${editing.number}`}
          label={t("forums.editPost", { number: editing.number })}
          defaultValue={values.body ?? editing.body}
          action={topicPath(topic)}
          errors={fields.body.errors ?? (mine?.error ? [mine.error] : undefined)}
          previewHtml={mine?.intent === "edit-preview" ? mine.preview : null}
          previewIntent="edit-preview"
          mentionSource={mentionsPath({ topic: topic.id })}
          rows={12}
        />
        <InputField meta={fields.reason} label={t("forums.editReason")} />
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
