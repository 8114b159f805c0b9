import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MEMBER_TYPES, type MemberType } from "~/domain/vocabulary";
import { MemberByline } from "~/components/member-card";
import { Badge } from "~/components/ui/badge";
import { FilterForm, NextPageLink, nextPageQuery, SearchFilter, SelectFilter } from "~/components/ui/filters";
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
  return (
    <div className="page">
      <h1>{t("members.title")}</h1>
      <p className="lead">{t("members.intro")}</p>
      <FilterForm>
        <SearchFilter id="members-q" label={t("members.searchLabel")} defaultValue={q} />
        <SelectFilter
          id="members-type"
          name="type"
          label={t("members.memberTypeFilter")}
          allLabel={t("members.allTypes")}
          defaultValue={memberType}
          options={MEMBER_TYPES.map((type) => ({ value: type, label: t(`memberType.${type}`) }))}
        />
      </FilterForm>
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
      {next ? <NextPageLink to={nextPageQuery(searchParams, next)} label={t("common.next")} /> : null}
    </div>
  );
}
