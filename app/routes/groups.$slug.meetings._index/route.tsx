// The Meetings tab: upcoming and past meetings, and the group's calendar feed (a private address
// for members of a private group, revocable at any time).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingTime } from "~/components/group/meeting-time";
import { useGroupSpace } from "~/components/group/use-group-space";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { findCalendarToken } from "~/models/group.server";
import { listPastMeetings, listUpcomingMeetings } from "~/models/meeting.server";
import { authorize, can } from "~/policies";
import { readGroup, requireGroupViewer, runIntent } from "~/services/groups/context.server";
import { siteOrigin } from "~/utils/site-origin.server";
import { readForm } from "~/utils/form.server";
import { groupCalendarPath, meetingPath, newMeetingPath, withQuery } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import { ConfirmButton } from "~/components/ui/confirm-form";
import { resetLinkAction, revokeLinkAction } from "./actions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, group, resource } = await readGroup(request, params.slug);
  const now = new Date().toISOString();
  const before = new URL(request.url).searchParams.get("before") ?? undefined;
  const validBefore = before && !Number.isNaN(Date.parse(before)) ? new Date(before).toISOString() : undefined;
  const canHoldLink = can(viewer, "group:calendar-link", resource);
  const [upcoming, past, token] = await Promise.all([
    listUpcomingMeetings(db, group.id, now),
    listPastMeetings(db, group.id, now, { before: validBefore }),
    canHoldLink && viewer ? findCalendarToken(db, group.id, viewer.id) : null,
  ]);
  const feedPath = groupCalendarPath(group.slug);
  const origin = siteOrigin(request);
  const feedUrl =
    group.visibility === "private"
      ? token
        ? `${origin}${withQuery(feedPath, { token: token.token })}`
        : null
      : `${origin}${feedPath}`;
  return {
    upcoming,
    past: past.meetings,
    nextBefore: past.nextBefore,
    canSchedule: can(viewer, "meeting:schedule", resource),
    calendar: {
      feedUrl,
      subscribeUrl: feedUrl ? feedUrl.replace(/^https?:/, "webcal:") : null,
      canHoldLink,
      linkCreatedAt: token?.created_at ?? null,
      isPrivate: group.visibility === "private",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireGroupViewer(request, params.slug);
  authorize(context.viewer, "group:calendar-link", context.resource);
  const formData = await readForm(request);
  return runIntent({ "reset-link": resetLinkAction, "revoke-link": revokeLinkAction }, { ...context, request, formData });
}

export default function GroupMeetings() {
  const { t } = useTranslation();
  const { upcoming, past, nextBefore, canSchedule, calendar } = useLoaderData<typeof loader>();
  const { group } = useGroupSpace();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const site = useSite();
  const withoutZone = !site.viewer || site.timeZone === "UTC";
  return (
    <div className="with-sidebar">
      <div className="stack">
        {done === "link" ? <Notice>{t("groups.calendar.linkCreated")}</Notice> : null}
        {done === "revoked" ? <Notice>{t("groups.calendar.linkRevoked")}</Notice> : null}
        {done === "cancelled" ? <Notice>{t("groups.notices.meetingCancelled")}</Notice> : null}
        <div className="section-header">
          <h2 id="upcoming-title">{t("groups.meetings.upcoming")}</h2>
          {canSchedule ? (
            <Link to={newMeetingPath(group.slug)} className="button button--primary">
              {t("groups.meetings.schedule")}
            </Link>
          ) : null}
        </div>
        {upcoming.length ? (
          <ul className="card-list">
            {upcoming.map((meeting) => (
              <li key={meeting.id} className="card meeting-card">
                <h3 className="card__title">
                  <Link to={meetingPath(group.slug, meeting.id)}>{meeting.title}</Link>{" "}
                  {meeting.cancelled_at ? <Badge tone="warning">{t("groups.meetings.cancelled")}</Badge> : null}
                </h3>
                <p className="card__meta">
                  <MeetingTime startsAt={meeting.starts_at} endsAt={meeting.ends_at} timeZone={meeting.time_zone} compact />
                </p>
                <p className="card__meta">
                  {meeting.location ? `${meeting.location} · ` : ""}
                  {meeting.video_url ? `${t("groups.meetings.online")} · ` : ""}
                  {t("groups.meetings.attendingCount", { count: Number(meeting.attending_count ?? 0) })}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty-state">{t("groups.meetings.noUpcoming")}</p>
        )}
        {withoutZone && (upcoming.length || past.length) ? <p className="muted">{t("time.noZoneHint")}</p> : null}
        <h2 id="past-title">{t("groups.meetings.past")}</h2>
        {past.length ? (
          <ul className="card-list">
            {past.map((meeting) => (
              <li key={meeting.id} className="card meeting-card">
                <h3 className="card__title">
                  <Link to={meetingPath(group.slug, meeting.id)}>{meeting.title}</Link>{" "}
                  {meeting.cancelled_at ? <Badge tone="warning">{t("groups.meetings.cancelled")}</Badge> : null}
                  {meeting.minutes_at ? <Badge tone="success">{t("groups.meetings.hasMinutes")}</Badge> : null}
                </h3>
                <p className="card__meta">
                  <MeetingTime startsAt={meeting.starts_at} endsAt={meeting.ends_at} timeZone={meeting.time_zone} compact />
                  {meeting.minutes_at
                    ? ` · ${t("groups.meetings.attendedCount", { count: Number(meeting.attended_count ?? 0) })}`
                    : ""}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty-state">{t("groups.meetings.noPast")}</p>
        )}
        {nextBefore ? (
          <nav className="pagination" aria-label={t("groups.meetings.past")}>
            <Link to={`?before=${encodeURIComponent(nextBefore)}`}>{t("groups.meetings.older")} →</Link>
          </nav>
        ) : null}
      </div>
      <aside className="sidebar">
        <section aria-labelledby="calendar" className="calendar-panel">
          <h2 id="calendar">{t("groups.calendar.title")}</h2>
          {calendar.feedUrl ? (
            <>
              <p>{calendar.isPrivate ? t("groups.calendar.privateIntro") : t("groups.calendar.publicIntro")}</p>
              <p>
                <a href={calendar.subscribeUrl!} className="button">
                  {t("groups.calendar.subscribe")}
                </a>
              </p>
              <div className="field">
                <label htmlFor="feed-url" className="field__label">
                  {t("groups.calendar.address")}
                </label>
                <input id="feed-url" type="text" readOnly value={calendar.feedUrl} className="feed-url" />
              </div>
            </>
          ) : calendar.canHoldLink ? (
            <p>{t("groups.calendar.noLink")}</p>
          ) : (
            <p className="muted">{t("groups.calendar.membersOnly")}</p>
          )}
          {calendar.canHoldLink ? (
            <Form method="post" className="stack">
              {calendar.linkCreatedAt ? <p className="muted">{t("groups.calendar.secretHint")}</p> : null}
              {calendar.linkCreatedAt ? (
                <ConfirmButton name="intent" value="reset-link" kind="resetCalendarLink" className="button">
                  {t("groups.calendar.reset")}
                </ConfirmButton>
              ) : (
                <button type="submit" name="intent" value="reset-link" className="button">
                  {t("groups.calendar.create")}
                </button>
              )}
              {calendar.linkCreatedAt ? (
                <ConfirmButton name="intent" value="revoke-link" kind="revokeCalendarLink" className="button button--quiet">
                  {t("groups.calendar.revoke")}
                </ConfirmButton>
              ) : null}
            </Form>
          ) : null}
        </section>
      </aside>
    </div>
  );
}
