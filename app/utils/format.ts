// Dates and numbers go through Intl, in the viewer's language and time zone. Intl formatters are
// costly to create, so each one is made once and reused.
import type { Language } from "../../db/schema";

const LOCALES: Record<Language, string> = { en: "en-GB", fr: "fr-FR", vi: "vi-VN" };

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: Language, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}), timeZone });
    if (dateFormats.size > 500) dateFormats.clear();
    dateFormats.set(key, format);
  }
  return format;
}

export function formatDate(iso: string | null | undefined, language: Language, timeZone = "UTC", withTime = false): string {
  if (!iso) return "";
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
export function countryName(code: string, language: Language): string {
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
