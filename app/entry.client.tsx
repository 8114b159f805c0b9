import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import type { Language } from "~/domain/vocabulary";
import type { Messages } from "./locales/en";
import { createI18n, DEFAULT_LANGUAGE, isLanguage } from "./utils/i18n";

// Only the catalogue of the page's language is downloaded (each is its own chunk).
const catalogues: Record<Language, () => Promise<{ default: Messages }>> = {
  en: () => import("./locales/en"),
  fr: () => import("./locales/fr"),
  vi: () => import("./locales/vi"),
};

async function hydrate() {
  const lang = document.documentElement.lang;
  const language: Language = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
  const { default: messages } = await catalogues[language]();
  const i18n = createI18n(language, messages);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <RemixBrowser />
        </I18nextProvider>
      </StrictMode>,
    );
  });
}

void hydrate();
