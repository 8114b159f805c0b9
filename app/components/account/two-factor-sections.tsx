import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, PasswordField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";

/** The recovery codes, shown once (after enrolling, or new ones), then on to `next`. */
export function RecoveryCodesPage({ codes, enabled, next }: { codes: string[]; enabled: boolean; next: string }) {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <h1>{t("security.twoFactor.title")}</h1>
      {enabled ? <Notice>{t("security.twoFactor.enabledNotice")}</Notice> : null}
      <section aria-labelledby="recovery-codes" className="panel panel--warning">
        <h2 id="recovery-codes">{t("security.twoFactor.recoveryTitle")}</h2>
        <p>{t("security.twoFactor.recoveryIntro")}</p>
        <ol className="recovery-codes" data-testid="recovery-codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <p>
          <Link to={next} className="button button--primary" reloadDocument>
            {t("security.twoFactor.savedCodes")}
          </Link>
        </p>
      </section>
    </div>
  );
}

/** A change to the second factor that the member confirms with their password (new codes, turning it off). */
export function PasswordConfirmedSection({
  intent,
  lastResult,
  title,
  intro,
  submit,
  danger = false,
}: {
  intent: "regenerate" | "disable";
  lastResult: SubmissionResult<string[]> | undefined;
  title: string;
  intro: string;
  submit: string;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm<{ password: string }>({ id: `two-factor-${intent}-form`, lastResult, shouldValidate: "onBlur" });
  return (
    <section aria-labelledby={`two-factor-${intent}`} className="panel">
      <h2 id={`two-factor-${intent}`}>{title}</h2>
      <p>{intro}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value={intent} />
        <FormErrors errors={form.errors} id={form.errorId} />
        <PasswordField meta={fields.password} label={t("security.twoFactor.password")} />
        <button type="submit" className={danger ? "button button--danger" : "button"}>
          {submit}
        </button>
      </Form>
    </section>
  );
}
