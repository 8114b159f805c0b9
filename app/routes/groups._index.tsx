import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { VisibilityBadge } from "~/components/visibility-badge";
import { listGroups } from "~/models/group.server";
import { can, groupRole, readableScope } from "~/policies";
import type { RouteHandle } from "~/root";
import { getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { groupPath, newGroupPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";

export const handle: RouteHandle = { title: (t) => t("groups.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const groups = await listGroups(getDb(), readableScope(viewer));
  return {
    groups: groups.map((group) => ({ ...group, viewerRole: groupRole(viewer, group.id) ?? null })),
    canCreate: can(viewer, "group:create"),
  };
}

export default function Groups() {
  const { t } = useTranslation();
  const { groups, canCreate } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { date } = useSite();
  return (
    <div className="page">
      <div className="page-header group-list-header">
        <h1>{t("groups.title")}</h1>
        {canCreate ? (
          <Link to={newGroupPath()} className="button button--primary">
            {t("groups.create.link")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("groups.intro")}</p>
      {searchParams.get("done") === "left" ? <Notice>{t("groups.notices.left")}</Notice> : null}
      {groups.length === 0 ? <p className="empty-state">{t("groups.none")}</p> : null}
      <ul className="card-list">
        {groups.map((group) => (
          <li key={group.id} className="card">
            <h2 className="card__title">
              <Link to={groupPath(group.slug)}>{group.name}</Link> <VisibilityBadge visibility={group.visibility} />{" "}
              {group.viewerRole ? <Badge tone="info">{t(`groupRole.${group.viewerRole}`)}</Badge> : null}
            </h2>
            <p className="card__summary">{group.purpose}</p>
            <p className="card__meta">
              {t("common.count_members", { count: group.member_count })} · {t(`visibilityHint.${group.visibility}`)}
              {" · "}
              {group.latest_activity_at
                ? t("common.lastActivity", { date: date(group.latest_activity_at) })
                : t("common.noActivity")}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
