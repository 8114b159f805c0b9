// iCalendar (RFC 5545) files for meetings: one event per file, or a group's feed of meetings.
// Times are written in the organiser's time zone (DTSTART;TZID=…) with a VTIMEZONE that lists
// that zone's offset transitions around the events, taken from the runtime's time-zone data;
// UTC meetings are written with "Z" times. Lines end with CRLF and are folded at 75 octets.
import { currentZoneName } from "./time-zones";
import { offsetMinutes, transitions, wallClock } from "./zoned-time.server";

export interface CalendarEvent {
  uid: string;
  sequence: number;
  /** When this version of the event was written (ISO 8601). */
  stamp: string;
  created?: string;
  lastModified?: string;
  /** UTC instants (ISO 8601). */
  start: string;
  end: string;
  /** The IANA zone the event is shown in. */
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  cancelled?: boolean;
  categories?: string[];
}

export interface Calendar {
  /** The calendar's name shown by calendar applications (X-WR-CALNAME). */
  name?: string;
  description?: string;
  /** For subscribed feeds: how often calendar applications should fetch it again. */
  refreshHours?: number;
  events: CalendarEvent[];
}

const CRLF = "\r\n";
const PRODID = "-//CoP Portal//Working-group meetings//EN";
const UTC_ZONES = new Set([
  "UTC",
  "Etc/UTC",
  "GMT",
  "Etc/GMT",
  "Etc/Universal",
  "Etc/Zulu",
  "Universal",
  "Zulu",
  "UCT",
  "Etc/UCT",
]);
const DAY = 86_400_000;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line so that no line is longer than 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = "";
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > limit) {
      out.push(current);
      current = " ";
      size = 1;
      limit = 75;
    }
    current += char;
    size += bytes;
  }
  out.push(current);
  return out.join(CRLF);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** An instant as a UTC DATE-TIME: 20261203T140000Z. */
export function utcDateTime(iso: string | number): string {
  const d = new Date(iso);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** An instant as a local DATE-TIME in `zone` (no "Z"): 20261203T150000. */
export function localDateTime(iso: string | number, zone: string): string {
  const wall = wallClock(zone, typeof iso === "number" ? iso : Date.parse(iso));
  return `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** The wall time of an instant at a fixed offset, as a local DATE-TIME. */
function wallAtOffset(utcMs: number, offset: number): string {
  return utcDateTime(utcMs + offset * 60_000).slice(0, -1);
}

function isDaylight(zone: string, at: number, offset: number): boolean {
  const year = new Date(at).getUTCFullYear();
  const january = offsetMinutes(zone, Date.UTC(year, 0, 1));
  const july = offsetMinutes(zone, Date.UTC(year, 6, 1));
  return january !== july && offset === Math.max(january, july);
}

/**
 * A VTIMEZONE for `zone` valid from a year before `fromMs` to a year after `toMs`: a first
 * observance at the start of that window, then one per offset transition in it.
 */
export function vtimezone(zone: string, fromMs: number, toMs: number): string[] {
  const windowStart = Date.UTC(new Date(fromMs - 366 * DAY).getUTCFullYear(), 0, 1);
  const windowEnd = toMs + 366 * DAY;
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  const observance = (at: number, from: number, to: number) => {
    const kind = isDaylight(zone, at, to) ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${wallAtOffset(at, from)}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${kind}`,
    );
  };
  const initial = offsetMinutes(zone, windowStart);
  observance(windowStart, initial, initial);
  for (const transition of transitions(zone, windowStart + 60_000, windowEnd))
    observance(transition.at, transition.from, transition.to);
  lines.push("END:VTIMEZONE");
  return lines;
}

function property(name: string, value: string): string {
  return `${name}:${value}`;
}

function dateTimeProperty(name: string, iso: string, zone: string): string {
  if (UTC_ZONES.has(zone)) return `${name}:${utcDateTime(iso)}`;
  return `${name};TZID=${zone}:${localDateTime(iso, zone)}`;
}

/** The text of an iCalendar object (VCALENDAR) with the given events. */
export function buildCalendar(calendar: Calendar): string {
  const lines: string[] = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODID}`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (calendar.name) lines.push(property("X-WR-CALNAME", escapeText(calendar.name)));
  if (calendar.description) lines.push(property("X-WR-CALDESC", escapeText(calendar.description)));
  if (calendar.refreshHours) {
    // RFC 7986's REFRESH-INTERVAL, and the older name Outlook and Apple Calendar read.
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshHours}H`);
    lines.push(`X-PUBLISHED-TTL:PT${calendar.refreshHours}H`);
  }

  // Zones are written under their current names (TZID=Asia/Ho_Chi_Minh, never Asia/Saigon).
  const events = calendar.events.map((event) => ({ ...event, timeZone: currentZoneName(event.timeZone) }));
  const spans = new Map<string, { from: number; to: number }>();
  for (const event of events) {
    if (UTC_ZONES.has(event.timeZone)) continue;
    const span = spans.get(event.timeZone) ?? { from: Infinity, to: -Infinity };
    span.from = Math.min(span.from, Date.parse(event.start));
    span.to = Math.max(span.to, Date.parse(event.end));
    spans.set(event.timeZone, span);
  }
  for (const [zone, span] of spans) lines.push(...vtimezone(zone, span.from, span.to));

  for (const event of events) {
    lines.push("BEGIN:VEVENT");
    lines.push(property("UID", event.uid));
    lines.push(property("DTSTAMP", utcDateTime(event.stamp)));
    if (event.created) lines.push(property("CREATED", utcDateTime(event.created)));
    if (event.lastModified) lines.push(property("LAST-MODIFIED", utcDateTime(event.lastModified)));
    lines.push(property("SEQUENCE", String(event.sequence)));
    lines.push(dateTimeProperty("DTSTART", event.start, event.timeZone));
    lines.push(dateTimeProperty("DTEND", event.end, event.timeZone));
    lines.push(property("SUMMARY", escapeText(event.summary)));
    if (event.description) lines.push(property("DESCRIPTION", escapeText(event.description)));
    if (event.location) lines.push(property("LOCATION", escapeText(event.location)));
    if (event.url) lines.push(property("URL", event.url));
    if (event.categories?.length) lines.push(property("CATEGORIES", event.categories.map(escapeText).join(",")));
    lines.push(property("STATUS", event.cancelled ? "CANCELLED" : "CONFIRMED"));
    lines.push("TRANSP:OPAQUE");
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}

export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";
