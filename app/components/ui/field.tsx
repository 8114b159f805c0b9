// Labelled form fields that show their validation messages (catalogue keys) and keep what was typed.
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field__errors">
      {errors.map((error) => (
        <li key={error}>{t(error as never)}</li>
      ))}
    </ul>
  );
}

interface BaseProps {
  label: string;
  hint?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- conform's own type for a field of any form schema
  meta: FieldMetadata<any, any, any>;
  required?: boolean;
}

function Label({ meta, label, required }: Pick<BaseProps, "meta" | "label" | "required">) {
  const { t } = useTranslation();
  return (
    <label htmlFor={meta.id} className="field__label">
      {label}
      {required ? null : <span className="field__optional"> ({t("common.optional")})</span>}
    </label>
  );
}

function describedBy(meta: BaseProps["meta"], hint?: string) {
  return [hint ? `${meta.id}-hint` : null, meta.errors?.length ? meta.errorId : null].filter(Boolean).join(" ") || undefined;
}

/** What every field shows around its control: the label, the hint, and the control's errors. */
function FieldFrame({ children, ...props }: BaseProps & { children: ReactNode }) {
  const { meta, hint } = props;
  return (
    <div className="field">
      <Label {...props} />
      {hint ? (
        <p id={`${meta.id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function InputField({
  type = "text",
  autoComplete,
  ...props
}: BaseProps & { type?: "text" | "email" | "password" | "search" | "url" | "date"; autoComplete?: string }) {
  const { meta, hint } = props;
  const inputProps = getInputProps(meta, { type, ariaAttributes: true });
  return (
    <FieldFrame {...props}>
      <input
        {...inputProps}
        key={inputProps.key}
        required={props.required}
        autoComplete={autoComplete}
        aria-describedby={describedBy(meta, hint)}
      />
    </FieldFrame>
  );
}

export function SelectField({ children, ...props }: BaseProps & { children: ReactNode }) {
  const { meta, hint } = props;
  const selectProps = getSelectProps(meta, { ariaAttributes: true });
  return (
    <FieldFrame {...props}>
      <select {...selectProps} key={selectProps.key} required={props.required} aria-describedby={describedBy(meta, hint)}>
        {children}
      </select>
    </FieldFrame>
  );
}

export function TextareaField({ rows = 4, ...props }: BaseProps & { rows?: number }) {
  const { meta, hint } = props;
  const textareaProps = getTextareaProps(meta, { ariaAttributes: true });
  return (
    <FieldFrame {...props}>
      <textarea
        {...textareaProps}
        key={textareaProps.key}
        rows={rows}
        required={props.required}
        aria-describedby={describedBy(meta, hint)}
      />
    </FieldFrame>
  );
}

export function FormErrors({ errors, id }: { errors?: string[]; id?: string }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div className="form-errors" role="alert" id={id}>
      {errors.map((error) => (
        <p key={error}>{t(error as never)}</p>
      ))}
    </div>
  );
}

/** The validation messages of one field, for forms whose fields keep their own markup (same list as the fields above). */
export { FieldErrors };

/** A required password: the current one (to confirm a change) or a new one (`autoComplete="new-password"`). */
export function PasswordField({
  autoComplete = "current-password",
  ...props
}: Omit<BaseProps, "required"> & { autoComplete?: "current-password" | "new-password" }) {
  return <InputField {...props} type="password" autoComplete={autoComplete} required />;
}
