// Dates and numbers go through Intl, in the viewer's language and time zone.
import type { Language } from "../../db/schema";

const LOCALES: Record<Language, string> = { en: "en-GB", fr: "fr-FR", vi: "vi-VN" };

export function formatDate(iso: string | null | undefined, language: Language, timeZone = "UTC", withTime = false): string {
  if (!iso) return "";
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
    timeZone: iso.length === 10 ? "UTC" : timeZone,
  }).format(date);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

export function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([LOCALES[language]], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
