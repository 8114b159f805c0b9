// The publishing page's forms: publishing the draft as a minor or major version (or a number of
// one's choosing) with release notes and a review date; withdrawing or superseding the document.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/domain/vocabulary";
import { MAX_RELEASE_NOTES_LENGTH, MAX_STATUS_REASON_LENGTH } from "~/schemas/documents";
import { ConfirmButton } from "../ui/confirm-form";
import { FieldError } from "./field-error";

type Errors = Record<string, string>;

export function PublishFields({
  next,
  errors,
  detail,
  values,
  today,
}: {
  next: { minor: string; major: string };
  errors: Errors;
  detail?: string;
  values: Record<string, string>;
  today: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="field">
        <legend className="field__label">{t("documents.publish.kind")}</legend>
        <label className="doc-choice">
          <input type="radio" name="kind" value="minor" defaultChecked={(values.kind ?? "minor") === "minor"} />{" "}
          <span>
            <strong>{t("documents.publish.minor", { version: next.minor })}</strong> — {t("documents.publish.minorHint")}
          </span>
        </label>
        <label className="doc-choice">
          <input type="radio" name="kind" value="major" defaultChecked={values.kind === "major"} />{" "}
          <span>
            <strong>{t("documents.publish.major", { version: next.major })}</strong> — {t("documents.publish.majorHint")}
          </span>
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor="publish-version" className="field__label">
          {t("documents.publish.version")} <span className="field__optional">({t("common.optional")})</span>
        </label>
        <p id="publish-version-hint" className="field__hint">
          {t("documents.publish.versionHint")}
        </p>
        <input
          id="publish-version"
          name="version"
          type="text"
          inputMode="decimal"
          pattern="\d{1,4}\.\d{1,4}"
          defaultValue={values.version ?? ""}
          aria-invalid={errors.version ? true : undefined}
          aria-describedby={`publish-version-hint${errors.version ? " publish-version-error" : ""}`}
        />
        <FieldError id="publish-version-error" error={errors.version} detail={detail} />
      </div>
      <div className="field">
        <label htmlFor="publish-notes" className="field__label">
          {t("documents.publish.notes")}
        </label>
        <textarea
          id="publish-notes"
          name="notes"
          rows={4}
          required
          maxLength={MAX_RELEASE_NOTES_LENGTH}
          defaultValue={values.notes ?? ""}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={errors.notes ? "publish-notes-error" : undefined}
        />
        <FieldError id="publish-notes-error" error={errors.notes} />
      </div>
      <div className="field">
        <label htmlFor="publish-review" className="field__label">
          {t("documents.publish.reviewDue")} <span className="field__optional">({t("common.optional")})</span>
        </label>
        <input
          id="publish-review"
          name="reviewDue"
          type="date"
          min={today}
          defaultValue={values.reviewDue ?? ""}
          aria-invalid={errors.reviewDue ? true : undefined}
          aria-describedby={errors.reviewDue ? "publish-review-error" : undefined}
        />
        <FieldError id="publish-review-error" error={errors.reviewDue} />
      </div>
    </>
  );
}

export function StatusForm({
  intent,
  title,
  successors,
  errors,
  values,
}: {
  intent: "withdraw" | "supersede";
  title: string;
  successors: Array<{ slug: string; title: string; language: Language }>;
  /** The errors and values of this form, when it was the one sent. */
  errors: Errors;
  values?: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="panel stack">
      <h3>{t(`documents.publish.${intent}Title`)}</h3>
      {errors.form ? (
        <p className="form-errors" role="alert">
          {t(errors.form as never)}
        </p>
      ) : null}
      <input type="hidden" name="intent" value={intent} />
      <div className="field">
        <label htmlFor={`${intent}-reason`} className="field__label">
          {t("documents.publish.statusReason")}
        </label>
        <textarea
          id={`${intent}-reason`}
          name="reason"
          rows={3}
          required
          maxLength={MAX_STATUS_REASON_LENGTH}
          defaultValue={values ? (values.reason ?? "") : ""}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${intent}-reason-error` : undefined}
        />
        <FieldError id={`${intent}-reason-error`} error={errors.reason} />
      </div>
      <div className="field">
        <label htmlFor={`${intent}-successor`} className="field__label">
          {t("documents.publish.successor")}
          {intent === "withdraw" ? <span className="field__optional"> ({t("common.optional")})</span> : null}
        </label>
        <select
          id={`${intent}-successor`}
          name="successor"
          required={intent === "supersede"}
          defaultValue={values ? (values.successor ?? "") : ""}
          aria-invalid={errors.successor ? true : undefined}
          aria-describedby={errors.successor ? `${intent}-successor-error` : undefined}
        >
          <option value="">{t("documents.publish.noSuccessor")}</option>
          {successors.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.title} ({t(`languageName.${s.language}`)})
            </option>
          ))}
        </select>
        <FieldError id={`${intent}-successor-error`} error={errors.successor} />
      </div>
      <ConfirmButton kind={intent === "withdraw" ? "withdrawDocument" : "supersedeDocument"} values={{ title }}>
        {t(`documents.publish.${intent}`)}
      </ConfirmButton>
    </Form>
  );
}
