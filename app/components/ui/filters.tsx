// The filters above a list (members, administration, search, library): plain GET forms whose fields
// keep the list's current choice, and the link to the list's next page.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A labelled filter: its label above the control it names. */
export function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A choice among `options`, the first ("all …", value "") choosing nothing. */
export function SelectFilter({
  id,
  name,
  label,
  allLabel,
  defaultValue,
  options,
}: {
  id: string;
  name: string;
  label: string;
  allLabel: string;
  defaultValue: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <FilterField id={id} label={label}>
      <select id={id} name={name} defaultValue={defaultValue}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

/** Words to look for in a list (name, organisation …), in the `q` parameter. */
export function SearchFilter({ id, label, defaultValue }: { id: string; label: string; defaultValue: string }) {
  return (
    <FilterField id={id} label={label}>
      <input id={id} type="search" name="q" defaultValue={defaultValue} />
    </FilterField>
  );
}

/** The form of a list's filters, with its Filter button after them. */
export function FilterForm({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filters" role="search">
      {children}
      <button type="submit" className="button">
        {t("common.filter")}
      </button>
    </Form>
  );
}

/** The link to the next page of a list, named by `label` (its navigation landmark too). */
export function NextPageLink({ to, label }: { to: string; label: string }) {
  return (
    <nav className="pagination" aria-label={label}>
      <Link to={to}>{label} →</Link>
    </nav>
  );
}

/** The current page's query with the next page's keyset set (other filters kept), as a relative link. */
export function nextPageQuery(current: URLSearchParams, keyset: Record<string, string | number>): string {
  const params = new URLSearchParams(current);
  for (const [key, value] of Object.entries(keyset)) params.set(key, String(value));
  return `?${params}`;
}
