// The language of each request, and the server's i18next instances (one per language, shared).
import type { i18n as I18n, TFunction } from "i18next";
import type { Language } from "../../db/schema";
import en from "~/locales/en";
import fr from "~/locales/fr";
import vi from "~/locales/vi";
import type { Viewer } from "~/policies";
import { createI18n, LANGUAGE_COOKIE, visitorLanguage } from "./i18n";

const instances: Record<Language, I18n> = {
  en: createI18n("en", en),
  fr: createI18n("fr", fr),
  vi: createI18n("vi", vi),
};

export function i18nFor(language: Language): I18n {
  return instances[language];
}

export function fixedT(language: Language): TFunction {
  return instances[language].t;
}

/** The interface language: the member's setting, else the language chosen in the menu, else Accept-Language. */
export function requestLanguage(request: Request, viewer: Viewer | null): Language {
  return viewer?.language ?? visitorLanguage(request.headers.get("cookie"), request.headers.get("accept-language"));
}

export function languageCookie(language: Language): string {
  return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
