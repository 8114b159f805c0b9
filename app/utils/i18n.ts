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
  memoizePlainLookups(instance);
  return instance;
}

type Translate = (...args: unknown[]) => unknown;

/**
 * A page calls t() hundreds of times (every label of every post), and most calls are a bare key
 * with no options, whose answer depends only on the language and the catalogue. i18next resolves
 * each call from scratch (key parsing, resource lookup, interpolation and nesting scans), which
 * showed up as ~15% of the CPU of a server-rendered page. Here the answers to bare-key calls are
 * remembered per instance; calls with options (plurals, interpolation, defaults) still go through
 * i18next every time. The memo is emptied whenever the language or the loaded resources change.
 */
function memoizePlainLookups(instance: I18n): void {
  const answers = new Map<string, unknown>();
  const forget = () => answers.clear();
  instance.on("languageChanged", forget);
  instance.store.on("added", forget);
  instance.store.on("removed", forget);

  const remembered = (translate: Translate, cacheKey: string, key: string): unknown => {
    if (answers.has(cacheKey)) return answers.get(cacheKey);
    const answer = translate(key);
    if (typeof answer === "string") answers.set(cacheKey, answer);
    return answer;
  };

  const t = instance.t as unknown as Translate;
  instance.t = function (this: unknown, key: unknown) {
    if (arguments.length === 1 && typeof key === "string") return remembered(t, `\u0000${key}`, key);
    return t.apply(this, arguments as unknown as unknown[]);
  } as unknown as I18n["t"];

  // react-i18next's useTranslation() asks for a new fixed t in every component that uses it; the
  // common case (the instance's own language, a single namespace, no key prefix) shares the memo.
  const getFixedT = instance.getFixedT.bind(instance);
  instance.getFixedT = ((lng: unknown, ns: unknown, keyPrefix: unknown) => {
    const fixed = (getFixedT as unknown as Translate)(lng, ns, keyPrefix) as Translate;
    if (lng != null || keyPrefix != null || (ns != null && typeof ns !== "string")) return fixed;
    const namespace = typeof ns === "string" ? ns : "";
    const fast = function (this: unknown, key: unknown) {
      if (arguments.length === 1 && typeof key === "string") return remembered(fixed, `${namespace}\u0000${key}`, key);
      return fixed.apply(this, arguments as unknown as unknown[]);
    };
    return Object.assign(fast, fixed);
  }) as unknown as I18n["getFixedT"];
}
