import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SessionsSection } from "~/components/account/sessions-section";
import { VettedFieldsSection } from "~/components/account/vetted-fields-section";
import { CountryOptions, LanguageOptions } from "~/components/profile-fields";
import { FormErrors, InputField, PasswordField, SelectField, TextareaField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { TimeZoneSelect } from "~/components/ui/time-zone-select";
import { findPendingProfileChange, latestDecidedProfileChange } from "~/models/profile-change.server";
import { findUserById } from "~/models/user.server";
import { authorize, can } from "~/policies";
import type { RouteHandle } from "~/root";
import { profileSchema } from "~/schemas/account";
import { listSessions, sessionHandle } from "~/services/account/applications.server";
import { getAuth, requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { readForm } from "~/utils/form.server";
import { runIntent } from "~/utils/intents.server";
import { badRequest, notFound } from "~/utils/http.server";
import { twoFactorSettingsPath } from "~/utils/paths";
import { timeZoneOptionsFor } from "~/utils/time-zone-options.server";
import { currentZoneName } from "~/utils/time-zones";
import { passwordAction, profileAction, requestChangeAction, revokeAction, withdrawChangeAction } from "./actions.server";

export const handle: RouteHandle = { title: (t) => t("settings.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "settings:edit");
  const { session } = await getAuth(request);
  const db = getDb();
  const user = await findUserById(db, viewer.id);
  if (!user) notFound();
  const sessions = await listSessions(db, viewer.id);
  const current = session ? sessionHandle(session.id) : null;
  const [pending, decided] = await Promise.all([
    findPendingProfileChange(db, viewer.id),
    latestDecidedProfileChange(db, viewer.id),
  ]);
  return {
    profile: {
      displayName: user.display_name,
      country: user.country,
      language: user.language,
      timeZone: currentZoneName(user.time_zone),
      bio: user.bio,
    },
    account: { email: user.email, username: user.username, status: user.status, siteRole: user.site_role },
    vetted: { memberType: user.member_type, organization: user.organization },
    canRequestChange: can(viewer, "profile:request-change"),
    pendingChange: pending
      ? {
          id: pending.id,
          memberType: pending.member_type,
          organization: pending.organization,
          note: pending.note,
          createdAt: pending.created_at,
        }
      : null,
    lastDecision:
      decided && !pending
        ? { status: decided.status, reason: decided.reason, createdAt: decided.created_at, decidedAt: decided.decided_at }
        : null,
    twoFactorEnabled: user.two_factor_enabled_at !== null,
    sessions: sessions.map(({ sessionId: _secret, ...rest }) => ({ ...rest, current: rest.handle === current })),
    timeZones: timeZoneOptionsFor(user.language),
  };
}

const INTENTS = {
  profile: profileAction,
  "request-change": requestChangeAction,
  "withdraw-change": withdrawChangeAction,
  password: passwordAction,
  revoke: revokeAction,
};

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "settings:edit");
  const formData = await readForm(request);
  return runIntent(INTENTS, formData.get("intent"), { viewer, formData, request }, () => badRequest());
}

const SAVED_MESSAGES = {
  profile: "settings.profileSaved",
  password: "settings.passwordSaved",
  revoked: "settings.revoked",
  gone: "settings.sessionGone",
  "change-requested": "account.vetted.requested",
  "change-withdrawn": "account.vetted.withdrawn",
  "change-gone": "account.vetted.gone",
} as const;

export default function Settings() {
  const { t } = useTranslation();
  const {
    profile,
    account,
    vetted,
    canRequestChange,
    pendingChange,
    lastDecision,
    twoFactorEnabled,
    sessions,
    timeZones: zones,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved") as keyof typeof SAVED_MESSAGES | null;
  const applied = searchParams.get("applied") === "1";

  const [profileForm, profileFields] = useForm({
    id: "profile",
    lastResult: actionData?.intent === "profile" ? actionData.result : undefined,
    defaultValue: profile,
    constraint: getZodConstraint(profileSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
  });
  const [passwordForm, passwordFields] = useForm({
    id: "password",
    lastResult: actionData?.intent === "password" ? actionData.result : undefined,
    shouldValidate: "onBlur",
  });

  return (
    <div className="page page--narrow">
      <h1>{t("settings.title")}</h1>
      {applied ? <Notice>{t("join.submitted")}</Notice> : null}
      {saved && SAVED_MESSAGES[saved] ? <Notice>{t(SAVED_MESSAGES[saved])}</Notice> : null}

      <section aria-labelledby="settings-account" className="panel">
        <h2 id="settings-account">{t("settings.account")}</h2>
        <dl className="facts">
          <dt>{t("settings.emailLabel")}</dt>
          <dd>{account.email}</dd>
          <dt>{t("join.username")}</dt>
          <dd>@{account.username}</dd>
          <dt>{t("settings.statusLabel")}</dt>
          <dd>{t(`userStatus.${account.status}`)}</dd>
          <dt>{t("settings.roleLabel")}</dt>
          <dd>{t(`siteRole.${account.siteRole}`)}</dd>
        </dl>
      </section>

      <section aria-labelledby="settings-profile" className="panel">
        <h2 id="settings-profile">{t("settings.profile")}</h2>
        <Form method="post" reloadDocument {...getFormProps(profileForm)} className="stack">
          <input type="hidden" name="intent" value="profile" />
          <FormErrors errors={profileForm.errors} />
          <InputField meta={profileFields.displayName} label={t("join.displayName")} autoComplete="name" required />
          <SelectField meta={profileFields.country} label={t("join.country")} required>
            <CountryOptions />
          </SelectField>
          <SelectField meta={profileFields.language} label={t("join.language")} required>
            <LanguageOptions />
          </SelectField>
          <TimeZoneSelect
            meta={profileFields.timeZone}
            label={t("settings.timeZone")}
            hint={t("settings.timeZoneHint")}
            options={zones}
            suggestFromBrowser
          />
          <TextareaField meta={profileFields.bio} label={t("settings.bio")} hint={t("settings.bioHint")} />
          <button type="submit" className="button button--primary">
            {t("common.save")}
          </button>
        </Form>
      </section>

      <VettedFieldsSection
        vetted={vetted}
        pendingChange={pendingChange}
        lastDecision={lastDecision}
        canRequestChange={canRequestChange}
        lastResult={actionData?.intent === "request-change" ? actionData.result : undefined}
      />

      <section aria-labelledby="settings-password" className="panel">
        <h2 id="settings-password">{t("settings.password")}</h2>
        <Form method="post" {...getFormProps(passwordForm)} className="stack">
          <input type="hidden" name="intent" value="password" />
          <input type="text" name="username" autoComplete="username" defaultValue={account.email} hidden readOnly />
          <PasswordField meta={passwordFields.currentPassword} label={t("settings.currentPassword")} />
          <PasswordField
            meta={passwordFields.newPassword}
            label={t("settings.newPassword")}
            hint={t("join.passwordHint")}
            autoComplete="new-password"
          />
          <PasswordField
            meta={passwordFields.confirmPassword}
            label={t("settings.confirmPassword")}
            autoComplete="new-password"
          />
          <button type="submit" className="button">
            {t("settings.changePassword")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="settings-two-factor" className="panel">
        <h2 id="settings-two-factor">{t("security.twoFactor.settingsTitle")}</h2>
        <p>{twoFactorEnabled ? t("security.twoFactor.settingsOn") : t("security.twoFactor.settingsOff")}</p>
        <p>
          <Link to={twoFactorSettingsPath()}>{t("security.twoFactor.settingsLink")}</Link>
        </p>
      </section>

      <SessionsSection sessions={sessions} />
    </div>
  );
}
