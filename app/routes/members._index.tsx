import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MEMBER_TYPES, type MemberType } from "~/domain/vocabulary";
import { MemberByline } from "~/components/member-card";
import { Badge } from "~/components/ui/badge";
import { listMembers } from "~/models/user.server";
import { authorize } from "~/policies";
import type { RouteHandle } from "~/root";
import { requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

export const handle: RouteHandle = { title: (t) => t("members.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "members:list");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.trim().slice(0, 100) || undefined;
  const type = url.searchParams.get("type");
  const memberType = (MEMBER_TYPES as readonly string[]).includes(type ?? "") ? (type as MemberType) : undefined;
  const afterName = url.searchParams.get("afterName");
  const afterId = Number(url.searchParams.get("afterId"));
  const after = afterName !== null && Number.isSafeInteger(afterId) && afterId > 0 ? { name: afterName, id: afterId } : undefined;
  const { members, hasMore } = await listMembers(getDb(), { q, memberType, after });
  const last = members[members.length - 1];
  return {
    members,
    q: q ?? "",
    memberType: memberType ?? "",
    next: hasMore && last ? { afterName: last.display_name, afterId: last.id } : null,
  };
}

export default function Members() {
  const { t } = useTranslation();
  const { members, q, memberType, next } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const nextParams = new URLSearchParams(searchParams);
  if (next) {
    nextParams.set("afterName", next.afterName);
    nextParams.set("afterId", String(next.afterId));
  }
  return (
    <div className="page">
      <h1>{t("members.title")}</h1>
      <p className="lead">{t("members.intro")}</p>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="members-q" className="field__label">
            {t("members.searchLabel")}
          </label>
          <input id="members-q" type="search" name="q" defaultValue={q} />
        </div>
        <div className="field">
          <label htmlFor="members-type" className="field__label">
            {t("members.memberTypeFilter")}
          </label>
          <select id="members-type" name="type" defaultValue={memberType}>
            <option value="">{t("members.allTypes")}</option>
            {MEMBER_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`memberType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("common.filter")}
        </button>
      </Form>
      {members.length ? (
        <ul className="member-list">
          {members.map((member) => (
            <li key={member.id}>
              <MemberByline member={member} />
              {member.site_role !== "member" ? <Badge tone="info">{t(`siteRole.${member.site_role}`)}</Badge> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("members.noMembers")}</p>
      )}
      {next ? (
        <nav aria-label={t("common.next")} className="pagination">
          <Link to={`?${nextParams}`}>{t("common.next")} →</Link>
        </nav>
      ) : null}
    </div>
  );
}
