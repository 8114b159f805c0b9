// Two-factor sign-in settings: its status, enrolment (QR code and manual key, confirmed with a
// code), the recovery codes shown once, new recovery codes and turning it off (with the password).
import { getFormProps, useForm } from "@conform-to/react";
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { renderSVG } from "uqr";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField } from "~/components/ui/field";
import { IntentButton } from "~/components/ui/intent-button";
import { PasswordConfirmedSection, RecoveryCodesPage } from "~/components/account/two-factor-sections";
import { Notice } from "~/components/ui/notice";
import { countRememberedBrowsers, countUnusedRecoveryCodes, findTwoFactor, groupKey, totpUri } from "~/models/two-factor.server";
import { findUserById } from "~/models/user.server";
import { authorize, requiresSecondFactor } from "~/policies";
import type { RouteHandle } from "~/root";
import { requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { readForm } from "~/utils/form.server";
import { runIntent } from "~/utils/intents.server";
import { badRequest, notFound } from "~/utils/http.server";
import { settingsPath, twoFactorSettingsPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import {
  cancelAction,
  confirmAction,
  disableAction,
  forgetBrowsersAction,
  regenerateAction,
  returnPath,
  startAction,
} from "./actions.server";

export const handle: RouteHandle = { title: (t) => t("security.twoFactor.title") };

// The page carries a secret while enrolling, and recovery codes once: never kept by any cache.
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const retryAfter = actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

function qrCodeDataUri(uri: string): string {
  const svg = renderSVG(uri, { ecc: "M", border: 2, pixelSize: 6 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "two-factor:manage");
  const db = getDb();
  const user = await findUserById(db, viewer.id);
  if (!user) notFound();
  const url = new URL(request.url);
  const enabled = user.two_factor_enabled_at !== null;
  const pending = enabled ? undefined : await findTwoFactor(db, viewer.id);
  return data(
    {
      enabled,
      enabledAt: user.two_factor_enabled_at,
      recoveryCodesLeft: enabled ? await countUnusedRecoveryCodes(db, viewer.id) : 0,
      rememberedBrowsers: enabled ? await countRememberedBrowsers(db, viewer.id) : 0,
      enrolment: pending
        ? { key: groupKey(pending.secret), qrCode: qrCodeDataUri(totpUri(pending.secret, user.email)), account: user.email }
        : null,
      required: requiresSecondFactor(viewer),
      asked: url.searchParams.get("required") === "1" && !enabled,
      redirectTo: returnPath(url.searchParams.get("redirectTo")),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

const INTENTS = {
  start: startAction,
  cancel: cancelAction,
  "forget-browsers": forgetBrowsersAction,
  confirm: confirmAction,
  regenerate: regenerateAction,
  disable: disableAction,
};

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "two-factor:manage");
  const formData = await readForm(request);
  return runIntent(INTENTS, formData.get("intent"), { viewer, formData }, () => badRequest());
}

const SAVED = {
  disabled: "security.twoFactor.disabledNotice",
  browsers: "security.twoFactor.browsersForgotten",
  recovery: "security.twoFactor.recoveryUsedNotice",
} as const;

export default function TwoFactorSettings() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { date } = useSite();
  const saved = searchParams.get("saved") as keyof typeof SAVED | null;

  const [confirmForm, confirmFields] = useForm({
    id: "two-factor-confirm",
    lastResult: actionData?.intent === "confirm" ? actionData.result : undefined,
    shouldValidate: "onBlur",
  });

  if (actionData?.recoveryCodes) {
    return (
      <RecoveryCodesPage
        codes={actionData.recoveryCodes}
        enabled={actionData.intent === "confirm"}
        next={actionData.redirectTo || twoFactorSettingsPath()}
      />
    );
  }

  const { enabled, enabledAt, recoveryCodesLeft, rememberedBrowsers, enrolment, required, asked, redirectTo } = loaderData;
  return (
    <div className="page page--narrow">
      <h1>{t("security.twoFactor.title")}</h1>
      <p>
        <Link to={settingsPath()}>← {t("settings.title")}</Link>
      </p>
      {saved && SAVED[saved] ? <Notice>{t(SAVED[saved])}</Notice> : null}
      {asked ? (
        <Notice tone="warning">{t("security.twoFactor.requiredNotice")}</Notice>
      ) : required && !enabled ? (
        <Notice tone="info">{t("security.twoFactor.requiredStanding")}</Notice>
      ) : null}

      <section aria-labelledby="two-factor-status" className="panel">
        <h2 id="two-factor-status">{t("security.twoFactor.statusTitle")}</h2>
        <p>{t("security.twoFactor.intro")}</p>
        <dl className="facts">
          <dt>{t("security.twoFactor.statusLabel")}</dt>
          <dd data-testid="two-factor-status">
            {enabled && enabledAt
              ? t("security.twoFactor.statusOn", { date: date(enabledAt, true) })
              : t("security.twoFactor.statusOff")}
          </dd>
          {enabled ? (
            <>
              <dt>{t("security.twoFactor.recoveryTitle")}</dt>
              <dd>{t("security.twoFactor.recoveryLeft", { count: recoveryCodesLeft })}</dd>
            </>
          ) : null}
        </dl>
        {!enabled && !enrolment ? (
          <IntentButton intent="start" fields={{ redirectTo }} className="button button--primary">
            {t("security.twoFactor.start")}
          </IntentButton>
        ) : null}
      </section>

      {enrolment ? (
        <section aria-labelledby="two-factor-enrol" className="panel">
          <h2 id="two-factor-enrol">{t("security.twoFactor.scanTitle")}</h2>
          <img src={enrolment.qrCode} alt={t("security.twoFactor.qrAlt")} width={200} height={200} className="qr-code" />
          <p>{t("security.twoFactor.manualKey")}</p>
          <p>
            <code className="totp-key" data-testid="totp-key">
              {enrolment.key}
            </code>
          </p>
          <p className="muted">{t("security.twoFactor.manualDetails", { account: enrolment.account })}</p>
          <h2>{t("security.twoFactor.confirmTitle")}</h2>
          <Form method="post" {...getFormProps(confirmForm)} className="stack">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <FormErrors errors={confirmForm.errors} id={confirmForm.errorId} />
            <InputField meta={confirmFields.code} label={t("security.twoFactor.code")} autoComplete="one-time-code" required />
            <button type="submit" className="button button--primary">
              {t("security.twoFactor.confirm")}
            </button>
          </Form>
          <IntentButton intent="cancel" className="button button--quiet">
            {t("security.twoFactor.cancel")}
          </IntentButton>
        </section>
      ) : null}

      {enabled ? (
        <>
          <section aria-labelledby="two-factor-browsers" className="panel">
            <h2 id="two-factor-browsers">{t("security.twoFactor.browsersTitle")}</h2>
            <p>
              {rememberedBrowsers
                ? t("security.twoFactor.browsers", { count: rememberedBrowsers })
                : t("security.twoFactor.browsersNone")}
            </p>
            {rememberedBrowsers ? (
              <IntentButton intent="forget-browsers">{t("security.twoFactor.forgetBrowsers")}</IntentButton>
            ) : null}
          </section>

          <PasswordConfirmedSection
            intent="regenerate"
            lastResult={actionData?.intent === "regenerate" ? actionData.result : undefined}
            title={t("security.twoFactor.regenerateTitle")}
            intro={t("security.twoFactor.regenerateIntro")}
            submit={t("security.twoFactor.regenerate")}
          />

          <PasswordConfirmedSection
            intent="disable"
            lastResult={actionData?.intent === "disable" ? actionData.result : undefined}
            title={t("security.twoFactor.disableTitle")}
            intro={required ? t("security.twoFactor.disableRequired") : t("security.twoFactor.disableIntro")}
            submit={t("security.twoFactor.disable")}
            danger
          />
        </>
      ) : null}
    </div>
  );
}
