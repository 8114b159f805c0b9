// The time-zone options of a form page, in the reader's language, with the catalogue's names of
// places whose spelling differs between languages.
import type { Language } from "~/domain/vocabulary";
import en from "~/locales/en";
import fr from "~/locales/fr";
import vi from "~/locales/vi";
import { timeZoneOptions, type TimeZoneOptions } from "./time-zones";

const CITIES: Record<Language, Readonly<Record<string, string>>> = { en: en.time.cities, fr: fr.time.cities, vi: vi.time.cities };

export function timeZoneOptionsFor(language: Language): TimeZoneOptions {
  const cities = CITIES[language] ?? {};
  return timeZoneOptions(language, (zone) => cities[zone]);
}
