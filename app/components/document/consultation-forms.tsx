// The consultation page's forms: opening a consultation (window, audience, note to reviewers) and
// recording the disposition of one consultation comment, each a conform form whose messages are catalogue keys.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/field";
import { CONSULTATION_AUDIENCES, DISPOSITIONS } from "~/domain/vocabulary";
import { dispositionSchema, openConsultationSchema, parseDocumentForm } from "~/schemas/documents";

export function OpenConsultationForm({
  lastResult,
  defaults,
}: {
  /** The reply to this form, when it was the one sent. */
  lastResult?: SubmissionResult<string[]>;
  defaults: { opensOn: string; closesOn: string };
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "consultation",
    lastResult,
    defaultValue: { ...defaults, audience: "members" },
    constraint: getZodConstraint(openConsultationSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseDocumentForm(formData, openConsultationSchema),
  });
  const audience = typeof fields.audience.initialValue === "string" ? fields.audience.initialValue : "members";
  return (
    <Form method="post" {...getFormProps(form)} className="panel stack" aria-labelledby="open-consultation">
      <h3 id="open-consultation">{t("documents.consultation.openTitle")}</h3>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="open" />
      <div className="doc-form-row">
        <InputField meta={fields.opensOn} type="date" label={t("documents.consultation.opensOn")} required />
        <InputField
          meta={fields.closesOn}
          type="date"
          label={t("documents.consultation.closesOn")}
          hint={t("documents.consultation.closesHint")}
          required
        />
      </div>
      <fieldset
        className="field"
        aria-invalid={fields.audience.errors?.length ? true : undefined}
        aria-describedby={fields.audience.errors?.length ? fields.audience.errorId : undefined}
      >
        <legend className="field__label">{t("documents.consultation.audienceLabel")}</legend>
        {CONSULTATION_AUDIENCES.map((value) => (
          <label key={value} className="doc-choice">
            <input type="radio" name={fields.audience.name} value={value} defaultChecked={audience === value} />{" "}
            <span>
              <strong>{t(`documents.consultation.audience.${value}`)}</strong> —{" "}
              {t(`documents.consultation.audienceHint.${value}`)}
            </span>
          </label>
        ))}
        <FieldErrors id={fields.audience.errorId} errors={fields.audience.errors} />
      </fieldset>
      <TextareaField meta={fields.note} label={t("documents.consultation.note")} rows={3} />
      <button type="submit" className="button button--primary">
        {t("documents.consultation.open")}
      </button>
    </Form>
  );
}

/**
 * `id` is the anchor of the comment's item ("disposition-N"); the form is "disposition-N-form" (an id
 * of its own: the item holds the anchor), and its fields are named after it.
 */
export function DispositionForm({
  id,
  comment,
  lastResult,
}: {
  id: string;
  comment: { id: number; disposition: string | null; responseMd: string };
  /** The reply to this form, when it was the one sent. */
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `${id}-form`,
    lastResult,
    defaultValue: { disposition: comment.disposition ?? "accepted", response: comment.responseMd },
    constraint: getZodConstraint(dispositionSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseDocumentForm(formData, dispositionSchema),
  });
  return (
    <details open={!comment.disposition || lastResult !== undefined}>
      <summary>{comment.disposition ? t("documents.disposition.change") : t("documents.disposition.record")}</summary>
      <Form method="post" {...getFormProps(form)} className="stack" preventScrollReset>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="disposition" />
        <input type="hidden" name="comment" value={comment.id} />
        <SelectField meta={fields.disposition} label={t("documents.disposition.label")} required>
          {DISPOSITIONS.map((d) => (
            <option key={d} value={d}>
              {t(`documents.disposition.${d}`)}
            </option>
          ))}
        </SelectField>
        <TextareaField meta={fields.response} label={t("documents.disposition.response")} rows={3} />
        <button type="submit" className="button">
          {t("documents.disposition.save")}
        </button>
      </Form>
    </details>
  );
}
