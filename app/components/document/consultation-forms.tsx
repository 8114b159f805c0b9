// The consultation page's forms: opening a consultation (window, audience, note to reviewers) and
// recording the disposition of one consultation comment. `errors` are catalogue keys by field.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CONSULTATION_AUDIENCES, DISPOSITIONS, type Disposition } from "~/domain/vocabulary";
import { MAX_CONSULTATION_NOTE_LENGTH, MAX_RESPONSE_LENGTH } from "~/schemas/documents";
import { FieldError } from "./field-error";

type Errors = Record<string, string>;

export function OpenConsultationForm({
  errors,
  values,
  defaults,
}: {
  errors?: Errors;
  values: Record<string, string>;
  defaults: { opensOn: string; closesOn: string };
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="panel stack" aria-labelledby="open-consultation">
      <h3 id="open-consultation">{t("documents.consultation.openTitle")}</h3>
      {errors?.form ? (
        <p className="form-errors" role="alert">
          {t(errors.form as never)}
        </p>
      ) : null}
      <input type="hidden" name="intent" value="open" />
      <div className="doc-form-row">
        <div className="field">
          <label htmlFor="opens-on" className="field__label">
            {t("documents.consultation.opensOn")}
          </label>
          <input
            id="opens-on"
            name="opensOn"
            type="date"
            required
            defaultValue={values.opensOn ?? defaults.opensOn}
            aria-invalid={errors?.opensOn ? true : undefined}
            aria-describedby={errors?.opensOn ? "opens-on-error" : undefined}
          />
          <FieldError id="opens-on-error" error={errors?.opensOn} />
        </div>
        <div className="field">
          <label htmlFor="closes-on" className="field__label">
            {t("documents.consultation.closesOn")}
          </label>
          <input
            id="closes-on"
            name="closesOn"
            type="date"
            required
            defaultValue={values.closesOn ?? defaults.closesOn}
            aria-invalid={errors?.closesOn ? true : undefined}
            aria-describedby={`closes-on-hint${errors?.closesOn ? " closes-on-error" : ""}`}
          />
          <p id="closes-on-hint" className="field__hint">
            {t("documents.consultation.closesHint")}
          </p>
          <FieldError id="closes-on-error" error={errors?.closesOn} />
        </div>
      </div>
      <fieldset className="field">
        <legend className="field__label">{t("documents.consultation.audienceLabel")}</legend>
        {CONSULTATION_AUDIENCES.map((audience) => (
          <label key={audience} className="doc-choice">
            <input type="radio" name="audience" value={audience} defaultChecked={(values.audience ?? "members") === audience} />{" "}
            <span>
              <strong>{t(`documents.consultation.audience.${audience}`)}</strong> —{" "}
              {t(`documents.consultation.audienceHint.${audience}`)}
            </span>
          </label>
        ))}
        <FieldError id="audience-error" error={errors?.audience} />
      </fieldset>
      <div className="field">
        <label htmlFor="consultation-note" className="field__label">
          {t("documents.consultation.note")} <span className="field__optional">({t("common.optional")})</span>
        </label>
        <textarea
          id="consultation-note"
          name="note"
          rows={3}
          maxLength={MAX_CONSULTATION_NOTE_LENGTH}
          defaultValue={values.note ?? ""}
        />
        <FieldError id="note-error" error={errors?.note} />
      </div>
      <button type="submit" className="button button--primary">
        {t("documents.consultation.open")}
      </button>
    </Form>
  );
}

/** `id` is the anchor of the comment's item ("disposition-N"), which the form's fields are named after. */
export function DispositionForm({
  id,
  comment,
  errors,
  values,
}: {
  id: string;
  comment: { id: number; disposition: string | null; responseMd: string };
  errors?: Errors;
  values: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <details open={!comment.disposition || errors !== undefined}>
      <summary>{comment.disposition ? t("documents.disposition.change") : t("documents.disposition.record")}</summary>
      <Form method="post" className="stack" preventScrollReset>
        <input type="hidden" name="intent" value="disposition" />
        <input type="hidden" name="comment" value={comment.id} />
        <div className="field">
          <label htmlFor={`${id}-value`} className="field__label">
            {t("documents.disposition.label")}
          </label>
          <select id={`${id}-value`} name="disposition" defaultValue={(comment.disposition as Disposition | null) ?? "accepted"}>
            {DISPOSITIONS.map((d) => (
              <option key={d} value={d}>
                {t(`documents.disposition.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-response`} className="field__label">
            {t("documents.disposition.response")}
          </label>
          <textarea
            id={`${id}-response`}
            name="response"
            rows={3}
            maxLength={MAX_RESPONSE_LENGTH}
            defaultValue={errors ? (values.response ?? "") : comment.responseMd}
            aria-invalid={errors?.response ? true : undefined}
            aria-describedby={errors?.response ? `${id}-error` : undefined}
          />
          <FieldError id={`${id}-error`} error={errors?.response} />
        </div>
        <button type="submit" className="button">
          {t("documents.disposition.save")}
        </button>
      </Form>
    </details>
  );
}
