// The country, member-type and language choices shared by the application form and the settings.
import { useTranslation } from "react-i18next";
import { LANGUAGES, MEMBER_TYPES } from "~/domain/vocabulary";
import { COUNTRY_CODES } from "~/utils/countries";
import { countryName } from "~/utils/format";
import { LANGUAGE_NAMES } from "~/utils/i18n";
import { useSite } from "~/utils/use-site";

export function CountryOptions() {
  const { t } = useTranslation();
  const { language } = useSite();
  const countries = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, language) })).sort((a, b) =>
    a.name.localeCompare(b.name, language),
  );
  return (
    <>
      <option value="">{t("join.chooseCountry")}</option>
      {countries.map((country) => (
        <option key={country.code} value={country.code}>
          {country.name}
        </option>
      ))}
    </>
  );
}

export function MemberTypeOptions() {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t("join.chooseMemberType")}</option>
      {MEMBER_TYPES.map((type) => (
        <option key={type} value={type}>
          {t(`memberType.${type}`)}
        </option>
      ))}
    </>
  );
}

export function LanguageOptions() {
  return (
    <>
      {LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>
          {LANGUAGE_NAMES[code]}
        </option>
      ))}
    </>
  );
}
