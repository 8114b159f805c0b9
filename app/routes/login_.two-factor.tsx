// The second step of signing in: the password was right (a pending sign-in, not a session, is
// held by a 10-minute cookie); a code from the authenticator app or a recovery code starts the session.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField } from "~/components/ui/field";
import { rateLimit } from "~/models/rate-limit.server";
import { findUserById } from "~/models/user.server";
import type { RouteHandle } from "~/root";
import { ACCOUNT_FAILURES } from "~/services/account/failures";
import { completeSecondStep, findPendingSignIn, rememberBrowser } from "~/services/account/two-factor.server";
import { explain, replyErrors } from "~/utils/failure.server";
import { clientAddress, getViewer, startSession } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { retryAfterHeaders } from "~/utils/http.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { secondStepSchema } from "~/schemas/security";
import { readForm } from "~/utils/form.server";
import { clearCookie, PENDING_SIGN_IN_COOKIE, readCookie, rememberedBrowserCookie } from "~/utils/two-factor-cookies.server";
import { loginPath, twoFactorSettingsPath, withQuery } from "~/utils/paths";

export const handle: RouteHandle = { title: (t) => t("security.signIn.title") };

export const headers = retryAfterHeaders;

function backToLogin(redirectTo: string, reason: "expired" | "ended") {
  const to = withQuery(loginPath(), { twoFactor: reason, redirectTo: redirectTo === "/" ? undefined : redirectTo });
  return redirect(to, { headers: { "Set-Cookie": clearCookie(PENDING_SIGN_IN_COOKIE) } });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"));
  if (await getViewer(request)) throw redirect(redirectTo);
  const token = readCookie(request, PENDING_SIGN_IN_COOKIE);
  const pending = token ? await findPendingSignIn(getDb(), token) : undefined;
  if (!pending) throw backToLogin(redirectTo, "expired");
  return { redirectTo: safeRedirect(url.searchParams.get("redirectTo"), pending.redirect_to) };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: secondStepSchema });
  const token = readCookie(request, PENDING_SIGN_IN_COOKIE);
  const db = getDb();
  const pending = token ? await findPendingSignIn(db, token) : undefined;
  if (!token || !pending) throw backToLogin(safeRedirect(formData.get("redirectTo")), "expired");
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["code"] }), retryAfter: 0 }, { status: 400 });
  }
  const address = clientAddress(request);
  const retryAfter = Math.max(
    await rateLimit("twoFactorAccount", `user:${pending.user_id}`),
    await rateLimit("twoFactorAddress", `ip:${address}`),
  );
  if (retryAfter > 0) {
    return data(
      { result: submission.reply({ formErrors: ["security.signIn.tooMany"], hideFields: ["code"] }), retryAfter },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  const result = await completeSecondStep(db, token, submission.value.code);
  if (!result.ok && result.reason === "sign_in_expired") throw backToLogin(safeRedirect(submission.value.redirectTo), "expired");
  if (!result.ok) {
    // Five wrong codes end the pending sign-in: the password must be typed again.
    const headers = result.reason === "sign_in_ended" ? { "Set-Cookie": clearCookie(PENDING_SIGN_IN_COOKIE) } : undefined;
    const explained = explain(ACCOUNT_FAILURES, result);
    return data(
      { result: submission.reply({ ...replyErrors(explained), hideFields: ["code"] }), retryAfter: 0 },
      { status: explained.status, headers },
    );
  }
  const signedIn = result.value;
  const user = await findUserById(db, signedIn.userId);
  if (!user || user.status === "suspended") {
    return data(
      { result: submission.reply({ formErrors: ["login.suspended"], hideFields: ["code"] }), retryAfter: 0 },
      { status: 403, headers: { "Set-Cookie": clearCookie(PENDING_SIGN_IN_COOKIE) } },
    );
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(user.id, request));
  headers.append("Set-Cookie", clearCookie(PENDING_SIGN_IN_COOKIE));
  if (submission.value.rememberBrowser) {
    const browser = await rememberBrowser(db, user.id, request.headers.get("user-agent") ?? "", address);
    headers.append("Set-Cookie", rememberedBrowserCookie(browser));
  }
  const to = safeRedirect(submission.value.redirectTo, safeRedirect(signedIn.redirectTo));
  // A recovery code was spent: say how many are left, on the two-factor settings page.
  return redirect(signedIn.method === "recovery_code" ? twoFactorSettingsPath({ saved: "recovery" }) : to, { headers });
}

export default function SecondStep() {
  const { t } = useTranslation();
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "second-step",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
  });
  return (
    <div className="page page--narrow">
      <h1>{t("security.signIn.title")}</h1>
      <p>{t("security.signIn.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <InputField
          meta={fields.code}
          label={t("security.signIn.code")}
          hint={t("security.signIn.codeHint")}
          autoComplete="one-time-code"
          required
        />
        <div className="field field--checkbox">
          <label>
            <input type="checkbox" name="rememberBrowser" /> {t("security.signIn.remember")}
          </label>
          <p className="field__hint">{t("security.signIn.rememberHint")}</p>
        </div>
        <button type="submit" className="button button--primary">
          {t("security.signIn.submit")}
        </button>
      </Form>
      <p>
        <Link to={loginPath()} reloadDocument>
          {t("security.signIn.cancel")}
        </Link>
      </p>
    </div>
  );
}
