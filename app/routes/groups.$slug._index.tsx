// A working group's overview: charter, chairs, what is coming up and what happened recently.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingTime } from "~/components/group/meeting-time";
import { ProposalStateBadge } from "~/components/group/proposal-state";
import { useGroupSpace } from "~/components/group/use-group-space";
import { PeopleList } from "~/components/group/people-list";
import { Notice } from "~/components/ui/notice";
import { listGroupActivity, type ActivityKind } from "~/models/group-activity.server";
import { listGroupMembers } from "~/models/group.server";
import { listUpcomingMeetings } from "~/models/meeting.server";
import { listOpenProposals, proposalState } from "~/models/proposal.server";
import { can, readableScope } from "~/policies";
import { isGroupMember } from "~/policies/viewer";
import { readGroup } from "~/services/groups/context.server";
import { decisionPath, groupPath, meetingPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, group, resource } = await readGroup(request, params.slug);
  const now = new Date().toISOString();
  const [members, activity, upcoming, open] = await Promise.all([
    listGroupMembers(db, group.id),
    listGroupActivity(db, group, readableScope(viewer), { includeDraftRevisions: isGroupMember(viewer, group.id) }),
    listUpcomingMeetings(db, group.id, now, 3),
    listOpenProposals(db, group.id),
  ]);
  return {
    charterHtml: group.charter_html,
    chairs: members.filter((member) => member.role === "chair"),
    editors: members.filter((member) => member.role === "editor"),
    activity,
    upcoming,
    openProposals: open.slice(0, 5).map((proposal) => ({ ...proposal, state: proposalState(proposal, now) })),
    canEditCharter: can(viewer, "group:edit", resource),
  };
}

const ACTIVITY_KEYS: Record<ActivityKind, string> = {
  topic: "groups.activity.topic",
  revision: "groups.activity.revision",
  publication: "groups.activity.publication",
  meeting: "groups.activity.meeting",
  minutes: "groups.activity.minutes",
  proposal: "groups.activity.proposal",
  decision: "groups.activity.decision",
};

const NOTICES = {
  joined: "groups.notices.joined",
  requested: "groups.notices.requested",
  created: "groups.notices.created",
  saved: "groups.notices.saved",
} as const;

export default function GroupOverview() {
  const { t } = useTranslation();
  const { charterHtml, chairs, editors, activity, upcoming, openProposals, canEditCharter } = useLoaderData<typeof loader>();
  const { group } = useGroupSpace();
  const { date } = useSite();
  const [searchParams] = useSearchParams();
  const notice = searchParams.get("done") as keyof typeof NOTICES | null;
  return (
    <>
      {notice && NOTICES[notice] ? <Notice>{t(NOTICES[notice])}</Notice> : null}
      <div className="with-sidebar">
        <div className="stack">
          <section aria-labelledby="activity-title" className="panel">
            <h2 id="activity-title">{t("groups.activity.title")}</h2>
            {activity.length ? (
              <ol className="activity-list">
                {activity.map((item, i) => (
                  <li key={`${item.kind}-${item.url}-${i}`} className={`activity activity--${item.kind}`}>
                    <span className="activity__kind">{t(ACTIVITY_KEYS[item.kind] as "groups.activity.topic")}</span>{" "}
                    <Link to={item.url}>{item.title}</Link>
                    {item.kind === "revision" && item.detail ? <span className="muted"> — {item.detail}</span> : null}
                    {item.kind === "publication" && item.detail ? (
                      <span className="muted"> — {t("library.version", { version: item.detail })}</span>
                    ) : null}
                    {item.kind === "topic" && item.detail ? <span className="muted"> — {item.detail}</span> : null}
                    <br />
                    <span className="muted">
                      {item.actor ? `${item.actor} · ` : ""}
                      <time dateTime={item.at}>{date(item.at, true)}</time>
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="empty-state">{t("groups.activity.empty")}</p>
            )}
          </section>
          <article className="prose" aria-labelledby="charter-title">
            <h2 id="charter-title">{t("groups.charter")}</h2>
            <div dangerouslySetInnerHTML={{ __html: charterHtml }} />
            {canEditCharter ? (
              <p>
                <Link to={groupPath(group.slug, "edit")}>{t("groups.edit.charterLink")}</Link>
              </p>
            ) : null}
          </article>
        </div>
        <aside className="sidebar">
          <section aria-labelledby="chairs-title">
            <h2 id="chairs-title">{t("groups.chairs")}</h2>
            {chairs.length ? <PeopleList people={chairs} /> : <p>{t("groups.noChairs")}</p>}
            {editors.length ? (
              <>
                <h3>{t("groups.editors")}</h3>
                <PeopleList people={editors} />
              </>
            ) : null}
          </section>
          <section aria-labelledby="upcoming-title">
            <h2 id="upcoming-title">{t("groups.meetings.upcoming")}</h2>
            {upcoming.length ? (
              <ul className="plain-list">
                {upcoming.map((meeting) => (
                  <li key={meeting.id}>
                    <Link to={meetingPath(group.slug, meeting.id)}>{meeting.title}</Link>
                    {meeting.cancelled_at ? <span className="badge badge--warning">{t("groups.meetings.cancelled")}</span> : null}
                    <br />
                    <MeetingTime startsAt={meeting.starts_at} endsAt={meeting.ends_at} timeZone={meeting.time_zone} compact />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("groups.meetings.noUpcoming")}</p>
            )}
            <p>
              <Link to={groupPath(group.slug, "meetings")}>{t("groups.meetings.all")} →</Link>
            </p>
          </section>
          <section aria-labelledby="open-proposals-title">
            <h2 id="open-proposals-title">{t("groups.decisions.openTitle")}</h2>
            {openProposals.length ? (
              <ul className="plain-list">
                {openProposals.map((proposal) => (
                  <li key={proposal.id}>
                    <Link to={decisionPath(group.slug, proposal.id)}>{proposal.title}</Link>{" "}
                    <ProposalStateBadge state={proposal.state} />
                    <br />
                    <span className="muted">{t("groups.decisions.closes", { date: date(proposal.closes_at, true) })}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("groups.decisions.noOpen")}</p>
            )}
            <p>
              <Link to={groupPath(group.slug, "decisions")}>{t("groups.decisions.log")} →</Link>
            </p>
          </section>
        </aside>
      </div>
    </>
  );
}
