import i18next from "i18next";
import { describe, expect, it } from "vitest";
import en from "~/locales/en";
import fr from "~/locales/fr";
import vi from "~/locales/vi";
import { createI18n, languageFromAcceptLanguage } from "~/utils/i18n";
import { visitorLanguage } from "~/utils/i18n.server";
import { fixedT } from "~/utils/i18n.server";

function leaves(object: object, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === "string") out[prefix + key] = value;
    else Object.assign(out, leaves(value as object, `${prefix}${key}.`));
  }
  return out;
}

// Longer strings that are spelt the same in the other language (checked by hand). Single words
// and two-word labels ("Documents", "Version {{version}}") are often the same in French.
const SAME_AS_ENGLISH: Record<string, string[]> = {
  fr: ["library.citeText", "common.count_documents_one", "common.count_documents_other"],
  vi: [],
};
const isShortLabel = (text: string) => text.trim().split(/\s+/).length <= 2;

describe("message catalogues", () => {
  const english = leaves(en);
  for (const [name, catalogue] of [
    ["fr", fr],
    ["vi", vi],
  ] as const) {
    it(`${name} has every key of en, translated, with the same placeholders`, () => {
      const other = leaves(catalogue);
      expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
      const untranslated = Object.keys(english).filter(
        (key) => other[key] === english[key] && !isShortLabel(english[key]) && !SAME_AS_ENGLISH[name].includes(key),
      );
      expect(untranslated).toEqual([]);
      for (const key of Object.keys(english)) {
        const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
        expect(placeholders(other[key]), key).toEqual(placeholders(english[key]));
      }
    });
  }

  it("translates with plurals and interpolation", () => {
    expect(fixedT("en")("common.count_topics", { count: 1 })).toBe("1 topic");
    expect(fixedT("en")("common.count_topics", { count: 3 })).toBe("3 topics");
    expect(fixedT("vi")("library.version", { version: "1.1" })).toContain("1.1");
  });
});

describe("remembered translations", () => {
  it("answer bare keys as i18next does, through t and through a fixed t", () => {
    const i18n = createI18n("fr", fr);
    const fixed = i18n.getFixedT(null, "translation");
    for (let round = 0; round < 2; round++) {
      expect(i18n.t("nav.library")).toBe(fr.nav.library);
      expect(fixed("nav.library")).toBe(fr.nav.library);
      expect(fixed("common.count_topics", { count: 2 })).toBe(fr.common.count_topics_other.replace("{{count}}", "2"));
      expect(fixed("common.by", { name: "Ana" })).toBe(fr.common.by.replace("{{name}}", "Ana"));
      expect(fixed("no.such.key" as never)).toBe("no.such.key");
    }
  });

  it("answer every call as a fresh i18next does, telling calls apart by every option value and its type", () => {
    const calls: Array<[string, object?]> = [
      ["common.count_topics", { count: 0 }],
      ["common.count_topics", { count: 1 }],
      ["common.count_topics", { count: 5 }],
      ["common.count_topics", { count: "5" }],
      ["common.count_topics", { count: -0 }],
      ["common.count_topics"],
      ["common.by", { name: "Ana" }],
      ["common.by", { name: "Bảo" }],
      ["common.by", { name: "A|b\u0000c" }],
      ["common.by", { name: 7 }],
      ["common.by", { name: true }],
      ["common.by", { name: undefined }],
      ["common.by", { name: null }],
      ["common.by", { name: ["x"] }],
      ["common.by", {}],
      ["common.by"],
      ["forums.postHeading", { number: 3, name: "Ana" }],
      ["forums.postHeading", { name: "Ana", number: 3 }],
      ["forums.postHeading", { number: 4, name: "Ana" }],
      ["nav", {}],
      ["no.such.key"],
      ["no.such.key", { defaultValue: "Fallback" }],
    ];
    for (const [language, messages] of [
      ["en", en],
      ["fr", fr],
      ["vi", vi],
    ] as const) {
      const reference = i18next.createInstance();
      void reference.init({
        lng: language,
        fallbackLng: false,
        resources: { [language]: { translation: messages } },
        initImmediate: false,
        interpolation: { escapeValue: false },
        returnNull: false,
      });
      const plain = reference.getFixedT(null, "translation") as unknown as (...args: unknown[]) => unknown;
      const plainT = reference.t as unknown as (...args: unknown[]) => unknown;
      const i18n = createI18n(language, messages);
      for (let round = 0; round < 2; round++) {
        const fixed = i18n.getFixedT(null, "translation") as unknown as (...args: unknown[]) => unknown;
        const t = i18n.t as unknown as (...args: unknown[]) => unknown;
        for (const [key, options] of calls) {
          const args = options === undefined ? [key] : [key, options];
          expect(fixed(...args), `${language} ${JSON.stringify(args)}`).toEqual(plain(...args));
          expect(t(...args), `${language} ${JSON.stringify(args)}`).toEqual(plainT(...args));
        }
      }
    }
  });

  it("forget what they knew when the language or the resources change", () => {
    const i18n = createI18n("en", en);
    const fixed = i18n.getFixedT(null, "translation");
    expect(fixed("nav.library")).toBe(en.nav.library);
    i18n.addResource("en", "translation", "nav.library", "Bookshelf");
    expect(fixed("nav.library")).toBe("Bookshelf");
    expect(i18n.t("nav.library")).toBe("Bookshelf");
    i18n.addResourceBundle("fr", "translation", fr);
    void i18n.changeLanguage("fr");
    expect(i18n.getFixedT(null, "translation")("nav.library")).toBe(fr.nav.library);
    expect(i18n.t("nav.library")).toBe(fr.nav.library);
  });
});

describe("a visitor's language", () => {
  it("is the one chosen in the menu, else Accept-Language, else English", () => {
    expect(visitorLanguage("theme=dark; lang=vi", "fr")).toBe("vi");
    expect(visitorLanguage("lang=de", "fr-CA,fr;q=0.9")).toBe("fr");
    expect(visitorLanguage(undefined, "de")).toBe("en");
    expect(visitorLanguage("xlang=vi", null)).toBe("en");
  });
});

describe("Accept-Language", () => {
  it("picks the best supported language by quality", () => {
    expect(languageFromAcceptLanguage("fr-CA,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(languageFromAcceptLanguage("de;q=1, vi;q=0.2, en;q=0.5")).toBe("en");
    expect(languageFromAcceptLanguage("vi")).toBe("vi");
    expect(languageFromAcceptLanguage("de, ja")).toBeUndefined();
    expect(languageFromAcceptLanguage("en;q=0, fr;q=0.1")).toBe("fr");
    expect(languageFromAcceptLanguage(null)).toBeUndefined();
  });
});
