// The header of a working group's space: what the group is, the viewer's place in it, the actions
// they may take (the loader decides which), and the tabs of the space.
import { Form, Link, NavLink, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { GroupRole, GroupVisibility } from "~/domain/vocabulary";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { VisibilityBadge } from "~/components/visibility-badge";
import { JoinFields } from "./join-fields";
import { groupPath, groupsPath, loginPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";

export interface GroupHeaderData {
  group: { slug: string; name: string; purpose: string; visibility: GroupVisibility };
  memberCount: number;
  viewerRole: GroupRole | null;
  pendingRequest: { createdAt: string } | null;
  watching: boolean;
  pendingRequestCount: number;
  can: { join: boolean; requestJoin: boolean; leave: boolean; watch: boolean; edit: boolean; manageMembers: boolean };
  signInToJoin: boolean;
}

export function GroupHeader({ data }: { data: GroupHeaderData }) {
  const { t } = useTranslation();
  const { date } = useSite();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const watchChange = searchParams.get("watch");
  const { group, can } = data;
  const base = groupPath(group.slug);
  return (
    <>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={groupsPath()}>{t("groups.title")}</Link>
      </nav>
      <header className="page-header group-header">
        <div className="group-header__text">
          <h1>
            {group.name} <VisibilityBadge visibility={group.visibility} />
          </h1>
          <p className="lead">{group.purpose}</p>
          <p className="muted">
            {t("common.count_members", { count: data.memberCount })} · {t(`visibilityHint.${group.visibility}`)}
            {data.viewerRole ? (
              <>
                {" · "}
                <Badge tone="info">{t("groups.youAre", { role: t(`groupRole.${data.viewerRole}`) })}</Badge>
              </>
            ) : null}
          </p>
          {data.pendingRequest ? (
            <p className="notice notice--info">
              {t("groups.join.pendingSince", { date: date(data.pendingRequest.createdAt) })}{" "}
              <Link to={groupPath(group.slug, "join")}>{t("groups.join.seeRequest")}</Link>
            </p>
          ) : null}
        </div>
        <div className="group-header__actions" aria-label={t("groups.actions")} role="group">
          {can.join ? (
            <Form method="post" action={groupPath(group.slug, "join")}>
              <JoinFields />
            </Form>
          ) : null}
          {can.requestJoin && !data.pendingRequest ? (
            <Link to={groupPath(group.slug, "join")} className="button button--primary">
              {t("groups.join.ask")}
            </Link>
          ) : null}
          {data.signInToJoin ? (
            <Link to={loginPath(base)} className="button">
              {t("groups.join.signIn")}
            </Link>
          ) : null}
          {can.watch ? (
            <Form method="post" action={groupPath(group.slug, "watch")}>
              <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
              <button
                type="submit"
                name="intent"
                value={data.watching ? "unwatch" : "watch"}
                className="button button--quiet"
                aria-describedby="group-watch-hint"
              >
                {data.watching ? t("groups.watch.stop") : t("groups.watch.start")}
              </button>
              <span id="group-watch-hint" className="visually-hidden">
                {data.watching ? t("groups.watch.watchingHint") : t("groups.watch.hint")}
              </span>
            </Form>
          ) : null}
          {can.edit ? (
            <Link to={groupPath(group.slug, "edit")} className="button button--quiet">
              {t("groups.edit.link")}
            </Link>
          ) : null}
          {can.leave ? (
            <Link to={groupPath(group.slug, "leave")} className="button button--quiet">
              {t("groups.leave.link")}
            </Link>
          ) : null}
        </div>
      </header>
      {watchChange === "on" ? <Notice>{t("groups.watch.started")}</Notice> : null}
      {watchChange === "off" ? <Notice>{t("groups.watch.stopped")}</Notice> : null}
      <nav aria-label={t("groups.tabs", { name: group.name })} className="tabs group-tabs">
        <NavLink to={base} end>
          {t("groups.overview")}
        </NavLink>
        <NavLink to={groupPath(group.slug, "discussions")}>{t("groups.discussions")}</NavLink>
        <NavLink to={groupPath(group.slug, "documents")}>{t("groups.documents")}</NavLink>
        <NavLink to={groupPath(group.slug, "meetings")}>{t("groups.meetings.title")}</NavLink>
        <NavLink to={groupPath(group.slug, "decisions")}>{t("groups.decisions.title")}</NavLink>
        <NavLink to={groupPath(group.slug, "members")}>
          {t("groups.members")}
          {can.manageMembers && data.pendingRequestCount ? (
            <span className="group-tabs__count">
              {" "}
              <Badge tone="warning">{t("groups.requests.count", { count: data.pendingRequestCount })}</Badge>
            </span>
          ) : null}
        </NavLink>
      </nav>
    </>
  );
}
