// Languages of the interface and the i18next set-up shared by the server and the browser.
import i18next, { type i18n as I18n, type Resource } from "i18next";
import type { Language } from "~/domain/vocabulary";
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
  memoizeLookups(instance);
  return instance;
}

type Translate = (...args: unknown[]) => unknown;

/** At most this many answers are kept per instance (names and numbers make the interpolated ones many). */
const MAX_REMEMBERED = 5_000;

/**
 * The memo key of a t(key) or t(key, options) call, or null when the call is not worth keeping or
 * could be told apart from another only by a value JSON does not spell exactly: options must be a
 * plain object of strings, finite numbers and booleans (an interpolation, a count for plurals).
 */
function callKey(namespace: string, key: unknown, options: unknown, argumentCount: number): string | null {
  if (typeof key !== "string" || argumentCount > 2) return null;
  if (argumentCount < 2 || options === undefined) return `${namespace}\u0000${key}`;
  if (typeof options !== "object" || options === null) return null;
  const prototype = Object.getPrototypeOf(options);
  if (prototype !== Object.prototype && prototype !== null) return null;
  for (const value of Object.values(options)) {
    if (typeof value === "string" || typeof value === "boolean") continue;
    if (typeof value === "number" && Number.isFinite(value)) continue;
    return null;
  }
  return `${namespace}\u0000${key}\u0000${JSON.stringify(options)}`;
}

/**
 * A page calls t() hundreds of times (every label of every post) and i18next resolves each call
 * from scratch (key parsing, resource lookup, plural rules, interpolation and nesting scans), which
 * showed up as ~15% of the CPU of a server-rendered page. An answer depends only on the instance's
 * language and catalogue and on the call's key and options, so answers are remembered per instance
 * for calls whose options are plain values (see callKey); the memo is emptied whenever the language
 * or the loaded resources change, and when it grows past MAX_REMEMBERED.
 */
function memoizeLookups(instance: I18n): void {
  const answers = new Map<string, string>();
  const forget = () => answers.clear();
  instance.on("languageChanged", forget);
  instance.store.on("added", forget);
  instance.store.on("removed", forget);

  const remembering = (translate: Translate, namespace: string) =>
    function (this: unknown, ...args: unknown[]): unknown {
      const [key, options] = args;
      const cacheKey = callKey(namespace, key, options, args.length);
      if (cacheKey === null) return translate.apply(this, args);
      const known = answers.get(cacheKey);
      if (known !== undefined) return known;
      const answer = translate.apply(this, args);
      if (typeof answer === "string") {
        if (answers.size >= MAX_REMEMBERED) answers.clear();
        answers.set(cacheKey, answer);
      }
      return answer;
    };

  instance.t = remembering(instance.t as unknown as Translate, "") as unknown as I18n["t"];

  // react-i18next's useTranslation() asks for a new fixed t in every component that uses it; the
  // common case (the instance's own language, a single namespace, no key prefix) shares the memo.
  const getFixedT = instance.getFixedT.bind(instance);
  instance.getFixedT = ((lng: unknown, ns: unknown, keyPrefix: unknown) => {
    const fixed = (getFixedT as unknown as Translate)(lng, ns, keyPrefix) as Translate;
    if (lng != null || keyPrefix != null || (ns != null && typeof ns !== "string")) return fixed;
    return Object.assign(remembering(fixed, typeof ns === "string" ? ns : ""), fixed);
  }) as unknown as I18n["getFixedT"];
}
