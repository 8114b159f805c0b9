import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CountryOptions, LanguageOptions, MemberTypeOptions } from "~/components/profile-fields";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { findPendingProfileChange, latestDecidedProfileChange } from "~/models/profile-change.server";
import { findUserById } from "~/models/user.server";
import { authorize, can } from "~/policies";
import type { RouteHandle } from "~/root";
import { changePassword, listSessions, revokeSession, sessionHandle, updateProfile } from "~/services/accounts.server";
import { requestProfileChange, withdrawProfileChange } from "~/services/profile-changes.server";
import { getAuth, requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { badRequest, notFound } from "~/utils/http.server";
import { languageCookie } from "~/utils/i18n.server";
import { verifyPassword } from "~/utils/password.server";
import { passwordSchema, profileChangeRequestSchema, profileSchema, withdrawProfileChangeSchema } from "~/schemas/account";
import { timeZoneOptionsFor } from "~/utils/time-zone-options.server";
import { currentZoneName } from "~/utils/time-zones";
import { TimeZoneSelect } from "~/components/ui/time-zone-select";
import { useSite } from "~/utils/use-site";
import { readForm } from "~/utils/form.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { ConfirmButton } from "~/components/ui/confirm-form";

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

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "settings:edit");
  const db = getDb();
  const formData = await readForm(request);
  const intent = formData.get("intent");

  if (intent === "profile") {
    const submission = parseWithZod(formData, { schema: profileSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply(), done: false }, { status: 400 });
    await updateProfile(db, viewer.id, submission.value);
    return redirect("/settings?saved=profile", { headers: { "Set-Cookie": languageCookie(submission.value.language) } });
  }

  if (intent === "request-change") {
    authorize(viewer, "profile:request-change");
    const submission = parseWithZod(formData, { schema: profileChangeRequestSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply(), done: false }, { status: 400 });
    const outcome = await requestProfileChange(db, viewer.id, submission.value);
    if (!outcome.ok) {
      const message = outcome.reason === "pending" ? "account.vetted.alreadyPending" : "account.vetted.unchanged";
      return data(
        { intent, result: submission.reply({ formErrors: [message] }), done: false },
        { status: outcome.reason === "pending" ? 409 : 400 },
      );
    }
    return redirect("/settings?saved=change-requested#profile-change");
  }

  if (intent === "withdraw-change") {
    const parsed = withdrawProfileChangeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) badRequest();
    requireConfirmation(request, formData, "withdrawProfileChange");
    const outcome = await withdrawProfileChange(db, viewer.id, parsed.data.request);
    return redirect(`/settings?saved=${outcome.ok ? "change-withdrawn" : "change-gone"}#profile-change`);
  }

  if (intent === "password") {
    const submission = await parseWithZod(formData, {
      schema: passwordSchema.superRefine(async (value, ctx) => {
        const user = await findUserById(db, viewer.id);
        if (!user || !(await verifyPassword(user.password_hash, value.currentPassword))) {
          ctx.addIssue({ code: "custom", path: ["currentPassword"], message: "validation.currentPasswordWrong" });
        }
      }),
      async: true,
    });
    if (submission.status !== "success") {
      return data(
        { intent, result: submission.reply({ hideFields: ["currentPassword", "newPassword", "confirmPassword"] }), done: false },
        { status: 400 },
      );
    }
    const { session } = await getAuth(request);
    await changePassword(db, viewer.id, submission.value.newPassword, session?.id ?? null);
    return redirect("/settings?saved=password");
  }

  if (intent === "revoke") {
    const handle = formData.get("session");
    if (typeof handle !== "string") badRequest();
    requireConfirmation(request, formData, "revokeSession");
    const revoked = await revokeSession(db, viewer.id, handle);
    return redirect(revoked ? "/settings?saved=revoked" : "/settings?saved=gone");
  }
  badRequest();
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
  const { date } = useSite();
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
  const [changeForm, changeFields] = useForm({
    id: "profile-change-form",
    lastResult: actionData?.intent === "request-change" ? actionData.result : undefined,
    defaultValue: { ...vetted, note: "" },
    constraint: getZodConstraint(profileChangeRequestSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileChangeRequestSchema }),
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

      <section aria-labelledby="settings-vetted" className="panel" id="profile-change">
        <h2 id="settings-vetted">{t("account.vetted.title")}</h2>
        <dl className="facts">
          <dt>{t("join.memberType")}</dt>
          <dd>{t(`memberType.${vetted.memberType}`)}</dd>
          <dt>{t("join.organization")}</dt>
          <dd>{vetted.organization}</dd>
        </dl>
        {pendingChange ? (
          <>
            <Notice>
              {t("account.vetted.pending", {
                date: date(pendingChange.createdAt),
                memberType: t(`memberType.${pendingChange.memberType}`),
                organization: pendingChange.organization,
              })}
            </Notice>
            <Form method="post" reloadDocument>
              <input type="hidden" name="intent" value="withdraw-change" />
              <input type="hidden" name="request" value={pendingChange.id} />
              <ConfirmButton kind="withdrawProfileChange" className="button">
                {t("account.vetted.withdraw")}
              </ConfirmButton>
            </Form>
          </>
        ) : (
          <>
            {lastDecision ? (
              <p className={lastDecision.status === "rejected" ? "notice notice--warning" : "notice notice--info"}>
                {lastDecision.status === "rejected"
                  ? t("account.vetted.rejected", { date: date(lastDecision.createdAt), reason: lastDecision.reason ?? "" })
                  : t("account.vetted.approved", { date: date(lastDecision.createdAt) })}
              </p>
            ) : null}
            {canRequestChange ? (
              <Form method="post" reloadDocument {...getFormProps(changeForm)} className="stack">
                <input type="hidden" name="intent" value="request-change" />
                <p className="field__hint">{t("account.vetted.intro")}</p>
                <FormErrors errors={changeForm.errors} />
                <SelectField meta={changeFields.memberType} label={t("join.memberType")} required>
                  <MemberTypeOptions />
                </SelectField>
                <InputField
                  meta={changeFields.organization}
                  label={t("join.organization")}
                  autoComplete="organization"
                  required
                />
                <TextareaField meta={changeFields.note} label={t("account.vetted.note")} hint={t("account.vetted.noteHint")} />
                <button type="submit" className="button">
                  {t("account.vetted.submit")}
                </button>
              </Form>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="settings-password" className="panel">
        <h2 id="settings-password">{t("settings.password")}</h2>
        <Form method="post" {...getFormProps(passwordForm)} className="stack">
          <input type="hidden" name="intent" value="password" />
          <input type="text" name="username" autoComplete="username" defaultValue={account.email} hidden readOnly />
          <InputField
            meta={passwordFields.currentPassword}
            label={t("settings.currentPassword")}
            type="password"
            autoComplete="current-password"
            required
          />
          <InputField
            meta={passwordFields.newPassword}
            label={t("settings.newPassword")}
            hint={t("join.passwordHint")}
            type="password"
            autoComplete="new-password"
            required
          />
          <InputField
            meta={passwordFields.confirmPassword}
            label={t("settings.confirmPassword")}
            type="password"
            autoComplete="new-password"
            required
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
          <Link to="/settings/two-factor">{t("security.twoFactor.settingsLink")}</Link>
        </p>
      </section>

      <section aria-labelledby="settings-sessions" className="panel">
        <h2 id="settings-sessions">{t("settings.sessions")}</h2>
        <p>{t("settings.sessionsIntro")}</p>
        <ul className="session-list">
          {sessions.map((session) => (
            <li key={session.handle} className="session-list__item">
              <div>
                <strong>{session.user_agent || t("settings.unknownDevice")}</strong>
                {session.current ? <span className="badge badge--info">{t("settings.thisSession")}</span> : null}
                <br />
                <span className="muted">
                  {session.ip_address} · {t("settings.sessionStarted", { date: date(session.created_at, true) })} ·{" "}
                  {t("settings.sessionExpires", { date: date(new Date(session.expires_at * 1000).toISOString(), true) })}
                </span>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="session" value={session.handle} />
                <ConfirmButton kind="revokeSession" className="button button--quiet">
                  {t("settings.revoke")}
                </ConfirmButton>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
