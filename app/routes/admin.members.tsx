import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { SITE_ROLES, USER_STATUSES, type UserStatus } from "~/domain/vocabulary";
import { MemberByline } from "~/components/member-card";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { findUserById, listUsersForAdmin } from "~/models/user.server";
import { authorize, can } from "~/policies";
import { changeSiteRole, setSuspended } from "~/services/accounts.server";
import { resetTwoFactor } from "~/services/two-factor.server";
import { requireViewer } from "~/utils/auth.server";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";
import { getDb } from "~/utils/db.server";
import { badRequest, notFound } from "~/utils/http.server";
import { siteRoleField } from "~/schemas/primitives";
import { readForm } from "~/utils/form.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { ConfirmButton } from "~/components/ui/confirm-form";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "site:admin");
  requireSecondFactorIfNeeded(viewer, request);
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status");
  const status = (USER_STATUSES as readonly string[]).includes(statusParam ?? "") ? (statusParam as UserStatus) : undefined;
  const q = url.searchParams.get("q")?.trim().slice(0, 100) || undefined;
  const before = Number(url.searchParams.get("before")) || undefined;
  const { users, nextBefore } = await listUsersForAdmin(getDb(), { status, q, before });
  return {
    users: users.map((user) => {
      const resource = { kind: "user" as const, id: user.id, status: user.status, siteRole: user.site_role };
      return {
        ...user,
        canChangeRole: can(viewer, "user:change-role", resource),
        canSuspend: can(viewer, "user:suspend", resource),
        canResetTwoFactor: user.two_factor_enabled_at !== null && can(viewer, "user:reset-two-factor", resource),
      };
    }),
    status: status ?? "",
    q: q ?? "",
    nextBefore,
    viewerId: viewer.id,
  };
}

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), userId: z.coerce.number().int().positive(), role: siteRoleField }),
  z.object({
    intent: z.enum(["suspend", "reinstate"]),
    userId: z.coerce.number().int().positive(),
    reason: z.string().trim().max(1000, "validation.tooLong").default(""),
  }),
  z.object({
    intent: z.literal("reset-two-factor"),
    userId: z.coerce.number().int().positive(),
    // A reset is how an account is taken over: the admin confirms they checked who is asking.
    confirm: z.literal("yes", { errorMap: () => ({ message: "security.admin.resetConfirmNeeded" }) }),
  }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "site:admin");
  requireSecondFactorIfNeeded(viewer, request);
  const form = Object.fromEntries(await readForm(request));
  const parsed = schema.safeParse(form);
  if (!parsed.success) {
    const userId = Number(form.userId);
    if (!Number.isSafeInteger(userId)) badRequest();
    return data({ userId, error: parsed.error.issues[0]?.message ?? "validation.formInvalid" }, { status: 400 });
  }
  const db = getDb();
  const user = await findUserById(db, parsed.data.userId);
  if (!user) notFound();
  const resource = { kind: "user" as const, id: user.id, status: user.status, siteRole: user.site_role };
  const back = new URL(request.url).search;
  const params = new URLSearchParams(back);
  if (parsed.data.intent === "role") {
    authorize(viewer, "user:change-role", resource);
    await changeSiteRole(db, viewer.id, user.id, parsed.data.role);
    params.set("changed", `${user.display_name}|${parsed.data.role}`);
  } else if (parsed.data.intent === "reset-two-factor") {
    authorize(viewer, "user:reset-two-factor", resource);
    await resetTwoFactor(db, viewer.id, user.id, "admin");
    params.set("reset", user.display_name);
  } else {
    authorize(viewer, "user:suspend", resource);
    if (parsed.data.intent === "suspend") requireConfirmation(request, form, "suspendMember", { name: user.display_name });
    await setSuspended(db, viewer.id, user.id, parsed.data.intent === "suspend", parsed.data.reason);
    params.set(parsed.data.intent === "suspend" ? "suspended" : "reinstated", user.display_name);
  }
  return redirect(`/admin/members?${params}`);
}

export default function AdminMembers() {
  const { t } = useTranslation();
  const { users, status, q, nextBefore, viewerId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const changed = searchParams.get("changed")?.split("|");
  const suspended = searchParams.get("suspended");
  const reinstated = searchParams.get("reinstated");
  const reset = searchParams.get("reset");
  const nextParams = new URLSearchParams(searchParams);
  if (nextBefore) nextParams.set("before", String(nextBefore));
  return (
    <section aria-labelledby="admin-members-title">
      <h2 id="admin-members-title">{t("admin.members")}</h2>
      {changed && changed.length === 2 ? (
        <Notice>{t("admin.roleChanged", { name: changed[0], role: t(`siteRole.${changed[1] as "member"}`) })}</Notice>
      ) : null}
      {suspended ? <Notice>{t("admin.suspended", { name: suspended })}</Notice> : null}
      {reinstated ? <Notice>{t("admin.reinstated", { name: reinstated })}</Notice> : null}
      {reset ? <Notice>{t("security.admin.resetDone", { name: reset })}</Notice> : null}
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="admin-q" className="field__label">
            {t("members.searchLabel")}
          </label>
          <input id="admin-q" type="search" name="q" defaultValue={q} />
        </div>
        <div className="field">
          <label htmlFor="admin-status" className="field__label">
            {t("admin.statusFilter")}
          </label>
          <select id="admin-status" name="status" defaultValue={status}>
            <option value="">{t("members.allTypes")}</option>
            {USER_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`userStatus.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("common.filter")}
        </button>
      </Form>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("members.title")}</th>
              <th scope="col">{t("settings.statusLabel")}</th>
              <th scope="col">{t("admin.role")}</th>
              <th scope="col">{t("admin.suspendReason")}</th>
              <th scope="col">{t("security.admin.column")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const error = actionData && actionData.userId === user.id ? actionData.error : null;
              return (
                <tr key={user.id}>
                  <td>
                    <MemberByline member={user} />
                    <div className="muted">{user.email}</div>
                    {user.id === viewerId ? <Badge>{t("admin.you")}</Badge> : null}
                    {error ? (
                      <p className="form-errors" role="alert">
                        {t(error as never)}
                      </p>
                    ) : null}
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
                            <input
                              id={`suspend-${user.id}`}
                              name="reason"
                              placeholder={t("admin.suspendReason")}
                              maxLength={1000}
                            />
                            <ConfirmButton
                              name="intent"
                              value="suspend"
                              kind="suspendMember"
                              values={{ name: user.display_name }}
                            >
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
            })}
          </tbody>
        </table>
      </div>
      {nextBefore ? (
        <nav className="pagination" aria-label={t("common.next")}>
          <Link to={`?${nextParams}`}>{t("common.next")} →</Link>
        </nav>
      ) : null}
    </section>
  );
}
