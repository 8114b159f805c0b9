import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CountryOptions, LanguageOptions, MemberTypeOptions } from "~/components/profile-fields";
import { FormErrors, InputField, PasswordField, SelectField } from "~/components/ui/field";
import { BrowserTimeZoneInput } from "~/components/ui/time-zone-select";
import type { RouteHandle } from "~/root";
import { rateLimit } from "~/models/rate-limit.server";
import { ACCOUNT_FAILURES, takenFieldErrors } from "~/services/account/failures";
import { applyToJoin } from "~/services/account/applications.server";
import { explain } from "~/utils/failure.server";
import { clientAddress, getViewer, startSession } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { requestLanguage } from "~/utils/i18n.server";
import { joinSchema } from "~/schemas/account";
import { retryAfterHeaders } from "~/utils/http.server";
import { readForm } from "~/utils/form.server";
import { loginPath, settingsPath } from "~/utils/paths";

export const handle: RouteHandle = { title: (t) => t("join.title") };

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer) throw redirect(settingsPath());
  return { defaultLanguage: requestLanguage(request, null) };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: joinSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), retryAfter: 0 }, { status: 400 });
  }
  const retryAfter = await rateLimit("join", clientAddress(request));
  if (retryAfter) {
    return data(
      { result: submission.reply({ hideFields: ["password"] }), retryAfter },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  const result = await applyToJoin(getDb(), submission.value);
  if (!result.ok) {
    const { status } = explain(ACCOUNT_FAILURES, result);
    const fieldErrors = takenFieldErrors(result.taken);
    return data({ result: submission.reply({ fieldErrors, hideFields: ["password"] }), retryAfter: 0 }, { status });
  }
  const cookie = await startSession(result.value.userId, request);
  return redirect(settingsPath({ applied: 1 }), { headers: { "Set-Cookie": cookie } });
}

export default function Join() {
  const { t } = useTranslation();
  const { defaultLanguage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { language: defaultLanguage },
    constraint: getZodConstraint(joinSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: joinSchema }),
  });
  return (
    <div className="page page--narrow">
      <h1>{t("join.title")}</h1>
      <p className="lead">{t("join.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        {actionData?.retryAfter ? (
          <div className="form-errors" role="alert">
            <p>{t("join.tooMany", { minutes: Math.ceil(actionData.retryAfter / 60) })}</p>
          </div>
        ) : null}
        <FormErrors errors={form.errors} id={form.errorId} />
        <InputField meta={fields.displayName} label={t("join.displayName")} autoComplete="name" required />
        <InputField meta={fields.email} label={t("join.email")} type="email" autoComplete="email" required />
        <PasswordField
          meta={fields.password}
          label={t("join.password")}
          hint={t("join.passwordHint")}
          autoComplete="new-password"
        />
        <InputField
          meta={fields.username}
          label={t("join.username")}
          hint={t("join.usernameHint")}
          autoComplete="username"
          required
        />
        <InputField meta={fields.organization} label={t("join.organization")} autoComplete="organization" required />
        <SelectField meta={fields.country} label={t("join.country")} required>
          <CountryOptions />
        </SelectField>
        <SelectField meta={fields.memberType} label={t("join.memberType")} required>
          <MemberTypeOptions />
        </SelectField>
        <LanguageSelect meta={fields.language} />
        <BrowserTimeZoneInput name={fields.timeZone.name} />
        <button type="submit" className="button button--primary">
          {t("join.submit")}
        </button>
      </Form>
      <p>
        {t("join.haveAccount")} <Link to={loginPath()}>{t("nav.signIn")}</Link>
      </p>
    </div>
  );
}

function LanguageSelect({ meta }: { meta: Parameters<typeof SelectField>[0]["meta"] }) {
  const { t } = useTranslation();
  return (
    <SelectField meta={meta} label={t("join.language")} required>
      <LanguageOptions />
    </SelectField>
  );
}
