// A chair schedules a meeting: title, start and end in the organiser's time zone, place or video
// link, agenda in markdown. The group's watchers are told.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingFields } from "~/components/group/meeting-form";
import { useGroupSpace } from "~/components/group/use-group-space";
import { FormErrors } from "~/components/ui/field";
import { authorize } from "~/policies";
import { refusedForm, requireGroupViewer } from "~/services/groups/context.server";
import { meetingFormSchema } from "~/services/groups/forms.server";
import { scheduleMeeting } from "~/services/groups/meetings.server";
import { meetingSchema } from "~/schemas/groups";
import { requestLanguage } from "~/utils/i18n.server";
import { timeZoneOptionsFor } from "~/utils/time-zone-options.server";
import { currentZoneName, isTimeZone } from "~/utils/time-zones";
import { readForm } from "~/utils/form.server";
import { groupPath, meetingPath } from "~/utils/paths";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, group, resource } = await requireGroupViewer(request, params.slug);
  authorize(viewer, "meeting:schedule", resource);
  requireSecondFactorIfNeeded(viewer, request);
  return {
    timeZones: timeZoneOptionsFor(requestLanguage(request, viewer)),
    defaultTimeZone: isTimeZone(viewer.timeZone) ? currentZoneName(viewer.timeZone) : "UTC",
    title: group.name,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, group, resource } = await requireGroupViewer(request, params.slug);
  authorize(viewer, "meeting:schedule", resource);
  requireSecondFactorIfNeeded(viewer, request);
  const submission = parseWithZod(await readForm(request), { schema: meetingFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await scheduleMeeting(db, viewer, group, submission.value);
  if (!result.ok) return refusedForm(submission, result);
  return redirect(meetingPath(group.slug, result.value.id, undefined, { done: "scheduled" }));
}

export default function NewMeeting() {
  const { t } = useTranslation();
  const { timeZones: zones, defaultTimeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { group } = useGroupSpace();
  const [form, fields] = useForm({
    id: "meeting",
    lastResult: actionData?.result,
    defaultValue: { timeZone: defaultTimeZone },
    constraint: getZodConstraint(meetingSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: meetingSchema }),
  });
  return (
    <section aria-labelledby="new-meeting-title" className="panel">
      <h2 id="new-meeting-title">{t("groups.meetings.schedule")}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <MeetingFields fields={fields} timeZones={zones} />
        <div className="inline-form">
          <button type="submit" className="button button--primary">
            {t("groups.meetings.scheduleSubmit")}
          </button>
          <Link to={groupPath(group.slug, "meetings")}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}
