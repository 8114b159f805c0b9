// The publishing page's forms: publishing the draft as a minor or major version (or a number of
// one's choosing) with release notes and a review date; withdrawing or superseding the document.
import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/domain/vocabulary";
import { FieldErrors, FormErrors, SelectField, TextareaField } from "~/components/ui/field";
import { parseDocumentForm, statusSchema } from "~/schemas/documents";
import { ConfirmButton } from "../ui/confirm-form";
import { FieldError } from "./field-error";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- conform's own type for a field of any form schema
type Meta = FieldMetadata<any, any, any>;

/**
 * The fields of the publish form (the route holds the form: its hidden fields and the disposition
 * table go with them). The version keeps its own markup: its input mode and pattern, and its
 * message names the latest version (`detail`); the review date keeps its `min` (today).
 */
export function PublishFields({
  next,
  fields,
  detail,
  today,
}: {
  next: { minor: string; major: string };
  fields: Record<"kind" | "version" | "notes" | "reviewDue", Meta>;
  detail?: string;
  today: string;
}) {
  const { t } = useTranslation();
  const kind = typeof fields.kind.initialValue === "string" ? fields.kind.initialValue : "minor";
  const version = getInputProps(fields.version, { type: "text", ariaAttributes: true });
  const reviewDue = getInputProps(fields.reviewDue, { type: "date", ariaAttributes: true });
  return (
    <>
      <fieldset className="field">
        <legend className="field__label">{t("documents.publish.kind")}</legend>
        <label className="doc-choice">
          <input type="radio" name={fields.kind.name} value="minor" defaultChecked={kind === "minor"} />{" "}
          <span>
            <strong>{t("documents.publish.minor", { version: next.minor })}</strong> — {t("documents.publish.minorHint")}
          </span>
        </label>
        <label className="doc-choice">
          <input type="radio" name={fields.kind.name} value="major" defaultChecked={kind === "major"} />{" "}
          <span>
            <strong>{t("documents.publish.major", { version: next.major })}</strong> — {t("documents.publish.majorHint")}
          </span>
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={fields.version.id} className="field__label">
          {t("documents.publish.version")} <span className="field__optional">({t("common.optional")})</span>
        </label>
        <p id={`${fields.version.id}-hint`} className="field__hint">
          {t("documents.publish.versionHint")}
        </p>
        <input
          {...version}
          key={version.key}
          inputMode="decimal"
          pattern="\d{1,4}\.\d{1,4}"
          aria-describedby={`${fields.version.id}-hint${fields.version.errors?.length ? ` ${fields.version.errorId}` : ""}`}
        />
        <FieldError id={fields.version.errorId} error={fields.version.errors?.[0]} detail={detail} />
      </div>
      <TextareaField meta={fields.notes} label={t("documents.publish.notes")} rows={4} required />
      <div className="field">
        <label htmlFor={fields.reviewDue.id} className="field__label">
          {t("documents.publish.reviewDue")} <span className="field__optional">({t("common.optional")})</span>
        </label>
        <input {...reviewDue} key={reviewDue.key} min={today} />
        <FieldErrors id={fields.reviewDue.errorId} errors={fields.reviewDue.errors} />
      </div>
    </>
  );
}

export function StatusForm({
  intent,
  title,
  successors,
  lastResult,
}: {
  intent: "withdraw" | "supersede";
  title: string;
  successors: Array<{ slug: string; title: string; language: Language }>;
  /** The reply to this form, when it was the one sent. */
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: intent,
    lastResult,
    constraint: getZodConstraint(statusSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseDocumentForm(formData, statusSchema),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="panel stack">
      <h3>{t(`documents.publish.${intent}Title`)}</h3>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value={intent} />
      <TextareaField meta={fields.reason} label={t("documents.publish.statusReason")} rows={3} required />
      <SelectField meta={fields.successor} label={t("documents.publish.successor")} required={intent === "supersede"}>
        <option value="">{t("documents.publish.noSuccessor")}</option>
        {successors.map((s) => (
          <option key={s.slug} value={s.slug}>
            {s.title} ({t(`languageName.${s.language}`)})
          </option>
        ))}
      </SelectField>
      <ConfirmButton kind={intent === "withdraw" ? "withdrawDocument" : "supersedeDocument"} values={{ title }}>
        {t(`documents.publish.${intent}`)}
      </ConfirmButton>
    </Form>
  );
}
