// The header's search box: a plain GET form to /search; with JavaScript it also suggests the best
// matches while typing (the last word counts as a prefix).
import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_QUERY_LENGTH } from "~/utils/search/limits";
import { searchPath, searchSuggestPath, withParam } from "~/utils/paths";

interface Suggestion {
  kind: string;
  url: string;
  title: string;
  place: string;
  language: string | null;
}

export function SearchBox() {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ q: string; suggestions: Suggestion[] }>();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const id = useId();
  const listId = `${id}-suggestions`;

  useEffect(() => () => clearTimeout(timer.current), []);

  const suggestions = query.trim().length >= 2 ? (fetcher.data?.suggestions ?? []) : [];
  return (
    <Form
      method="get"
      action={searchPath()}
      role="search"
      className="search-box"
      onKeyDown={(event) => {
        if (event.key === "Escape") setOpen(false);
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {t("search.label")}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        name="q"
        placeholder={t("search.placeholder")}
        autoComplete="off"
        maxLength={MAX_QUERY_LENGTH}
        role="combobox"
        aria-expanded={open && suggestions.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        value={query}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setQuery(value);
          setOpen(true);
          clearTimeout(timer.current);
          if (value.trim().length >= 2) {
            timer.current = setTimeout(() => fetcher.load(searchSuggestPath(value)), 150);
          }
        }}
        onFocus={() => setOpen(true)}
      />
      <button type="submit" className="button button--quiet">
        {t("search.submit")}
      </button>
      {open && suggestions.length > 0 ? (
        <ul id={listId} className="search-box__suggestions" role="listbox" aria-label={t("search.suggestions")}>
          {suggestions.map((suggestion) => (
            <li key={suggestion.url} role="option" aria-selected={false}>
              <Link to={suggestion.url} onClick={() => setOpen(false)}>
                <span className="search-box__title" lang={suggestion.language ?? undefined}>
                  {suggestion.title}
                </span>
                <span className="search-box__meta">
                  {t(`search.kinds.${suggestion.kind as "topic"}`)}
                  {suggestion.place ? ` · ${suggestion.place}` : ""}
                </span>
              </Link>
            </li>
          ))}
          <li role="option" aria-selected={false}>
            <Link to={withParam(searchPath(), "q", query)} onClick={() => setOpen(false)} className="search-box__all">
              {t("search.seeAll")} →
            </Link>
          </li>
        </ul>
      ) : null}
    </Form>
  );
}
