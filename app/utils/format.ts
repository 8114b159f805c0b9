// Dates and numbers go through Intl, in the viewer's language and time zone. Intl formatters are
// costly to create, so each one is made once and reused.
import type { Language } from "~/domain/vocabulary";

const LOCALES: Record<Language, string> = { en: "en-GB", fr: "fr-FR", vi: "vi-VN" };

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: Language, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short" } : {}),
      timeZone,
    });
    if (dateFormats.size > 500) dateFormats.clear();
    dateFormats.set(key, format);
  }
  return format;
}

// Formatting itself costs microseconds per call and a page formats dozens of dates (each post's), the
// same ones on every view of that page: the answers are kept, a bounded number of them. They depend
// only on the arguments, so a kept answer is never stale and never someone else's.
const MAX_REMEMBERED = 5_000;
const formattedDates = new Map<string, string>();

export function formatDate(iso: string | null | undefined, language: Language, timeZone = "UTC", withTime = false): string {
  if (!iso) return "";
  const key = `${iso}|${language}|${timeZone}|${withTime ? 1 : 0}`;
  let formatted = formattedDates.get(key);
  if (formatted === undefined) {
    formatted = formatDateNow(iso, language, timeZone, withTime);
    if (formattedDates.size >= MAX_REMEMBERED) formattedDates.clear();
    formattedDates.set(key, formatted);
  }
  return formatted;
}

function formatDateNow(iso: string, language: Language, timeZone: string, withTime: boolean): string {
  const dateOnly = iso.length === 10;
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return "";
  try {
    return dateFormat(language, dateOnly ? "UTC" : timeZone, withTime).format(date);
  } catch {
    return dateFormat(language, "UTC", withTime).format(date);
  }
}

const numberFormats = new Map<Language, Intl.NumberFormat>();
export function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language]);
    numberFormats.set(language, format);
  }
  return format.format(value);
}

const regionNames = new Map<Language, Intl.DisplayNames>();
const countryNames = new Map<string, string>();
export function countryName(code: string, language: Language): string {
  const key = `${language}|${code}`;
  let name = countryNames.get(key);
  if (name === undefined) {
    name = countryNameNow(code, language);
    if (countryNames.size >= MAX_REMEMBERED) countryNames.clear();
    countryNames.set(key, name);
  }
  return name;
}

function countryNameNow(code: string, language: Language): string {
  try {
    let names = regionNames.get(language);
    if (!names) {
      names = new Intl.DisplayNames([LOCALES[language]], { type: "region" });
      regionNames.set(language, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
