import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize } from "~/policies";
import type { RouteHandle } from "~/root";
import { requireViewer } from "~/utils/auth.server";

export const handle: RouteHandle = { title: (t) => t("admin.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "site:admin");
  return null;
}

export default function AdminLayout() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("admin.title")}</h1>
      <nav aria-label={t("admin.title")} className="tabs">
        <NavLink to="/admin" end>
          {t("admin.overview")}
        </NavLink>
        <NavLink to="/admin/members">{t("admin.members")}</NavLink>
        <NavLink to="/admin/audit">{t("admin.audit")}</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
