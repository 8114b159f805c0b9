import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SITE_ROLES, type SiteRole, type UserStatus } from "~/domain/vocabulary";
import { MemberByline, type MemberSummary } from "~/components/member-card";
import { Badge } from "~/components/ui/badge";
import { ConfirmButton } from "~/components/ui/confirm-form";
import { InlineError } from "~/components/ui/inline-error";
import { REASON_MAX } from "~/schemas/admin";

export interface AdminMember extends MemberSummary {
  id: number;
  email: string;
  status: UserStatus;
  site_role: SiteRole;
  two_factor_enabled_at: string | null;
  canChangeRole: boolean;
  canSuspend: boolean;
  canResetTwoFactor: boolean;
}

/** A member's row on the administrators' members page: status, role, suspension, second factor. */
export function AdminMemberRow({ user, isViewer, error }: { user: AdminMember; isViewer: boolean; error: string | null }) {
  const { t } = useTranslation();
  return (
    <tr>
      <td>
        <MemberByline member={user} />
        <div className="muted">{user.email}</div>
        {isViewer ? <Badge>{t("admin.you")}</Badge> : null}
        <InlineError error={error} />
      </td>
      <td>
        <Badge tone={user.status === "approved" ? "success" : user.status === "pending" ? "info" : "warning"}>
          {t(`userStatus.${user.status}`)}
        </Badge>
      </td>
      <td>
        {user.canChangeRole ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="intent" value="role" />
            <label htmlFor={`role-${user.id}`} className="visually-hidden">
              {t("admin.role")}
            </label>
            <select id={`role-${user.id}`} name="role" defaultValue={user.site_role}>
              {SITE_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`siteRole.${role}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--quiet">
              {t("admin.changeRole")}
            </button>
          </Form>
        ) : (
          t(`siteRole.${user.site_role}`)
        )}
      </td>
      <td>
        {user.canSuspend && user.status !== "pending" && user.status !== "rejected" ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="userId" value={user.id} />
            {user.status === "suspended" ? (
              <button type="submit" name="intent" value="reinstate" className="button button--quiet">
                {t("admin.reinstate")}
              </button>
            ) : (
              <>
                <label htmlFor={`suspend-${user.id}`} className="visually-hidden">
                  {t("admin.suspendReason")}
                </label>
                <input id={`suspend-${user.id}`} name="reason" placeholder={t("admin.suspendReason")} maxLength={REASON_MAX} />
                <ConfirmButton name="intent" value="suspend" kind="suspendMember" values={{ name: user.display_name }}>
                  {t("admin.suspend")}
                </ConfirmButton>
              </>
            )}
          </Form>
        ) : null}
      </td>
      <td>
        <Badge tone={user.two_factor_enabled_at ? "success" : undefined}>
          {user.two_factor_enabled_at ? t("security.admin.on") : t("security.admin.off")}
        </Badge>
        {user.canResetTwoFactor ? (
          <Form method="post" className="stack">
            <input type="hidden" name="userId" value={user.id} />
            <label className="checkbox">
              <input type="checkbox" name="confirm" value="yes" required /> {t("security.admin.resetConfirm")}
            </label>
            <button type="submit" name="intent" value="reset-two-factor" className="button button--danger">
              {t("security.admin.reset")}
            </button>
          </Form>
        ) : null}
      </td>
    </tr>
  );
}
