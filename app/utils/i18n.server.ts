// The language of each request, and the server's i18next instances (one per language, shared).
import type { i18n as I18n, TFunction } from "i18next";
import type { Language } from "~/domain/vocabulary";
import en from "~/locales/en";
import fr from "~/locales/fr";
import vi from "~/locales/vi";
import type { Viewer } from "~/policies";
import { createI18n, DEFAULT_LANGUAGE, isLanguage, LANGUAGE_COOKIE, languageFromAcceptLanguage } from "./i18n";
import { readCookies } from "./request-cookies.server";

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

/**
 * The language of a visitor without a member's setting: the one chosen in the language menu (its
 * cookie), else the best for Accept-Language, else the default.
 */
export function visitorLanguage(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): Language {
  const chosen = readCookies(cookieHeader)[LANGUAGE_COOKIE];
  return isLanguage(chosen) ? chosen : (languageFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE);
}

/** The interface language: the member's setting, else the language chosen in the menu, else Accept-Language. */
export function requestLanguage(request: Request, viewer: Viewer | null): Language {
  return viewer?.language ?? visitorLanguage(request.headers.get("cookie"), request.headers.get("accept-language"));
}

export function languageCookie(language: Language): string {
  return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
