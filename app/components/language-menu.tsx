import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANGUAGE_NAMES, LANGUAGES } from "~/utils/i18n";
import { useSite } from "~/utils/use-site";
import { languagePath } from "~/utils/paths";

/** Switches the interface language; works without JavaScript (a form with a button). */
export function LanguageMenu({ redirectTo }: { redirectTo: string }) {
  const { t } = useTranslation();
  const { language } = useSite();
  return (
    <Form method="post" action={languagePath()} reloadDocument className="language-menu">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <label htmlFor="language-menu-select" className="visually-hidden">
        {t("nav.language")}
      </label>
      <select
        id="language-menu-select"
        name="language"
        defaultValue={language}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="button button--quiet">
          {t("nav.apply")}
        </button>
      </noscript>
    </Form>
  );
}
