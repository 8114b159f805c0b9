// The time-zone module: old names mapped to current ones for every zone the runtime lists, the
// localised and grouped options of the forms, and how meeting times are written for each reader.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { formatMeetingRange, meetingTimeText } from "~/components/group/meeting-time";
import { buildCalendar } from "~/utils/ical.server";
import { fixedT } from "~/utils/i18n.server";
import { timeZoneOptionsFor } from "~/utils/time-zone-options.server";
import {
  LEGACY_TIME_ZONES,
  TIME_ZONE_REGIONS,
  currentZoneName,
  isTimeZone,
  offsetLabel,
  timeZoneOptions,
  timeZones,
  zoneCity,
  zoneRegion,
} from "~/utils/time-zones";

/** Zones tzdata names today (zone.tab), when the system has tzdata. */
function currentIanaNames(): Set<string> | null {
  try {
    const tab = fs.readFileSync("/usr/share/zoneinfo/zone.tab", "utf8");
    return new Set(
      tab
        .split("\n")
        .filter((line) => line && !line.startsWith("#"))
        .map((line) => line.split("\t")[2]),
    );
  } catch {
    return null;
  }
}

describe("current zone names", () => {
  it("maps the old names the runtime still lists to their current names", () => {
    const expected: Record<string, string> = {
      "Asia/Saigon": "Asia/Ho_Chi_Minh",
      "Asia/Calcutta": "Asia/Kolkata",
      "Asia/Rangoon": "Asia/Yangon",
      "Asia/Katmandu": "Asia/Kathmandu",
      "Europe/Kiev": "Europe/Kyiv",
      "America/Godthab": "America/Nuuk",
      "Africa/Asmera": "Africa/Asmara",
      "Atlantic/Faeroe": "Atlantic/Faroe",
      "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
      "America/Catamarca": "America/Argentina/Catamarca",
      "America/Cordoba": "America/Argentina/Cordoba",
      "America/Jujuy": "America/Argentina/Jujuy",
      "America/Mendoza": "America/Argentina/Mendoza",
      "America/Indianapolis": "America/Indiana/Indianapolis",
      "America/Louisville": "America/Kentucky/Louisville",
      "America/Coral_Harbour": "America/Atikokan",
      "Pacific/Truk": "Pacific/Chuuk",
      "Pacific/Ponape": "Pacific/Pohnpei",
      "Pacific/Enderbury": "Pacific/Kanton",
      "Etc/UTC": "UTC",
    };
    for (const [legacy, current] of Object.entries(expected)) expect(currentZoneName(legacy), legacy).toBe(current);
    expect(currentZoneName("Europe/Paris")).toBe("Europe/Paris");
    expect(currentZoneName("Asia/Ho_Chi_Minh")).toBe("Asia/Ho_Chi_Minh");
  });

  it("offers every zone the runtime lists under a current name, and never an old one", () => {
    const offered = timeZones();
    expect(offered[0]).toBe("UTC");
    expect(new Set(offered).size).toBe(offered.length);
    for (const zone of Intl.supportedValuesOf("timeZone")) expect(offered, zone).toContain(currentZoneName(zone));
    expect(offered.filter((zone) => zone in LEGACY_TIME_ZONES)).toEqual([]);
    // Checked against tzdata's own list of current names where the system has it.
    const iana = currentIanaNames();
    if (iana) expect(offered.filter((zone) => zone !== "UTC" && !iana.has(zone))).toEqual([]);
  });

  it("maps to names Intl accepts and that are themselves current", () => {
    for (const [legacy, current] of Object.entries(LEGACY_TIME_ZONES)) {
      expect(current in LEGACY_TIME_ZONES, `${legacy} → ${current}`).toBe(false);
      expect(() => new Intl.DateTimeFormat("en", { timeZone: current }), current).not.toThrow();
    }
  });

  it("accepts both spellings of a zone and refuses what is not one", () => {
    for (const zone of [
      "Asia/Ho_Chi_Minh",
      "Asia/Saigon",
      "Asia/Kolkata",
      "Asia/Calcutta",
      "UTC",
      "Etc/UTC",
      "America/Argentina/Jujuy",
    ])
      expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ["Mars/Olympus_Mons", "", "Asia/Ho Chi Minh", "../etc/passwd", "Europe/Paris\n"])
      expect(isTimeZone(zone), zone).toBe(false);
  });

  it("writes an .ics of a meeting stored under an old name with the current TZID", () => {
    const text = buildCalendar({
      events: [
        {
          uid: "m@x",
          sequence: 0,
          stamp: "2026-11-29T00:00:00.000Z",
          start: "2026-12-03T07:00:00.000Z",
          end: "2026-12-03T08:30:00.000Z",
          timeZone: "Asia/Saigon",
          summary: "Meeting",
        },
      ],
    });
    expect(text).toContain("TZID:Asia/Ho_Chi_Minh\r\n");
    expect(text).toContain("DTSTART;TZID=Asia/Ho_Chi_Minh:20261203T140000\r\n");
    expect(text).not.toContain("Saigon");
  });
});

describe("the options of the time-zone field", () => {
  const now = new Date("2026-12-01T12:00:00Z");

  it("are grouped by region, UTC first, each labelled with its place, localised name and current offset", () => {
    const en = timeZoneOptions("en", undefined, now);
    expect(en.utc).toEqual({ value: "UTC", label: "UTC — Coordinated Universal Time" });
    expect(en.groups.map((group) => group.region)).toEqual(
      TIME_ZONE_REGIONS.filter((region) => en.groups.some((group) => group.region === region)),
    );
    for (const group of en.groups) for (const option of group.options) expect(zoneRegion(option.value)).toBe(group.region);
    const asia = en.groups.find((group) => group.region === "asia")!.options;
    expect(asia.find((option) => option.value === "Asia/Ho_Chi_Minh")!.label).toBe("Ho Chi Minh — Indochina Time (UTC+07:00)");
    expect(asia.find((option) => option.value === "Asia/Kathmandu")!.label).toBe("Kathmandu — Nepal Time (UTC+05:45)");
    const america = en.groups.find((group) => group.region === "america")!.options;
    expect(america.find((option) => option.value === "America/Argentina/Jujuy")!.label).toMatch(
      /^Jujuy \(Argentina\) — .+ \(UTC\u221203:00\)$/,
    );
  });

  it("are localised in French and Vietnamese, place names from the catalogue", () => {
    const fr = timeZoneOptionsFor("fr");
    const vi = timeZoneOptionsFor("vi");
    const label = (options: typeof fr, zone: string) =>
      options.groups.flatMap((group) => group.options).find((option) => option.value === zone)!.label;
    expect(label(fr, "Asia/Ho_Chi_Minh")).toMatch(/^Hô Chi Minh — heure d’Indochine \(UTC\+07:00\)$/);
    expect(label(fr, "Europe/London")).toMatch(/^Londres — /);
    expect(label(vi, "Asia/Ho_Chi_Minh")).toMatch(/^Hồ Chí Minh — Giờ Đông Dương \(UTC\+07:00\)$/);
    expect(fr.utc.label).toBe("UTC — temps universel coordonné");
    expect(fixedT("fr")("time.regions.asia")).toBe("Asie");
    expect(fixedT("vi")("time.regions.europe")).toBe("Châu Âu");
  });

  it("follow the clocks: the same lists within the hour, rebuilt with the new offset after it", () => {
    const winter = timeZoneOptions("en", undefined, new Date("2027-01-10T12:00:00Z"));
    expect(timeZoneOptions("en", undefined, new Date("2027-01-10T12:30:00Z"))).toBe(winter);
    const summer = timeZoneOptions("en", undefined, new Date("2027-07-10T12:00:00Z"));
    expect(summer).not.toBe(winter);
    const paris = (options: typeof winter) =>
      options.groups.find((group) => group.region === "europe")!.options.find((option) => option.value === "Europe/Paris")!.label;
    expect(paris(winter)).toContain("(UTC+01:00)");
    expect(paris(summer)).toContain("(UTC+02:00)");
  });

  it("name places and offsets from the zone", () => {
    expect(zoneCity("Asia/Ho_Chi_Minh")).toBe("Ho Chi Minh");
    expect(zoneCity("America/Indiana/Knox")).toBe("Knox (Indiana)");
    expect(offsetLabel(345)).toBe("UTC+05:45");
    expect(offsetLabel(-210)).toBe("UTC\u221203:30");
    expect(offsetLabel(0)).toBe("UTC+00:00");
  });
});

describe("a meeting's time for each reader", () => {
  const meeting = { startsAt: "2026-12-03T07:00:00.000Z", endsAt: "2026-12-03T08:30:00.000Z", timeZone: "Asia/Saigon" };
  // The full date as Intl writes it in English ("Thursday, 3 December 2026, 14:00–15:30", punctuation per ICU version).
  const full = (zone: string, start = meeting.startsAt, end = meeting.endsAt) => formatMeetingRange(start, end, "en", zone);

  it("is in the organiser's zone and in UTC for a reader without a zone, whatever the row holds", () => {
    const text = meetingTimeText(fixedT("en"), { ...meeting, language: "en", readerZone: null });
    expect(text.zone).toBe("Asia/Ho_Chi_Minh");
    expect(full("Asia/Ho_Chi_Minh")).toMatch(/^Thursday,? 3 December 2026, 14:00–15:30$/);
    expect(text.compact).toBe(`${full("Asia/Ho_Chi_Minh")} Asia/Ho_Chi_Minh (07:00–08:30 UTC)`);
    expect(text.utcTime).toBe(full("UTC"));
    expect(text.utcTime).toMatch(/07:00–08:30$/);
    expect(meetingTimeText(fixedT("en"), { ...meeting, language: "en", readerZone: "UTC" }).compact).toBe(text.compact);
    const fr = meetingTimeText(fixedT("fr"), { ...meeting, language: "fr", readerZone: null }).compact;
    expect(fr).toContain("Asia/Ho_Chi_Minh (soit 07:00");
    expect(fr).toContain("jeudi 3 décembre 2026");
    expect(meetingTimeText(fixedT("vi"), { ...meeting, language: "vi", readerZone: null }).compact).toContain(
      "Asia/Ho_Chi_Minh (tức 07:00",
    );
  });

  it("gives the UTC date when it is another day there", () => {
    const late = { startsAt: "2026-12-02T23:00:00.000Z", endsAt: "2026-12-03T00:30:00.000Z", timeZone: "Asia/Ho_Chi_Minh" };
    const text = meetingTimeText(fixedT("en"), { ...late, language: "en", readerZone: null });
    expect(text.compact.startsWith(`${full("Asia/Ho_Chi_Minh", late.startsAt, late.endsAt)} Asia/Ho_Chi_Minh (`)).toBe(true);
    expect(text.compact).toMatch(/\(2 Dec 2026, 23:00\s?–\s?3 Dec 2026, 00:30 UTC\)$/);
  });

  it("is in the reader's own zone, with the organiser's when it differs", () => {
    const paris = meetingTimeText(fixedT("en"), { ...meeting, language: "en", readerZone: "Europe/Paris" });
    expect(paris.compact).toBe(`${full("Europe/Paris")} Europe/Paris (organiser: 14:00–15:30 Asia/Ho_Chi_Minh)`);
    expect(paris.organiserTime).toBe(full("Asia/Ho_Chi_Minh"));
    const same = meetingTimeText(fixedT("en"), { ...meeting, language: "en", readerZone: "Asia/Ho_Chi_Minh" });
    expect(same.compact).toBe(`${full("Asia/Ho_Chi_Minh")} Asia/Ho_Chi_Minh`);
    expect(same.organiserTime).toBeNull();
  });
});
