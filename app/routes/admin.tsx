import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize, can } from "~/policies";
import type { RouteHandle } from "~/root";
import { requireViewer } from "~/utils/auth.server";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";
import { adminPath } from "~/utils/paths";

export const handle: RouteHandle = { title: (t) => t("admin.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  // Admins and moderators enter; each page authorizes its own action. The tabs show what the viewer may use.
  authorize(viewer, "admin:area");
  requireSecondFactorIfNeeded(viewer, request);
  return {
    tabs: {
      applications: can(viewer, "site:admin"),
      members: can(viewer, "site:admin"),
      categories: can(viewer, "category:manage"),
      moderation: can(viewer, "moderation:queue"),
      audit: can(viewer, "audit:view"),
    },
  };
}

export default function AdminLayout() {
  const { t } = useTranslation();
  const tabs = useLoaderData<typeof loader>()?.tabs;
  return (
    <div className="page">
      <h1>{t("admin.title")}</h1>
      <nav aria-label={t("admin.title")} className="tabs">
        {tabs?.applications ? (
          <NavLink to={adminPath()} end>
            {t("admin.overview")}
          </NavLink>
        ) : null}
        {tabs?.members ? <NavLink to={adminPath("members")}>{t("admin.members")}</NavLink> : null}
        {tabs?.categories ? <NavLink to={adminPath("categories")}>{t("forums.admin.tab")}</NavLink> : null}
        {tabs?.moderation ? <NavLink to={adminPath("moderation")}>{t("forums.moderation.tab")}</NavLink> : null}
        {tabs?.audit ? <NavLink to={adminPath("audit")}>{t("admin.audit")}</NavLink> : null}
      </nav>
      <Outlet />
    </div>
  );
}
