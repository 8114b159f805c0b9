// IANA time zones, under their current names. The runtime's Intl data (CLDR) still lists and
// answers many zones by their old names (Asia/Saigon, Asia/Calcutta, Europe/Kiev…) and browsers'
// resolvedOptions().timeZone may too, while Intl accepts the current ones just as well. So every
// zone is saved, shown and exported as its current name: LEGACY maps each old name (tzdata's
// "backward" links) to the name tzdata's zone.tab uses for that place today.
// Isomorphic: the join form's browser guess and the schemas use it; the option lists are built in
// loaders of form pages only (a few hundred Intl formatters per language, cached for an hour).

/** Old name → current name. Every id Intl.supportedValuesOf("timeZone") lists that has a newer name is here. */
export const LEGACY_TIME_ZONES: Readonly<Record<string, string>> = {
  // Renamed places and respelled names.
  "Africa/Asmera": "Africa/Asmara",
  "Africa/Timbuktu": "Africa/Bamako",
  "America/Argentina/ComodRivadavia": "America/Argentina/Catamarca",
  "America/Atka": "America/Adak",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Ensenada": "America/Tijuana",
  "America/Fort_Wayne": "America/Indiana/Indianapolis",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Knox_IN": "America/Indiana/Knox",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "America/Montreal": "America/Toronto",
  "America/Nipigon": "America/Toronto",
  "America/Pangnirtung": "America/Iqaluit",
  "America/Porto_Acre": "America/Rio_Branco",
  "America/Rainy_River": "America/Winnipeg",
  "America/Rosario": "America/Argentina/Cordoba",
  "America/Santa_Isabel": "America/Tijuana",
  "America/Shiprock": "America/Denver",
  "America/Thunder_Bay": "America/Toronto",
  "America/Virgin": "America/St_Thomas",
  "America/Yellowknife": "America/Edmonton",
  "Antarctica/South_Pole": "Antarctica/McMurdo",
  "Asia/Ashkhabad": "Asia/Ashgabat",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Choibalsan": "Asia/Ulaanbaatar",
  "Asia/Chongqing": "Asia/Shanghai",
  "Asia/Chungking": "Asia/Shanghai",
  "Asia/Dacca": "Asia/Dhaka",
  "Asia/Harbin": "Asia/Shanghai",
  "Asia/Istanbul": "Europe/Istanbul",
  "Asia/Kashgar": "Asia/Urumqi",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Macao": "Asia/Macau",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Tel_Aviv": "Asia/Jerusalem",
  "Asia/Thimbu": "Asia/Thimphu",
  "Asia/Ujung_Pandang": "Asia/Makassar",
  "Asia/Ulan_Bator": "Asia/Ulaanbaatar",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Atlantic/Jan_Mayen": "Arctic/Longyearbyen",
  "Australia/ACT": "Australia/Sydney",
  "Australia/Canberra": "Australia/Sydney",
  "Australia/Currie": "Australia/Hobart",
  "Australia/LHI": "Australia/Lord_Howe",
  "Australia/NSW": "Australia/Sydney",
  "Australia/North": "Australia/Darwin",
  "Australia/Queensland": "Australia/Brisbane",
  "Australia/South": "Australia/Adelaide",
  "Australia/Tasmania": "Australia/Hobart",
  "Australia/Victoria": "Australia/Melbourne",
  "Australia/West": "Australia/Perth",
  "Australia/Yancowinna": "Australia/Broken_Hill",
  "Europe/Belfast": "Europe/London",
  "Europe/Kiev": "Europe/Kyiv",
  "Europe/Nicosia": "Asia/Nicosia",
  "Europe/Tiraspol": "Europe/Chisinau",
  "Europe/Uzhgorod": "Europe/Kyiv",
  "Europe/Zaporozhye": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Johnston": "Pacific/Honolulu",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Samoa": "Pacific/Pago_Pago",
  "Pacific/Truk": "Pacific/Chuuk",
  "Pacific/Yap": "Pacific/Chuuk",
  // Country-style names.
  "Brazil/Acre": "America/Rio_Branco",
  "Brazil/DeNoronha": "America/Noronha",
  "Brazil/East": "America/Sao_Paulo",
  "Brazil/West": "America/Manaus",
  "Canada/Atlantic": "America/Halifax",
  "Canada/Central": "America/Winnipeg",
  "Canada/Eastern": "America/Toronto",
  "Canada/Mountain": "America/Edmonton",
  "Canada/Newfoundland": "America/St_Johns",
  "Canada/Pacific": "America/Vancouver",
  "Canada/Saskatchewan": "America/Regina",
  "Canada/Yukon": "America/Whitehorse",
  "Chile/Continental": "America/Santiago",
  "Chile/EasterIsland": "Pacific/Easter",
  Cuba: "America/Havana",
  Egypt: "Africa/Cairo",
  Eire: "Europe/Dublin",
  GB: "Europe/London",
  "GB-Eire": "Europe/London",
  Hongkong: "Asia/Hong_Kong",
  Iceland: "Atlantic/Reykjavik",
  Iran: "Asia/Tehran",
  Israel: "Asia/Jerusalem",
  Jamaica: "America/Jamaica",
  Japan: "Asia/Tokyo",
  Kwajalein: "Pacific/Kwajalein",
  Libya: "Africa/Tripoli",
  "Mexico/BajaNorte": "America/Tijuana",
  "Mexico/BajaSur": "America/Mazatlan",
  "Mexico/General": "America/Mexico_City",
  NZ: "Pacific/Auckland",
  "NZ-CHAT": "Pacific/Chatham",
  Navajo: "America/Denver",
  PRC: "Asia/Shanghai",
  Poland: "Europe/Warsaw",
  Portugal: "Europe/Lisbon",
  ROC: "Asia/Taipei",
  ROK: "Asia/Seoul",
  Singapore: "Asia/Singapore",
  Turkey: "Europe/Istanbul",
  "US/Alaska": "America/Anchorage",
  "US/Aleutian": "America/Adak",
  "US/Arizona": "America/Phoenix",
  "US/Central": "America/Chicago",
  "US/East-Indiana": "America/Indiana/Indianapolis",
  "US/Eastern": "America/New_York",
  "US/Hawaii": "Pacific/Honolulu",
  "US/Indiana-Starke": "America/Indiana/Knox",
  "US/Michigan": "America/Detroit",
  "US/Mountain": "America/Denver",
  "US/Pacific": "America/Los_Angeles",
  "US/Samoa": "Pacific/Pago_Pago",
  "W-SU": "Europe/Moscow",
  // The spellings of UTC itself.
  "Etc/GMT": "UTC",
  "Etc/GMT+0": "UTC",
  "Etc/GMT-0": "UTC",
  "Etc/GMT0": "UTC",
  "Etc/Greenwich": "UTC",
  "Etc/UCT": "UTC",
  "Etc/UTC": "UTC",
  "Etc/Universal": "UTC",
  "Etc/Zulu": "UTC",
  GMT: "UTC",
  "GMT+0": "UTC",
  "GMT-0": "UTC",
  GMT0: "UTC",
  Greenwich: "UTC",
  UCT: "UTC",
  Universal: "UTC",
  Zulu: "UTC",
};

/** The current name of a zone (Asia/Saigon → Asia/Ho_Chi_Minh); other values unchanged. */
export function currentZoneName(zone: string): string {
  return Object.prototype.hasOwnProperty.call(LEGACY_TIME_ZONES, zone) ? LEGACY_TIME_ZONES[zone] : zone;
}

let list: string[] | undefined;
let known: Set<string> | undefined;

/** The zones members choose from, under their current names: UTC first, then the others by name. */
export function timeZones(): string[] {
  if (!list) {
    const current = new Set(Intl.supportedValuesOf("timeZone").map(currentZoneName));
    current.delete("UTC");
    list = ["UTC", ...[...current].sort()];
    known = new Set(list);
  }
  return list;
}

/** A zone Intl knows, by its current or its old name (Asia/Ho_Chi_Minh, Asia/Saigon). */
export function isTimeZone(value: string): boolean {
  if (!known) timeZones();
  if (known!.has(value) || known!.has(currentZoneName(value))) return true;
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone a browser says it is in, under its current name, when it is one members may choose;
 * null otherwise (no Intl, or a zone such as Etc/GMT+5 the list does not offer).
 */
export function browserTimeZone(): string | null {
  try {
    const zone = currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone ?? "");
    return zone && isTimeZone(zone) ? zone : null;
  } catch {
    return null;
  }
}

export const TIME_ZONE_REGIONS = [
  "africa",
  "america",
  "antarctica",
  "arctic",
  "asia",
  "atlantic",
  "australia",
  "europe",
  "indian",
  "pacific",
  "other",
] as const;
export type TimeZoneRegion = (typeof TIME_ZONE_REGIONS)[number];

export interface TimeZoneOption {
  value: string;
  label: string;
}

export interface TimeZoneGroup {
  /** Named through the catalogue: time.regions.<region>. */
  region: TimeZoneRegion;
  options: TimeZoneOption[];
}

export interface TimeZoneOptions {
  /** UTC, before the groups. */
  utc: TimeZoneOption;
  groups: TimeZoneGroup[];
}

/** The first part of a zone's name as a region key (America/Argentina/Jujuy → america). */
export function zoneRegion(zone: string): TimeZoneRegion {
  const region = zone.split("/")[0].toLowerCase() as TimeZoneRegion;
  return zone.includes("/") && (TIME_ZONE_REGIONS as readonly string[]).includes(region) ? region : "other";
}

/** The place a zone is named after, from its name: "Ho Chi Minh", "Jujuy (Argentina)". */
export function zoneCity(zone: string): string {
  const parts = zone.split("/").map((part) => part.replace(/_/g, " "));
  if (parts.length === 3) return `${parts[2]} (${parts[1]})`;
  return parts[parts.length - 1];
}

/** "UTC+07:00", "UTC−03:30" (a true minus sign), "UTC+00:00". */
export function offsetLabel(minutes: number): string {
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? "\u2212" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC in minutes (east positive) at `at`. */
export function zoneOffsetMinutes(zone: string, at: Date = new Date()): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /([+\-\u2212])(\d{1,2})(?::?(\d{2}))?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "+" ? minutes : -minutes;
}

const LOCALES: Record<string, string> = { en: "en-GB", fr: "fr-FR", vi: "vi-VN" };
const HOUR = 3_600_000;
const MAX_CACHED_LANGUAGES = 8;
const optionCache = new Map<string, { builtAt: number; options: TimeZoneOptions }>();

/**
 * The generic name of the zone's time ("Indochina Time", "heure d’Indochine"), unless it is only
 * an offset. Generic names do not change with the seasons, so they are kept for good.
 */
const genericNames = new Map<string, Map<string, string | null>>();
function genericName(zone: string, locale: string, at: Date): string | null {
  let names = genericNames.get(locale);
  if (!names) {
    if (genericNames.size >= MAX_CACHED_LANGUAGES) genericNames.clear();
    names = new Map();
    genericNames.set(locale, names);
  }
  let name = names.get(zone);
  if (name === undefined) {
    try {
      const style = zone === "UTC" ? "long" : "longGeneric";
      const value = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
        .formatToParts(at)
        .find((part) => part.type === "timeZoneName")?.value;
      name = value && !/^(GMT|UTC)([+\-\u2212]|$)/.test(value) ? value : null;
    } catch {
      name = null;
    }
    names.set(zone, name);
  }
  return name;
}

/**
 * The zones as localised, region-grouped options: "Ho Chi Minh — Indochina Time (UTC+07:00)".
 * Offsets are those in force now, so the lists are rebuilt hourly (clocks change) and kept per
 * language. `cityName` gives a localised name of a place when the catalogue has one.
 */
export function timeZoneOptions(
  language: string,
  cityName: (zone: string) => string | undefined = () => undefined,
  now: Date = new Date(),
): TimeZoneOptions {
  const cached = optionCache.get(language);
  if (cached && now.getTime() - cached.builtAt < HOUR && now.getTime() >= cached.builtAt) return cached.options;
  const locale = LOCALES[language] ?? language;
  const label = (zone: string, city: string) => {
    const generic = genericName(zone, locale, now);
    const offset = offsetLabel(zoneOffsetMinutes(zone, now));
    return generic ? `${city} — ${generic} (${offset})` : `${city} (${offset})`;
  };
  const collator = new Intl.Collator(locale);
  const byRegion = new Map<TimeZoneRegion, TimeZoneOption[]>();
  for (const zone of timeZones()) {
    if (zone === "UTC") continue;
    const region = zoneRegion(zone);
    const options = byRegion.get(region) ?? [];
    options.push({ value: zone, label: label(zone, cityName(zone) ?? zoneCity(zone)) });
    byRegion.set(region, options);
  }
  const groups = TIME_ZONE_REGIONS.filter((region) => byRegion.has(region)).map((region) => ({
    region,
    options: byRegion.get(region)!.sort((a, b) => collator.compare(a.label, b.label)),
  }));
  const utcName = genericName("UTC", locale, now);
  const options: TimeZoneOptions = { utc: { value: "UTC", label: utcName ? `UTC — ${utcName}` : "UTC" }, groups };
  if (optionCache.size >= MAX_CACHED_LANGUAGES && !optionCache.has(language)) optionCache.clear();
  optionCache.set(language, { builtAt: now.getTime(), options });
  return options;
}
