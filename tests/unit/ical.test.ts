import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, type CalendarEvent } from "~/utils/ical.server";
import { localToUtc, transitions, utcToLocalInput } from "~/utils/zoned-time.server";

// A small, strict reader of what we write: it checks line endings and lengths, unfolds, nests
// components, unescapes TEXT and resolves TZID times through the VTIMEZONE of the same file, so
// the tests check what a calendar application would compute, not our own formatter.
interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Component {
  name: string;
  properties: Property[];
  children: Component[];
}

function parseCalendar(text: string): Component {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const physical = text.slice(0, -2).split("\r\n");
  for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .slice(0, -2)
    .split("\r\n");
  const root: Component = { name: "", properties: [], children: [] };
  const stack = [root];
  for (const line of lines) {
    const property = parseProperty(line);
    if (property.name === "BEGIN") {
      const child: Component = { name: property.value, properties: [], children: [] };
      stack[stack.length - 1].children.push(child);
      stack.push(child);
    } else if (property.name === "END") {
      expect(stack.pop()!.name).toBe(property.value);
    } else {
      stack[stack.length - 1].properties.push(property);
    }
  }
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return root.children[0];
}

function parseProperty(line: string): Property {
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') inQuotes = !inQuotes;
    if (line[i] === ":" && !inQuotes) {
      colon = i;
      break;
    }
  }
  expect(colon, line).toBeGreaterThan(0);
  const [name, ...paramParts] = line.slice(0, colon).split(";");
  const params: Record<string, string> = {};
  for (const part of paramParts) {
    const [key, value] = part.split("=");
    params[key.toUpperCase()] = value;
  }
  expect(name).toMatch(/^[A-Z][A-Z0-9-]*$/);
  return { name, params, value: line.slice(colon + 1) };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

const get = (component: Component, name: string) => component.properties.find((p) => p.name === name);

function localToMs(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(value);
  expect(m, value).not.toBeNull();
  return Date.UTC(+m![1], +m![2] - 1, +m![3], +m![4], +m![5], +m![6]);
}

function offsetMs(text: string): number {
  const m = /^([+-])(\d{2})(\d{2})$/.exec(text);
  expect(m, text).not.toBeNull();
  return (m![1] === "-" ? -1 : 1) * (Number(m![2]) * 60 + Number(m![3])) * 60_000;
}

/** The UTC instant of a DTSTART/DTEND property, resolved as RFC 5545 says. */
function resolve(calendar: Component, property: Property): number {
  if (property.value.endsWith("Z")) {
    expect(property.params.TZID).toBeUndefined();
    return localToMs(property.value.slice(0, -1));
  }
  const zone = calendar.children.find((c) => c.name === "VTIMEZONE" && get(c, "TZID")?.value === property.params.TZID);
  expect(zone, `VTIMEZONE for ${property.params.TZID}`).toBeDefined();
  const observances = zone!.children
    .map((o) => {
      expect(["STANDARD", "DAYLIGHT"]).toContain(o.name);
      const from = offsetMs(get(o, "TZOFFSETFROM")!.value);
      return { onset: localToMs(get(o, "DTSTART")!.value) - from, to: offsetMs(get(o, "TZOFFSETTO")!.value) };
    })
    .sort((a, b) => a.onset - b.onset);
  const local = localToMs(property.value);
  for (let i = 0; i < observances.length; i++) {
    const instant = local - observances[i].to;
    const next = observances[i + 1]?.onset ?? Infinity;
    if (instant >= observances[i].onset && instant < next) return instant;
  }
  throw new Error(`${property.value} is not covered by the VTIMEZONE of ${property.params.TZID}`);
}

function event(overrides: Partial<CalendarEvent>): CalendarEvent {
  return {
    uid: "meeting-1@cop.example.org",
    sequence: 0,
    stamp: "2026-11-28T10:00:00.000Z",
    start: "2026-12-03T13:00:00.000Z",
    end: "2026-12-03T14:30:00.000Z",
    timeZone: "Europe/Paris",
    summary: "Monthly meeting",
    ...overrides,
  };
}

describe("iCalendar output", () => {
  it("is a well-formed VCALENDAR with the required properties", () => {
    const calendar = parseCalendar(
      buildCalendar({ name: "Evaluation procedures", events: [event({ url: "https://cop.example.org/groups/x/meetings/1" })] }),
    );
    expect(calendar.name).toBe("VCALENDAR");
    expect(get(calendar, "VERSION")!.value).toBe("2.0");
    expect(get(calendar, "PRODID")!.value).toBeTruthy();
    const vevent = calendar.children.find((c) => c.name === "VEVENT")!;
    expect(get(vevent, "UID")!.value).toBe("meeting-1@cop.example.org");
    expect(get(vevent, "DTSTAMP")!.value).toBe("20261128T100000Z");
    expect(get(vevent, "DTSTART")!.params.TZID).toBe("Europe/Paris");
    expect(get(vevent, "DTSTART")!.value).toBe("20261203T140000");
    expect(get(vevent, "STATUS")!.value).toBe("CONFIRMED");
  });

  it("resolves to the right instants on both sides of daylight-saving changes", () => {
    const cases: Array<[string, string, string]> = [
      // zone, UTC start, expected local wall time in the file
      ["Europe/Paris", "2026-03-26T13:00:00.000Z", "20260326T140000"], // CET, before the change
      ["Europe/Paris", "2026-04-02T12:00:00.000Z", "20260402T140000"], // CEST, after it
      ["Europe/Paris", "2026-10-29T13:00:00.000Z", "20261029T140000"], // back to CET
      ["America/New_York", "2026-03-08T07:30:00.000Z", "20260308T033000"], // just after spring forward
      ["America/New_York", "2026-11-02T14:00:00.000Z", "20261102T090000"],
      ["Australia/Sydney", "2026-04-03T23:00:00.000Z", "20260404T100000"], // AEDT +11
      ["Australia/Sydney", "2026-04-06T00:00:00.000Z", "20260406T100000"], // AEST +10
      ["Asia/Ho_Chi_Minh", "2026-12-03T06:00:00.000Z", "20261203T130000"],
      ["Asia/Kolkata", "2026-12-03T08:30:00.000Z", "20261203T140000"],
      ["Pacific/Chatham", "2026-07-01T02:15:00.000Z", "20260701T150000"], // +12:45
    ];
    for (const [zone, start, local] of cases) {
      const end = new Date(Date.parse(start) + 90 * 60_000).toISOString();
      const text = buildCalendar({ events: [event({ timeZone: zone, start, end })] });
      const calendar = parseCalendar(text);
      const vevent = calendar.children.find((c) => c.name === "VEVENT")!;
      expect(get(vevent, "DTSTART")!.value, zone).toBe(local);
      expect(resolve(calendar, get(vevent, "DTSTART")!), `${zone} ${start}`).toBe(Date.parse(start));
      expect(resolve(calendar, get(vevent, "DTEND")!), `${zone} end`).toBe(Date.parse(end));
    }
  });

  it("keeps one VTIMEZONE per zone for a feed whose events span a change, each resolved correctly", () => {
    const events = [
      event({ uid: "a@x", start: "2026-03-12T13:00:00.000Z", end: "2026-03-12T14:00:00.000Z" }),
      event({ uid: "b@x", start: "2026-04-09T12:00:00.000Z", end: "2026-04-09T13:00:00.000Z" }),
      event({ uid: "c@x", timeZone: "Asia/Ho_Chi_Minh", start: "2026-04-09T02:00:00.000Z", end: "2026-04-09T03:00:00.000Z" }),
      event({ uid: "d@x", timeZone: "UTC", start: "2026-04-09T09:00:00.000Z", end: "2026-04-09T10:00:00.000Z" }),
    ];
    const calendar = parseCalendar(buildCalendar({ name: "Feed", events }));
    const zones = calendar.children.filter((c) => c.name === "VTIMEZONE").map((c) => get(c, "TZID")!.value);
    expect(zones.sort()).toEqual(["Asia/Ho_Chi_Minh", "Europe/Paris"]);
    const paris = calendar.children.find((c) => c.name === "VTIMEZONE" && get(c, "TZID")!.value === "Europe/Paris")!;
    expect(paris.children.some((o) => o.name === "DAYLIGHT" && get(o, "TZOFFSETTO")!.value === "+0200")).toBe(true);
    expect(paris.children.some((o) => o.name === "STANDARD" && get(o, "TZOFFSETTO")!.value === "+0100")).toBe(true);
    const vevents = calendar.children.filter((c) => c.name === "VEVENT");
    expect(vevents).toHaveLength(4);
    for (const [i, vevent] of vevents.entries()) {
      expect(resolve(calendar, get(vevent, "DTSTART")!)).toBe(Date.parse(events[i].start));
    }
    expect(get(vevents[3], "DTSTART")!.value).toBe("20260409T090000Z");
  });

  it("escapes TEXT values and folds long lines at 75 octets without splitting characters", () => {
    const summary = "Review: risk, KPIs; back\\slash";
    const description =
      "Agenda:\n1. Quarterly report — hospitals, primary care; KPIs\n2. Đánh giá công cụ AI trước khi triển khai tại bệnh viện Bạch Mai và các trạm y tế.\n".repeat(
        4,
      );
    const calendar = parseCalendar(
      buildCalendar({ events: [event({ summary, description, location: "Room 3, Geneva; or online" })] }),
    );
    const vevent = calendar.children.find((c) => c.name === "VEVENT")!;
    expect(unescapeText(get(vevent, "SUMMARY")!.value)).toBe(summary);
    expect(unescapeText(get(vevent, "DESCRIPTION")!.value)).toBe(description);
    expect(unescapeText(get(vevent, "LOCATION")!.value)).toBe("Room 3, Geneva; or online");
    expect(escapeText("a,b;c\\d\r\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const folded = foldLine("X:" + "é".repeat(100));
    for (const line of folded.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe("X:" + "é".repeat(100));
  });

  it("marks cancelled meetings and carries their sequence", () => {
    const calendar = parseCalendar(buildCalendar({ events: [event({ cancelled: true, sequence: 3 })] }));
    const vevent = calendar.children.find((c) => c.name === "VEVENT")!;
    expect(get(vevent, "STATUS")!.value).toBe("CANCELLED");
    expect(get(vevent, "SEQUENCE")!.value).toBe("3");
  });
});

describe("wall-clock times in a time zone", () => {
  it("converts the organiser's local time to UTC across changes", () => {
    expect(localToUtc("2026-03-26T14:00", "Europe/Paris")).toEqual({ ok: true, iso: "2026-03-26T13:00:00.000Z" });
    expect(localToUtc("2026-04-02T14:00", "Europe/Paris")).toEqual({ ok: true, iso: "2026-04-02T12:00:00.000Z" });
    // The zone list of the runtime (app/utils/time-zones.ts) names Hồ Chí Minh City by its CLDR id.
    expect(localToUtc("2026-12-03T13:00", "Asia/Saigon")).toEqual({ ok: true, iso: "2026-12-03T06:00:00.000Z" });
    expect(localToUtc("2026-12-03T13:00", "UTC")).toEqual({ ok: true, iso: "2026-12-03T13:00:00.000Z" });
  });

  it("refuses times skipped by the clocks, takes the first of repeated ones, refuses unknown zones and nonsense", () => {
    expect(localToUtc("2026-03-29T02:30", "Europe/Paris")).toEqual({ ok: false, reason: "nonexistent" });
    expect(localToUtc("2026-10-25T02:30", "Europe/Paris")).toEqual({ ok: true, iso: "2026-10-25T00:30:00.000Z" });
    expect(localToUtc("2026-12-03T13:00", "Mars/Olympus_Mons")).toEqual({ ok: false, reason: "unknown_zone" });
    expect(localToUtc("2026-02-30T13:00", "UTC")).toEqual({ ok: false, reason: "invalid" });
    expect(localToUtc("tomorrow", "UTC")).toEqual({ ok: false, reason: "invalid" });
  });

  it("shows UTC instants as the organiser's wall time, and finds transitions", () => {
    expect(utcToLocalInput("2026-04-02T12:00:00.000Z", "Europe/Paris")).toBe("2026-04-02T14:00");
    const changes = transitions("Europe/Paris", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(changes).toEqual([
      { at: Date.UTC(2026, 2, 29, 1), from: 60, to: 120 },
      { at: Date.UTC(2026, 9, 25, 1), from: 120, to: 60 },
    ]);
    expect(transitions("Asia/Ho_Chi_Minh", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([]);
  });
});
