// The time-zone field of the settings, meeting and decision forms: the zones under their current
// IANA names, grouped by region (<optgroup>), each labelled with its localised name and current
// offset (built by the page's loader: timeZoneOptionsFor). With `suggestFromBrowser`, a member
// still on UTC is told which zone their device is set to, and may choose it; nothing is saved
// until they submit the form.
import type { FieldMetadata } from "@conform-to/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/ui/field";
import { browserTimeZone, type TimeZoneOptions } from "~/utils/time-zones";

export function TimeZoneSelect({
  meta,
  label,
  hint,
  options,
  suggestFromBrowser = false,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- conform's own type for a field of any form schema
  meta: FieldMetadata<any, any, any>;
  label: string;
  hint?: string;
  options: TimeZoneOptions;
  suggestFromBrowser?: boolean;
}) {
  const { t } = useTranslation();
  const initial = typeof meta.initialValue === "string" ? meta.initialValue : "";
  const listed =
    initial === options.utc.value || options.groups.some((group) => group.options.some((option) => option.value === initial));
  const [guess, setGuess] = useState<string | null>(null);
  useEffect(() => {
    if (suggestFromBrowser) setGuess(browserTimeZone());
  }, [suggestFromBrowser]);
  const suggestion = guess && guess !== "UTC" && initial === "UTC" ? guess : null;

  const choose = () => {
    const select = document.getElementById(meta.id);
    if (!(select instanceof HTMLSelectElement) || !suggestion) return;
    select.value = suggestion;
    select.dispatchEvent(new Event("input", { bubbles: true }));
    select.dispatchEvent(new Event("change", { bubbles: true }));
    select.focus();
  };

  return (
    <>
      <SelectField meta={meta} label={label} hint={hint} required>
        {initial && !listed ? <option value={initial}>{initial}</option> : null}
        <option value={options.utc.value}>{options.utc.label}</option>
        {options.groups.map((group) => (
          <optgroup key={group.region} label={t(`time.regions.${group.region}`)}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      {suggestion ? (
        <p className="field__hint time-zone-suggestion" role="status">
          {t("time.browserSuggestion", { zone: suggestion })}{" "}
          <button type="button" className="button button--quiet" onClick={choose}>
            {t("time.useBrowserZone", { zone: suggestion })}
          </button>
        </p>
      ) : null}
    </>
  );
}

/**
 * A hidden field that carries the browser's time zone (its current name) when JavaScript runs;
 * empty otherwise, and the server then keeps UTC. The member can change it in their settings.
 */
export function BrowserTimeZoneInput({ name }: { name: string }) {
  const [zone, setZone] = useState("");
  useEffect(() => setZone(browserTimeZone() ?? ""), []);
  return <input type="hidden" name={name} value={zone} />;
}
