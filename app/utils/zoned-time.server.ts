// Wall-clock times in IANA time zones, from the runtime's Intl data (no time-zone library): the
// conversions of meeting times typed in the organiser's zone, and the offset transitions that
// iCalendar's VTIMEZONE describes.
import { isTimeZone } from "./time-zones";

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, format);
  }
  return format;
}

/** The date and time a clock in `zone` shows at the instant `utcMs`. */
export function wallClock(zone: string, utcMs: number): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(new Date(utcMs))) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    year: parts.era === "BC" || parts.era === "B" ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function wallAsUtc(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The zone's offset from UTC in minutes (east positive) at the instant `utcMs`. */
export function offsetMinutes(zone: string, utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  return Math.round((wallAsUtc(wallClock(zone, whole)) - whole) / MINUTE);
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export type LocalToUtcResult = { ok: true; iso: string } | { ok: false; reason: "invalid" | "unknown_zone" | "nonexistent" };

/**
 * The UTC instant of a wall-clock time ("YYYY-MM-DDTHH:mm", as a datetime-local field sends it)
 * in `zone`. A time skipped when clocks go forward does not exist; a time repeated when they go
 * back is taken at its first occurrence.
 */
export function localToUtc(local: string, zone: string): LocalToUtcResult {
  if (!isTimeZone(zone)) return { ok: false, reason: "unknown_zone" };
  const match = LOCAL_INPUT.exec(local.trim());
  if (!match) return { ok: false, reason: "invalid" };
  const [year, month, day, hour, minute, second] = match.slice(1).map((v) => Number(v ?? 0));
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallMs);
  if (
    Number.isNaN(wallMs) ||
    year < 1900 ||
    year > 2200 ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { ok: false, reason: "invalid" };
  }
  // Offsets a day either side cover both sides of any transition near this time.
  const candidates = new Set([offsetMinutes(zone, wallMs - DAY), offsetMinutes(zone, wallMs), offsetMinutes(zone, wallMs + DAY)]);
  const instants = [...candidates]
    .map((offset) => wallMs - offset * MINUTE)
    .filter((instant) => wallAsUtc(wallClock(zone, instant)) === wallMs)
    .sort((a, b) => a - b);
  if (!instants.length) return { ok: false, reason: "nonexistent" };
  return { ok: true, iso: new Date(instants[0]).toISOString() };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The wall-clock time of `iso` in `zone`, as a datetime-local field expects it ("YYYY-MM-DDTHH:mm"). */
export function utcToLocalInput(iso: string, zone: string): string {
  const wall = wallClock(zone, Date.parse(iso));
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

export interface Transition {
  /** The instant (ms since the epoch) the new offset applies from. */
  at: number;
  from: number;
  to: number;
}

const transitionCache = new Map<string, Transition[]>();

function transitionsInYear(zone: string, year: number): Transition[] {
  const key = `${zone}|${year}`;
  const cached = transitionCache.get(key);
  if (cached) return cached;
  const found: Transition[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  let t = Date.UTC(year, 0, 1);
  let offset = offsetMinutes(zone, t);
  while (t < end) {
    const next = Math.min(t + DAY, end);
    const nextOffset = offsetMinutes(zone, next);
    if (nextOffset !== offset) {
      // The first minute at which the new offset applies.
      let lo = t / MINUTE;
      let hi = next / MINUTE;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMinutes(zone, mid * MINUTE) === offset) lo = mid;
        else hi = mid;
      }
      found.push({ at: hi * MINUTE, from: offset, to: offsetMinutes(zone, hi * MINUTE) });
    }
    t = next;
    offset = nextOffset;
  }
  if (transitionCache.size > 2000) transitionCache.clear();
  transitionCache.set(key, found);
  return found;
}

/** Offset changes of `zone` between two instants, oldest first. */
export function transitions(zone: string, fromMs: number, toMs: number): Transition[] {
  const out: Transition[] = [];
  for (let year = new Date(fromMs).getUTCFullYear(); year <= new Date(toMs).getUTCFullYear(); year++) {
    for (const transition of transitionsInYear(zone, year)) {
      if (transition.at >= fromMs && transition.at <= toMs) out.push(transition);
    }
  }
  return out;
}
