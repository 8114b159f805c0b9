// The fields of the meeting form (schedule and reschedule). Times are typed as wall-clock times
// in the chosen time zone (the organiser's, by default their profile's).
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { InputField, TextareaField } from "~/components/ui/field";
import { TimeZoneSelect } from "~/components/ui/time-zone-select";
import type { TimeZoneOptions } from "~/utils/time-zones";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- conform's own type for a field of any form schema
type Meta = FieldMetadata<any, any, any>;

/**
 * The start and end are typed as wall-clock times: a datetime-local input, which InputField renders
 * like any other (its list of types names those of the other forms).
 */
export const DATE_TIME = "datetime-local" as "text";

export function MeetingFields({
  fields,
  timeZones,
}: {
  fields: Record<"title" | "startsAt" | "endsAt" | "timeZone" | "location" | "videoUrl" | "agenda", Meta>;
  timeZones: TimeZoneOptions;
}) {
  const { t } = useTranslation();
  return (
    <>
      <InputField meta={fields.title} label={t("groups.meetings.form.title")} required />
      <div className="field-row">
        <InputField
          meta={fields.startsAt}
          type={DATE_TIME}
          label={t("groups.meetings.form.startsAt")}
          hint={t("groups.meetings.form.timeHint")}
          required
        />
        <InputField meta={fields.endsAt} type={DATE_TIME} label={t("groups.meetings.form.endsAt")} required />
      </div>
      <TimeZoneSelect
        meta={fields.timeZone}
        label={t("groups.meetings.form.timeZone")}
        hint={t("groups.meetings.form.timeZoneHint")}
        options={timeZones}
      />
      <InputField
        meta={fields.location}
        label={t("groups.meetings.form.location")}
        hint={t("groups.meetings.form.locationHint")}
      />
      <InputField
        meta={fields.videoUrl}
        type="url"
        label={t("groups.meetings.form.videoUrl")}
        hint={t("groups.meetings.form.videoUrlHint")}
      />
      <TextareaField
        meta={fields.agenda}
        label={t("groups.meetings.form.agenda")}
        hint={t("groups.form.markdownHint")}
        rows={12}
      />
    </>
  );
}
