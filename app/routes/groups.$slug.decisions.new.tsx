// A chair or editor opens a proposal: title, text, closing date (in a chosen time zone), and the
// meeting or document it concerns. The group's watchers are told.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { DATE_TIME } from "~/components/group/meeting-form";
import { useGroupSpace } from "~/components/group/use-group-space";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/field";
import { TimeZoneSelect } from "~/components/ui/time-zone-select";
import { listMeetingChoices } from "~/models/meeting.server";
import { listDocumentChoices } from "~/models/proposal.server";
import { authorize } from "~/policies";
import { refusedForm, requireGroupViewer } from "~/services/groups/context.server";
import { openProposal } from "~/services/groups/decisions.server";
import { proposalFormSchema } from "~/services/groups/forms.server";
import { proposalSchema } from "~/schemas/groups";
import { requestLanguage } from "~/utils/i18n.server";
import { timeZoneOptionsFor } from "~/utils/time-zone-options.server";
import { currentZoneName, isTimeZone } from "~/utils/time-zones";
import { useSite } from "~/utils/use-site";
import { utcToLocalInput } from "~/utils/zoned-time.server";
import { readForm } from "~/utils/form.server";
import { decisionPath, groupPath } from "~/utils/paths";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, group, resource } = await requireGroupViewer(request, params.slug);
  authorize(viewer, "proposal:open", resource);
  requireSecondFactorIfNeeded(viewer, request);
  const [meetings, documents] = await Promise.all([listMeetingChoices(db, group.id), listDocumentChoices(db, group.id)]);
  const zone = isTimeZone(viewer.timeZone) ? currentZoneName(viewer.timeZone) : "UTC";
  const meetingParam = Number(new URL(request.url).searchParams.get("meeting"));
  return {
    meetings,
    documents,
    timeZones: timeZoneOptionsFor(requestLanguage(request, viewer)),
    defaults: {
      timeZone: zone,
      // Two weeks, the usual written procedure, ending at noon.
      closesAt: utcToLocalInput(new Date(Date.now() + 14 * 86_400_000).toISOString(), zone).slice(0, 11) + "12:00",
      meetingId: meetings.some((m) => m.id === meetingParam) ? String(meetingParam) : "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, group, resource } = await requireGroupViewer(request, params.slug);
  authorize(viewer, "proposal:open", resource);
  requireSecondFactorIfNeeded(viewer, request);
  const submission = parseWithZod(await readForm(request), { schema: proposalFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await openProposal(db, viewer, group, submission.value);
  if (!result.ok) return refusedForm(submission, result);
  return redirect(decisionPath(group.slug, result.value.id, { done: "opened" }));
}

export default function NewProposal() {
  const { t } = useTranslation();
  const { meetings, documents, timeZones: zones, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { group } = useGroupSpace();
  const { date } = useSite();
  const [form, fields] = useForm<z.input<typeof proposalSchema>>({
    id: "proposal",
    lastResult: actionData?.result,
    defaultValue: defaults,
    constraint: getZodConstraint(proposalSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proposalSchema }),
  });
  return (
    <section aria-labelledby="new-proposal-title" className="panel">
      <h2 id="new-proposal-title">{t("groups.decisions.open")}</h2>
      <p>{t("groups.decisions.openIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} />
        <InputField meta={fields.title} label={t("groups.decisions.form.title")} required />
        <TextareaField
          meta={fields.body}
          label={t("groups.decisions.form.body")}
          hint={t("groups.form.markdownHint")}
          rows={12}
          required
        />
        <div className="field-row">
          <InputField meta={fields.closesAt} type={DATE_TIME} label={t("groups.decisions.form.closesAt")} required />
          <TimeZoneSelect meta={fields.timeZone} label={t("groups.meetings.form.timeZone")} options={zones} />
        </div>
        <SelectField meta={fields.meetingId} label={t("groups.decisions.form.meeting")}>
          <option value="">{t("groups.decisions.form.none")}</option>
          {meetings.map((meeting) => (
            <option key={meeting.id} value={meeting.id}>
              {meeting.title} ({date(meeting.starts_at)})
            </option>
          ))}
        </SelectField>
        <SelectField meta={fields.documentId} label={t("groups.decisions.form.document")}>
          <option value="">{t("groups.decisions.form.none")}</option>
          {documents.map((doc) => (
            <option key={doc.id} value={doc.id} lang={doc.language}>
              {doc.title}
            </option>
          ))}
        </SelectField>
        <div className="inline-form">
          <button type="submit" className="button button--primary">
            {t("groups.decisions.openSubmit")}
          </button>
          <Link to={groupPath(group.slug, "decisions")}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}
