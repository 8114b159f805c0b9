// The fields of the meeting form (schedule and reschedule). Times are typed as wall-clock times
// in the chosen time zone (the organiser's, by default their profile's).
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { InputField, TextareaField } from "~/components/ui/field";
import { TimeZoneSelect } from "~/components/ui/time-zone-select";
import type { TimeZoneOptions } from "~/utils/time-zones";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- conform's own type for a field of any form schema
type Meta = FieldMetadata<any, any, any>;

function DateTimeField({ meta, label, hint }: { meta: Meta; label: string; hint?: string }) {
  const { t } = useTranslation();
  const props = getInputProps(meta, { type: "datetime-local", ariaAttributes: true });
  const describedBy =
    [hint ? `${meta.id}-hint` : null, meta.errors?.length ? meta.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={meta.id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={`${meta.id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input {...props} key={props.key} required aria-describedby={describedBy} />
      {meta.errors?.length ? (
        <ul id={meta.errorId} className="field__errors">
          {meta.errors.map((error: string) => (
            <li key={error}>{t(error as never)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

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
        <DateTimeField
          meta={fields.startsAt}
          label={t("groups.meetings.form.startsAt")}
          hint={t("groups.meetings.form.timeHint")}
        />
        <DateTimeField meta={fields.endsAt} label={t("groups.meetings.form.endsAt")} />
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
