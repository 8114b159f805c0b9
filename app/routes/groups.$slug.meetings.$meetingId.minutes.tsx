// Chairs and editors record (or correct) a meeting's minutes and who attended, once it has started.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { MeetingTime } from "~/components/group/meeting-time";
import { useGroupSpace } from "~/components/group/use-group-space";
import { FormErrors, TextareaField } from "~/components/ui/field";
import { listAttendance } from "~/models/meeting.server";
import { meetingTimes } from "~/presenters/groups";
import { refusedForm, requireMeetingForm } from "~/services/groups/context.server";
import { recordMinutes } from "~/services/groups/meetings.server";
import { minutesSchema } from "~/schemas/groups";
import { readForm } from "~/utils/form.server";
import { meetingPath } from "~/utils/paths";

const load = (request: Request, params: LoaderFunctionArgs["params"]) =>
  requireMeetingForm(request, params, "meeting:record-minutes");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, group, meeting } = await load(request, params);
  const people = await listAttendance(db, group.id, meeting.id);
  const recorded = meeting.minutes_at !== null;
  return {
    meeting: {
      ...meetingTimes(meeting),
      started: meeting.starts_at <= new Date().toISOString(),
      cancelled: meeting.cancelled_at !== null,
    },
    // Before anything is recorded, those who said they would come are ticked.
    people: people.map((person) => ({
      id: person.id,
      name: person.display_name,
      organization: person.organization,
      checked: recorded ? person.attended === 1 : person.response === "attending",
    })),
    minutes: meeting.minutes_md ?? "",
    title: meeting.title,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, group, meeting } = await load(request, params);
  const submission = parseWithZod(await readForm(request), { schema: minutesSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await recordMinutes(db, viewer, group, meeting.id, {
    minutes: submission.value.minutes,
    attendeeIds: submission.value.attendees,
  });
  if (!result.ok) return refusedForm(submission, result);
  return redirect(meetingPath(group.slug, meeting.id, undefined, { done: "minutes" }, "minutes"));
}

export default function MeetingMinutes() {
  const { t } = useTranslation();
  const { meeting, people, minutes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { group } = useGroupSpace();
  const [form, fields] = useForm<z.input<typeof minutesSchema>>({
    id: "minutes",
    lastResult: actionData?.result,
    defaultValue: { minutes },
    constraint: getZodConstraint(minutesSchema),
    shouldValidate: "onBlur",
  });
  const back = meetingPath(group.slug, meeting.id);
  return (
    <section aria-labelledby="minutes-title" className="panel">
      <h2 id="minutes-title">{t("groups.meetings.minutesFor", { title: meeting.title })}</h2>
      <MeetingTime startsAt={meeting.startsAt} endsAt={meeting.endsAt} timeZone={meeting.timeZone} />
      {!meeting.started ? <p className="notice notice--warning">{t("groups.errors.minutesTooEarly")}</p> : null}
      {meeting.cancelled ? <p className="notice notice--warning">{t("groups.errors.meetingCancelled")}</p> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <TextareaField
          meta={fields.minutes}
          label={t("groups.meetings.minutes")}
          hint={t("groups.form.markdownHint")}
          rows={18}
          required
        />
        <fieldset className="attendee-list">
          <legend>{t("groups.meetings.whoAttended")}</legend>
          {fields.attendees.errors?.length ? (
            <ul className="field__errors" id={fields.attendees.errorId}>
              {fields.attendees.errors.map((error) => (
                <li key={error}>{t(error as never)}</li>
              ))}
            </ul>
          ) : null}
          {people.map((person) => (
            <label key={person.id} className="checkbox">
              <input type="checkbox" name="attendees" value={person.id} defaultChecked={person.checked} /> {person.name}{" "}
              <span className="muted">({person.organization})</span>
            </label>
          ))}
        </fieldset>
        <div className="inline-form">
          <button type="submit" className="button button--primary">
            {t("groups.meetings.saveMinutes")}
          </button>
          <Link to={back}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}
