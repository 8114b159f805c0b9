import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { listGroupsOfUser } from "~/models/group.server";
import { findProfileByUsername } from "~/models/user.server";
import { authorize, readableScope } from "~/policies";
import { requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { countryName } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { useSite } from "~/utils/use-site";
import { groupPath } from "~/utils/paths";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const db = getDb();
  const profile = await findProfileByUsername(db, params.username ?? "");
  if (!profile) notFound();
  authorize(viewer, "profile:view", { kind: "user", id: profile.id, status: profile.status, siteRole: profile.site_role });
  const groups = await listGroupsOfUser(db, profile.id, readableScope(viewer));
  return { profile, groups, title: profile.display_name };
}

export default function MemberProfile() {
  const { t } = useTranslation();
  const { profile, groups } = useLoaderData<typeof loader>();
  const { language, date } = useSite();
  return (
    <div className="page page--narrow">
      <h1>{profile.display_name}</h1>
      <p className="muted">@{profile.username}</p>
      {profile.status === "pending" ? <p className="notice notice--info">{t("members.pendingProfile")}</p> : null}
      <dl className="facts">
        <dt>{t("members.organization")}</dt>
        <dd>{profile.organization}</dd>
        <dt>{t("members.country")}</dt>
        <dd>{countryName(profile.country, language)}</dd>
        <dt>{t("members.memberType")}</dt>
        <dd>{t(`memberType.${profile.member_type}`)}</dd>
        {profile.site_role !== "member" ? (
          <>
            <dt>{t("settings.roleLabel")}</dt>
            <dd>{t(`siteRole.${profile.site_role}`)}</dd>
          </>
        ) : null}
      </dl>
      <p className="muted">{t("members.joined", { date: date(profile.created_at) })}</p>
      {profile.bio ? <p className="bio">{profile.bio}</p> : null}
      <h2>{t("members.groups")}</h2>
      {groups.length ? (
        <ul className="plain-list">
          {groups.map((group) => (
            <li key={group.slug}>
              <Link to={groupPath(group.slug)}>{group.name}</Link> <Badge>{t(`groupRole.${group.role}`)}</Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("members.noGroups")}</p>
      )}
    </div>
  );
}
