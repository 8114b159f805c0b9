import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VisibilityBadge } from "~/components/visibility-badge";
import { listGroups } from "~/models/group.server";
import { readableScope } from "~/policies";
import type { RouteHandle } from "~/root";
import { getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { useSite } from "~/utils/use-site";

export const handle: RouteHandle = { title: (t) => t("groups.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  return { groups: await listGroups(getDb(), readableScope(viewer)) };
}

export default function Groups() {
  const { t } = useTranslation();
  const { groups } = useLoaderData<typeof loader>();
  const { date } = useSite();
  return (
    <div className="page">
      <h1>{t("groups.title")}</h1>
      <p className="lead">{t("groups.intro")}</p>
      <ul className="card-list">
        {groups.map((group) => {
          const latest = [group.updated_at, group.latest_document_at].filter(Boolean).sort().pop();
          return (
            <li key={group.id} className="card">
              <h2 className="card__title">
                <Link to={`/groups/${group.slug}`}>{group.name}</Link> <VisibilityBadge visibility={group.visibility} />
              </h2>
              <p className="card__summary">{group.purpose}</p>
              <p className="card__meta">
                {t("common.count_members", { count: Number(group.member_count ?? 0) })} · {t(`visibilityHint.${group.visibility}`)}
                {latest ? ` · ${t("common.lastActivity", { date: date(latest) })}` : ""}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
