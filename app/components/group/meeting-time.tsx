// A meeting's time, written so that no reader has to guess the zone. A reader without a time zone
// of their own (anonymous, or a member still on the default UTC) sees it in the organiser's zone
// and in UTC: "Thursday 3 December 2026, 14:00–15:30 Asia/Ho_Chi_Minh (07:00–08:30 UTC)". A member
// with their own zone sees it in theirs, and in the organiser's when it differs. Zones are shown
// under their current IANA names, whatever a row holds.
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/domain/vocabulary";
import { currentZoneName } from "~/utils/time-zones";
import { useSite } from "~/utils/use-site";

const LOCALES: Record<Language, string> = { en: "en-GB", fr: "fr-FR", vi: "vi-VN" };

const formats = new Map<string, Intl.DateTimeFormat>();
function format(language: Language, timeZone: string, style: "full" | "medium" | "time"): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${style}`;
  let formatter = formats.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      style === "time" ? { timeStyle: "short", timeZone } : { dateStyle: style, timeStyle: "short", timeZone };
    formatter = new Intl.DateTimeFormat(LOCALES[language], options);
    if (formats.size > 200) formats.clear();
    formats.set(key, formatter);
  }
  return formatter;
}

function range(formatter: Intl.DateTimeFormat, startsAt: string, endsAt: string): string {
  try {
    return formatter.formatRange(new Date(startsAt), new Date(endsAt));
  } catch {
    return `${formatter.format(new Date(startsAt))} – ${formatter.format(new Date(endsAt))}`;
  }
}

export function formatMeetingRange(startsAt: string, endsAt: string, language: Language, timeZone: string): string {
  return range(format(language, currentZoneName(timeZone), "full"), startsAt, endsAt);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayOf(iso: string, timeZone: string): string {
  let formatter = dayFormats.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    if (dayFormats.size > 200) dayFormats.clear();
    dayFormats.set(timeZone, formatter);
  }
  return formatter.format(new Date(iso));
}

/**
 * The same meeting in a second zone, next to a full date in the first: times only when it starts
 * on the same day there ("07:00–08:30"), else with the date ("2 Dec 2026, 23:00 – 3 Dec 2026, 00:30").
 */
export function formatSecondRange(
  startsAt: string,
  endsAt: string,
  language: Language,
  timeZone: string,
  nextTo: string,
): string {
  const sameDay = dayOf(startsAt, timeZone) === dayOf(startsAt, nextTo) && dayOf(endsAt, timeZone) === dayOf(startsAt, timeZone);
  return range(format(language, timeZone, sameDay ? "time" : "medium"), startsAt, endsAt);
}

export interface MeetingTimeText {
  /** The zone of the first time: the reader's own, or the organiser's for a reader without one. */
  zone: string;
  /** The meeting in that zone, with its full date. */
  time: string;
  /** The organiser's zone, under its current name. */
  organiserZone: string;
  /** The meeting in the organiser's zone (full date), when it is not the first zone. */
  organiserTime: string | null;
  /** The meeting in UTC (full date), for a reader without a zone when the organiser's is not UTC. */
  utcTime: string | null;
  /** One line for lists. */
  compact: string;
}

/**
 * What a reader is shown of a meeting's time. `readerZone` is null for a reader without a zone of
 * their own (anonymous, or a member on the default UTC).
 */
export function meetingTimeText(
  t: TFunction,
  {
    startsAt,
    endsAt,
    timeZone,
    language,
    readerZone,
  }: { startsAt: string; endsAt: string; timeZone: string; language: Language; readerZone: string | null },
): MeetingTimeText {
  const organiserZone = currentZoneName(timeZone);
  const own = readerZone ? currentZoneName(readerZone) : null;
  if (!own || own === "UTC") {
    const time = formatMeetingRange(startsAt, endsAt, language, organiserZone);
    if (organiserZone === "UTC") {
      return {
        zone: "UTC",
        time,
        organiserZone,
        organiserTime: null,
        utcTime: null,
        compact: t("time.inZone", { time, zone: "UTC" }),
      };
    }
    const utc = formatSecondRange(startsAt, endsAt, language, "UTC", organiserZone);
    return {
      zone: organiserZone,
      time,
      organiserZone,
      organiserTime: null,
      utcTime: formatMeetingRange(startsAt, endsAt, language, "UTC"),
      compact: t("time.withUtc", { time, zone: organiserZone, utc }),
    };
  }
  const time = formatMeetingRange(startsAt, endsAt, language, own);
  if (own === organiserZone) {
    return { zone: own, time, organiserZone, organiserTime: null, utcTime: null, compact: t("time.inZone", { time, zone: own }) };
  }
  return {
    zone: own,
    time,
    organiserZone,
    organiserTime: formatMeetingRange(startsAt, endsAt, language, organiserZone),
    utcTime: null,
    compact: t("time.withOrganiser", {
      time,
      zone: own,
      organiserTime: formatSecondRange(startsAt, endsAt, language, organiserZone, own),
      organiserZone,
    }),
  };
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
  const readerZone = site.viewer && site.timeZone !== "UTC" ? site.timeZone : null;
  const text = meetingTimeText(t as TFunction, { startsAt, endsAt, timeZone, language: site.language, readerZone });
  if (compact) {
    return (
      <span className="meeting-time">
        <time dateTime={startsAt}>{text.compact}</time>
      </span>
    );
  }
  if (!readerZone) {
    return (
      <dl className="facts meeting-time">
        <dt>{t("groups.meetings.organiserTime", { zone: text.organiserZone })}</dt>
        <dd>
          <time dateTime={startsAt}>{text.time}</time>
        </dd>
        {text.utcTime ? (
          <>
            <dt>{t("time.utcTime")}</dt>
            <dd>{text.utcTime}</dd>
          </>
        ) : null}
        {children}
      </dl>
    );
  }
  return (
    <dl className="facts meeting-time">
      <dt>{t("groups.meetings.yourTime", { zone: text.zone })}</dt>
      <dd>
        <time dateTime={startsAt}>{text.time}</time>
      </dd>
      {text.organiserTime ? (
        <>
          <dt>{t("groups.meetings.organiserTime", { zone: text.organiserZone })}</dt>
          <dd>{text.organiserTime}</dd>
        </>
      ) : (
        <>
          <dt>{t("groups.meetings.organiserZone")}</dt>
          <dd>{text.organiserZone}</dd>
        </>
      )}
      {children}
    </dl>
  );
}
