import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { Notice } from "~/components/ui/notice";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, PasswordField } from "~/components/ui/field";
import { reserveLoginAttempt, settleLoginAttempt } from "~/models/login-attempt.server";
import { isRememberedBrowser } from "~/models/two-factor.server";
import { findUserByEmail, normalizeEmail } from "~/models/user.server";
import type { RouteHandle } from "~/root";
import { clientAddress, getViewer, startSession } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { verifyAgainstDummy, verifyPassword } from "~/utils/password.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { loginSchema } from "~/schemas/account";
import { retryAfterHeaders } from "~/utils/http.server";
import { readForm } from "~/utils/form.server";
import { startPendingSignIn } from "~/services/account/two-factor.server";
import { pendingSignInCookie, readCookie, REMEMBERED_BROWSER_COOKIE } from "~/utils/two-factor-cookies.server";
import { joinPath, secondFactorLoginPath, withParam } from "~/utils/paths";

export const handle: RouteHandle = { title: (t) => t("login.title") };

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), retryAfter: 0 }, { status: 400 });
  }
  const db = getDb();
  const email = normalizeEmail(submission.value.email);
  const address = clientAddress(request);
  // Checked and counted in one transaction before the password is verified (see login-attempt.server.ts).
  const attempt = await reserveLoginAttempt(email, address);
  if (!attempt.allowed) {
    const { retryAfter } = attempt;
    return data(
      { result: submission.reply({ hideFields: ["password"] }), retryAfter },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  const user = await findUserByEmail(db, email);
  const valid = user
    ? await verifyPassword(user.password_hash, submission.value.password)
    : (await verifyAgainstDummy(submission.value.password), false);
  await settleLoginAttempt(attempt.attemptId, valid);
  if (!user || !valid) {
    return data(
      { result: submission.reply({ formErrors: ["login.invalid"], hideFields: ["password"] }), retryAfter: 0 },
      { status: 400 },
    );
  }
  if (user.status === "suspended") {
    return data(
      { result: submission.reply({ formErrors: ["login.suspended"], hideFields: ["password"] }), retryAfter: 0 },
      { status: 403 },
    );
  }
  const redirectTo = safeRedirect(submission.value.redirectTo);
  if (user.two_factor_enabled_at) {
    // The second step is due unless this browser was remembered (30 days) by this account.
    const remembered = readCookie(request, REMEMBERED_BROWSER_COOKIE);
    if (!remembered || !(await isRememberedBrowser(db, user.id, remembered))) {
      const token = await startPendingSignIn(db, user.id, redirectTo, address);
      const next = redirectTo === "/" ? secondFactorLoginPath() : withParam(secondFactorLoginPath(), "redirectTo", redirectTo);
      return redirect(next, { headers: { "Set-Cookie": pendingSignInCookie(token) } });
    }
  }
  const cookie = await startSession(user.id, request);
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  const retryMinutes = actionData?.retryAfter ? Math.ceil(actionData.retryAfter / 60) : 0;
  const twoFactor = searchParams.get("twoFactor");
  return (
    <div className="page page--narrow">
      <h1>{t("login.title")}</h1>
      {twoFactor === "expired" || twoFactor === "ended" ? (
        <Notice tone="warning">{t(twoFactor === "ended" ? "security.signIn.ended" : "security.signIn.expired")}</Notice>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        {retryMinutes ? (
          <div className="form-errors" role="alert">
            <p>{t("login.tooMany", { minutes: retryMinutes })}</p>
          </div>
        ) : (
          <FormErrors errors={form.errors} id={form.errorId} />
        )}
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <InputField meta={fields.email} label={t("login.email")} type="email" autoComplete="username" required />
        <PasswordField meta={fields.password} label={t("login.password")} />
        <button type="submit" className="button button--primary">
          {t("login.submit")}
        </button>
      </Form>
      <p>
        {t("login.noAccount")} <Link to={joinPath()}>{t("nav.join")}</Link>
      </p>
    </div>
  );
}
