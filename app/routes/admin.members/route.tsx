import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { USER_STATUSES, type UserStatus } from "~/domain/vocabulary";
import { AdminMemberRow } from "~/components/account/admin-member-row";
import { FilterForm, NextPageLink, nextPageQuery, SearchFilter, SelectFilter } from "~/components/ui/filters";
import { Notice } from "~/components/ui/notice";
import { listUsersForAdmin, userResource } from "~/models/user.server";
import { can } from "~/policies";
import { getDb } from "~/utils/db.server";
import { readForm } from "~/utils/form.server";
import { runIntent } from "~/utils/intents.server";
import { requireAuthorizedViewer } from "~/utils/second-factor.server";
import { changeRoleAction, invalidMemberAction, reinstateAction, resetTwoFactorAction, suspendAction } from "./actions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireAuthorizedViewer(request, "site:admin");
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status");
  const status = (USER_STATUSES as readonly string[]).includes(statusParam ?? "") ? (statusParam as UserStatus) : undefined;
  const q = url.searchParams.get("q")?.trim().slice(0, 100) || undefined;
  const before = Number(url.searchParams.get("before")) || undefined;
  const { users, nextBefore } = await listUsersForAdmin(getDb(), { status, q, before });
  return {
    users: users.map((user) => {
      const resource = userResource(user);
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

const INTENTS = {
  role: changeRoleAction,
  suspend: suspendAction,
  reinstate: reinstateAction,
  "reset-two-factor": resetTwoFactorAction,
};

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireAuthorizedViewer(request, "site:admin");
  const form = Object.fromEntries(await readForm(request));
  return runIntent(INTENTS, form.intent, { viewer, form, request }, invalidMemberAction);
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
  return (
    <section aria-labelledby="admin-members-title">
      <h2 id="admin-members-title">{t("admin.members")}</h2>
      {changed && changed.length === 2 ? (
        <Notice>{t("admin.roleChanged", { name: changed[0], role: t(`siteRole.${changed[1] as "member"}`) })}</Notice>
      ) : null}
      {suspended ? <Notice>{t("admin.suspended", { name: suspended })}</Notice> : null}
      {reinstated ? <Notice>{t("admin.reinstated", { name: reinstated })}</Notice> : null}
      {reset ? <Notice>{t("security.admin.resetDone", { name: reset })}</Notice> : null}
      <FilterForm>
        <SearchFilter id="admin-q" label={t("members.searchLabel")} defaultValue={q} />
        <SelectFilter
          id="admin-status"
          name="status"
          label={t("admin.statusFilter")}
          allLabel={t("members.allTypes")}
          defaultValue={status}
          options={USER_STATUSES.map((value) => ({ value, label: t(`userStatus.${value}`) }))}
        />
      </FilterForm>
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
            {users.map((user) => (
              <AdminMemberRow
                key={user.id}
                user={user}
                isViewer={user.id === viewerId}
                error={actionData && actionData.userId === user.id ? actionData.error : null}
              />
            ))}
          </tbody>
        </table>
      </div>
      {nextBefore ? <NextPageLink to={nextPageQuery(searchParams, { before: nextBefore })} label={t("common.next")} /> : null}
    </section>
  );
}
