// One meeting: when (in the viewer's and the organiser's time zones), where, the agenda, who said
// they would come, the minutes and attendees once recorded, the decisions it concerns, and its
// iCalendar file.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingTime } from "~/components/group/meeting-time";
import { useGroupSpace } from "~/components/group/use-group-space";
import { PeopleList } from "~/components/group/people-list";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { findResponse, listAttendance } from "~/models/meeting.server";
import { listProposalsOfMeeting, proposalState } from "~/models/proposal.server";
import { can } from "~/policies";
import { meetingTimes } from "~/presenters/groups";
import { meetingOf, readGroup, requireGroupViewer, runIntent } from "~/services/groups/context.server";
import { answersRefusal, cancellationRefusal, minutesRefusal } from "~/services/groups/rules.server";
import { useSite } from "~/utils/use-site";
import { readForm } from "~/utils/form.server";
import { decisionPath, groupPath, meetingPath, newDecisionPath, withQuery } from "~/utils/paths";
import { ConfirmButton } from "~/components/ui/confirm-form";
import { cancelAction, respondAction } from "./actions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await readGroup(request, params.slug);
  const { viewer, db, group, resource } = context;
  const meeting = await meetingOf(context, params.meetingId);
  const now = new Date().toISOString();
  const showPeople = can(viewer, "group:read-members", resource);
  const [attendance, response, proposals] = await Promise.all([
    showPeople ? listAttendance(db, group.id, meeting.id) : [],
    viewer ? findResponse(db, meeting.id, viewer.id) : null,
    listProposalsOfMeeting(db, meeting.id),
  ]);
  const ended = meeting.ends_at <= now;
  const started = meeting.starts_at <= now;
  return {
    meeting: {
      ...meetingTimes(meeting),
      location: meeting.location,
      videoUrl: meeting.video_url,
      agendaHtml: meeting.agenda_html,
      minutesHtml: meeting.minutes_html,
      minutesAt: meeting.minutes_at,
      scribeName: meeting.scribe_name,
      organiserName: meeting.organiser_name,
      cancelledAt: meeting.cancelled_at,
      ended,
      started,
    },
    showPeople,
    attending: attendance.filter((a) => a.response === "attending"),
    notAttending: attendance.filter((a) => a.response === "not_attending"),
    attendees: attendance.filter((a) => a.attended === 1),
    response: response?.response ?? null,
    proposals: proposals.map((p) => ({ ...p, state: proposalState(p, now) })),
    can: {
      respond: can(viewer, "meeting:respond", resource) && !answersRefusal(meeting, now),
      recordMinutes: can(viewer, "meeting:record-minutes", resource) && !minutesRefusal(meeting, now),
      // Rescheduling is offered while the meeting could still be cancelled.
      reschedule: can(viewer, "meeting:schedule", resource) && !cancellationRefusal(meeting, now),
      openProposal: can(viewer, "proposal:open", resource),
    },
    title: `${meeting.title} · ${group.name}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireGroupViewer(request, params.slug);
  const meeting = await meetingOf(context, params.meetingId);
  const formData = await readForm(request);
  return runIntent({ respond: respondAction, cancel: cancelAction }, { ...context, meeting, request, formData });
}

const NOTICES = {
  scheduled: "groups.notices.meetingScheduled",
  updated: "groups.notices.meetingUpdated",
  responded: "groups.notices.responded",
  minutes: "groups.notices.minutesSaved",
} as const;

export default function MeetingPage() {
  const { t } = useTranslation();
  const {
    meeting,
    showPeople,
    attending,
    notAttending,
    attendees,
    response,
    proposals,
    can: allowed,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { group } = useGroupSpace();
  const { date } = useSite();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done") as keyof typeof NOTICES | null;
  return (
    <article aria-labelledby="meeting-title" className="meeting">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={groupPath(group.slug, "meetings")}>{t("groups.meetings.title")}</Link>
      </nav>
      {done && NOTICES[done] ? <Notice>{t(NOTICES[done])}</Notice> : null}
      {actionData?.error ? (
        <p className="form-errors" role="alert">
          {t(actionData.error as never)}
        </p>
      ) : null}
      <h2 id="meeting-title">
        {meeting.title} {meeting.cancelledAt ? <Badge tone="warning">{t("groups.meetings.cancelled")}</Badge> : null}
        {!meeting.cancelledAt && meeting.ended ? <Badge>{t("groups.meetings.held")}</Badge> : null}
      </h2>
      <div className="with-sidebar">
        <div className="stack">
          <section className="panel" aria-label={t("groups.meetings.when")}>
            <MeetingTime startsAt={meeting.startsAt} endsAt={meeting.endsAt} timeZone={meeting.timeZone}>
              {meeting.location ? (
                <>
                  <dt>{t("groups.meetings.form.location")}</dt>
                  <dd>{meeting.location}</dd>
                </>
              ) : null}
              {meeting.videoUrl ? (
                <>
                  <dt>{t("groups.meetings.form.videoUrl")}</dt>
                  <dd>
                    <a href={meeting.videoUrl} rel="nofollow noopener">
                      {meeting.videoUrl}
                    </a>
                  </dd>
                </>
              ) : null}
              {meeting.organiserName ? (
                <>
                  <dt>{t("groups.meetings.organiser")}</dt>
                  <dd>{meeting.organiserName}</dd>
                </>
              ) : null}
            </MeetingTime>
            <p className="inline-form">
              <a href={meetingPath(group.slug, meeting.id, "meeting.ics")} className="button" download>
                {t("groups.meetings.addToCalendar")}
              </a>
              {allowed.reschedule ? (
                <Link to={meetingPath(group.slug, meeting.id, "edit")} className="button button--quiet">
                  {t("groups.meetings.edit")}
                </Link>
              ) : null}
            </p>
          </section>

          <section aria-labelledby="agenda" className="prose">
            <h3 id="agenda">{t("groups.meetings.agenda")}</h3>
            {meeting.agendaHtml ? (
              <div dangerouslySetInnerHTML={{ __html: meeting.agendaHtml }} />
            ) : (
              <p className="muted">{t("groups.meetings.noAgenda")}</p>
            )}
          </section>

          <section aria-labelledby="minutes" className="prose">
            <h3 id="minutes">{t("groups.meetings.minutes")}</h3>
            {meeting.minutesHtml ? (
              <>
                <p className="muted">
                  {t("groups.meetings.minutesBy", {
                    name: meeting.scribeName ?? t("notifications.someone"),
                    date: date(meeting.minutesAt, true),
                  })}
                </p>
                <div dangerouslySetInnerHTML={{ __html: meeting.minutesHtml }} />
              </>
            ) : (
              <p className="muted">{meeting.started ? t("groups.meetings.noMinutes") : t("groups.meetings.minutesLater")}</p>
            )}
            {allowed.recordMinutes ? (
              <p>
                <Link to={meetingPath(group.slug, meeting.id, "minutes")} className="button">
                  {meeting.minutesHtml ? t("groups.meetings.editMinutes") : t("groups.meetings.recordMinutes")}
                </Link>
              </p>
            ) : null}
          </section>

          {proposals.length || allowed.openProposal ? (
            <section aria-labelledby="meeting-decisions" className="panel">
              <h3 id="meeting-decisions">{t("groups.meetings.decisions")}</h3>
              {proposals.length ? (
                <ul className="plain-list">
                  {proposals.map((proposal) => (
                    <li key={proposal.id}>
                      <Link to={decisionPath(group.slug, proposal.id)}>{proposal.title}</Link>{" "}
                      <Badge tone={proposal.state === "closed" ? "success" : "info"}>
                        {t(`groups.decisions.state.${proposal.state}`)}
                      </Badge>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t("groups.meetings.noDecisions")}</p>
              )}
              {allowed.openProposal ? (
                <p>
                  <Link to={withQuery(newDecisionPath(group.slug), { meeting: meeting.id })}>
                    {t("groups.decisions.openAbout")}
                  </Link>
                </p>
              ) : null}
            </section>
          ) : null}
        </div>

        <aside className="sidebar">
          {allowed.respond ? (
            <section aria-labelledby="rsvp">
              <h2 id="rsvp">{t("groups.meetings.rsvp")}</h2>
              <p>{response ? t(`groups.meetings.yourResponse.${response}`) : t("groups.meetings.noResponse")}</p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="respond" />
                <button
                  type="submit"
                  name="response"
                  value="attending"
                  className="button"
                  aria-pressed={response === "attending"}
                >
                  {t("groups.meetings.attending")}
                </button>
                <button
                  type="submit"
                  name="response"
                  value="not_attending"
                  className="button"
                  aria-pressed={response === "not_attending"}
                >
                  {t("groups.meetings.notAttending")}
                </button>
              </Form>
            </section>
          ) : null}
          {showPeople ? (
            <>
              {meeting.minutesHtml ? (
                <section aria-labelledby="attendees">
                  <h2 id="attendees">{t("groups.meetings.attendees", { count: attendees.length })}</h2>
                  <PeopleList people={attendees} />
                </section>
              ) : null}
              <section aria-labelledby="responses">
                <h2 id="responses">{t("groups.meetings.responses")}</h2>
                <h3>{t("groups.meetings.attendingList", { count: attending.length })}</h3>
                {attending.length ? <PeopleList people={attending} /> : <p className="muted">{t("common.none")}</p>}
                <h3>{t("groups.meetings.notAttendingList", { count: notAttending.length })}</h3>
                {notAttending.length ? <PeopleList people={notAttending} /> : <p className="muted">{t("common.none")}</p>}
              </section>
            </>
          ) : (
            <p className="muted">{t("groups.membersOnly")}</p>
          )}
          {allowed.reschedule ? (
            <section aria-labelledby="cancel-meeting">
              <h2 id="cancel-meeting">{t("groups.meetings.cancelTitle")}</h2>
              <Form method="post">
                <input type="hidden" name="intent" value="cancel" />
                <ConfirmButton kind="cancelMeeting" values={{ title: meeting.title }}>
                  {t("groups.meetings.cancel")}
                </ConfirmButton>
              </Form>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
