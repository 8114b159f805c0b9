// Languages of the interface and the i18next set-up shared by the server and the browser.
import i18next, { type i18n as I18n, type Resource } from "i18next";
import type { Language } from "../../db/schema";
import type { Messages } from "~/locales/en";

export const LANGUAGES = ["en", "fr", "vi"] as const satisfies readonly Language[];
export const DEFAULT_LANGUAGE: Language = "en";
export const LANGUAGE_COOKIE = "lang";
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", fr: "Français", vi: "Tiếng Việt" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The best supported language for an Accept-Language header (RFC 9110 quality values). */
export function languageFromAcceptLanguage(header: string | null | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLanguage);
}

export function createI18n(language: Language, messages: Messages): I18n {
  const resources: Resource = { [language]: { translation: messages } };
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    resources,
    initImmediate: false,
    interpolation: { escapeValue: false }, // React escapes what it renders
    returnNull: false,
  });
  return instance;
}
