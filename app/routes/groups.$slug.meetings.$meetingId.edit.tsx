// A chair reschedules or edits a meeting that has not been cancelled.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingFields } from "~/components/group/meeting-form";
import { useGroupSpace } from "~/components/group/use-group-space";
import { FormErrors } from "~/components/ui/field";
import { refusedForm, requireMeetingForm } from "~/services/groups/context.server";
import { meetingFormSchema } from "~/services/groups/forms.server";
import { updateMeeting } from "~/services/groups/meetings.server";
import { meetingSchema } from "~/schemas/groups";
import { requestLanguage } from "~/utils/i18n.server";
import { timeZoneOptionsFor } from "~/utils/time-zone-options.server";
import { currentZoneName } from "~/utils/time-zones";
import { utcToLocalInput } from "~/utils/zoned-time.server";
import { readForm } from "~/utils/form.server";
import { meetingPath } from "~/utils/paths";

const load = (request: Request, params: LoaderFunctionArgs["params"]) => requireMeetingForm(request, params, "meeting:schedule");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { meeting, viewer } = await load(request, params);
  return {
    meeting: {
      id: meeting.id,
      cancelled: meeting.cancelled_at !== null,
      title: meeting.title,
      startsAt: utcToLocalInput(meeting.starts_at, meeting.time_zone),
      endsAt: utcToLocalInput(meeting.ends_at, meeting.time_zone),
      timeZone: currentZoneName(meeting.time_zone),
      location: meeting.location,
      videoUrl: meeting.video_url,
      agenda: meeting.agenda_md,
    },
    timeZones: timeZoneOptionsFor(requestLanguage(request, viewer)),
    title: meeting.title,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, group, meeting } = await load(request, params);
  const submission = parseWithZod(await readForm(request), { schema: meetingFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await updateMeeting(db, viewer, group, meeting.id, submission.value);
  if (!result.ok) return refusedForm(submission, result);
  return redirect(meetingPath(group.slug, meeting.id, undefined, { done: "updated" }));
}

export default function EditMeeting() {
  const { t } = useTranslation();
  const { meeting, timeZones: zones } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { group } = useGroupSpace();
  const { id: _id, cancelled, ...defaults } = meeting;
  const [form, fields] = useForm({
    id: "meeting",
    lastResult: actionData?.result,
    defaultValue: defaults,
    constraint: getZodConstraint(meetingSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: meetingSchema }),
  });
  return (
    <section aria-labelledby="edit-meeting-title" className="panel">
      <h2 id="edit-meeting-title">{t("groups.meetings.editTitle", { title: meeting.title })}</h2>
      {cancelled ? <p className="notice notice--warning">{t("groups.errors.meetingCancelled")}</p> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <MeetingFields fields={fields} timeZones={zones} />
        <div className="inline-form">
          <button type="submit" className="button button--primary" disabled={cancelled}>
            {t("common.save")}
          </button>
          <Link to={meetingPath(group.slug, meeting.id)}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}
