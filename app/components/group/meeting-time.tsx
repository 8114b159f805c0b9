// A meeting's time in the viewer's own time zone and, when it differs, in the organiser's.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { useSite } from "~/utils/use-site";

const LOCALES: Record<Language, string> = { en: "en-GB", fr: "fr-FR", vi: "vi-VN" };

export function formatMeetingRange(startsAt: string, endsAt: string, language: Language, timeZone: string): string {
  const format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: "full", timeStyle: "short", timeZone });
  try {
    return format.formatRange(new Date(startsAt), new Date(endsAt));
  } catch {
    return `${format.format(new Date(startsAt))} – ${format.format(new Date(endsAt))}`;
  }
}

export function MeetingTime({
  startsAt,
  endsAt,
  timeZone,
  compact = false,
  children,
}: {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  compact?: boolean;
  /** More facts (dt/dd pairs) to list with the times. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const site = useSite();
  const mine = formatMeetingRange(startsAt, endsAt, site.language, site.timeZone);
  const organisers = site.timeZone === timeZone ? null : formatMeetingRange(startsAt, endsAt, site.language, timeZone);
  if (compact) {
    return (
      <span className="meeting-time">
        <time dateTime={startsAt}>{mine}</time> <span className="muted">({site.timeZone})</span>
      </span>
    );
  }
  return (
    <dl className="facts meeting-time">
      <dt>{t("groups.meetings.yourTime", { zone: site.timeZone })}</dt>
      <dd>
        <time dateTime={startsAt}>{mine}</time>
      </dd>
      {organisers ? (
        <>
          <dt>{t("groups.meetings.organiserTime", { zone: timeZone })}</dt>
          <dd>{organisers}</dd>
        </>
      ) : (
        <>
          <dt>{t("groups.meetings.organiserZone")}</dt>
          <dd>{timeZone}</dd>
        </>
      )}
      {children}
    </dl>
  );
}
