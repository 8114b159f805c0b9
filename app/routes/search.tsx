import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "~/domain/vocabulary";
import { Snippet } from "~/components/snippet";
import { Badge } from "~/components/ui/badge";
import { FilterField, SelectFilter } from "~/components/ui/filters";
import { MAX_AUTHOR_LENGTH, MAX_QUERY_LENGTH } from "~/utils/search/limits";
import type { RouteHandle } from "~/root";
import { runSearch } from "~/services/search/site-search.server";
import { rateLimit } from "~/models/rate-limit.server";
import { clientAddress, getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { useSite } from "~/utils/use-site";
import { retryAfterHeaders } from "~/utils/http.server";
import { searchPath, withParam } from "~/utils/paths";

export const handle: RouteHandle = { title: (t) => t("search.title") };

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const retryAfter = await rateLimit("search", viewer ? `user:${viewer.id}` : `ip:${clientAddress(request)}`);
  if (retryAfter) throw data({ reason: "rate_limited" }, { status: 429, headers: { "Retry-After": String(retryAfter) } });
  return runSearch(getDb(), viewer, new URL(request.url).searchParams);
}

export default function SearchPage() {
  const { t } = useTranslation();
  const { q, hits, hasMore, page, notice, filters, choices, invalidDates } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { date } = useSite();
  const pageLink = (n: number) => {
    const params = new URLSearchParams(searchParams);
    params.set("page", String(n));
    return `?${params}`;
  };
  return (
    <div className="page">
      <h1>{q.trim() && !notice ? t("search.resultsFor", { q }) : t("search.title")}</h1>
      <Form method="get" className="search-form" role="search">
        <div className="search-form__query">
          <label htmlFor="search-q" className="field__label">
            {t("search.label")}
          </label>
          <input id="search-q" type="search" name="q" defaultValue={q} maxLength={MAX_QUERY_LENGTH} />
          <button type="submit" className="button button--primary">
            {t("search.submit")}
          </button>
        </div>
        <p className="field__hint">{t("search.syntax")}</p>
        <details className="search-form__filters" open={Object.values(filters).some(Boolean)}>
          <summary>{t("search.filters")}</summary>
          <div className="filters">
            <SelectFilter
              id="search-kind"
              name="kind"
              label={t("search.kind")}
              allLabel={t("search.allKinds")}
              defaultValue={filters.kind}
              options={choices.kinds.map((kind) => ({ value: kind, label: t(`search.kinds.${kind}`) }))}
            />
            <SelectFilter
              id="search-group"
              name="group"
              label={t("search.group")}
              allLabel={t("search.allGroups")}
              defaultValue={filters.group}
              options={choices.groups.map((group) => ({ value: group.slug, label: group.name }))}
            />
            <SelectFilter
              id="search-category"
              name="category"
              label={t("search.category")}
              allLabel={t("search.allCategories")}
              defaultValue={filters.category}
              options={choices.categories.map((category) => ({ value: category.slug, label: category.name }))}
            />
            <FilterField id="search-author" label={t("search.author")}>
              <input id="search-author" type="text" name="author" defaultValue={filters.author} maxLength={MAX_AUTHOR_LENGTH} />
            </FilterField>
            <FilterField id="search-from" label={t("search.from")}>
              <input id="search-from" type="date" name="from" defaultValue={filters.from} />
            </FilterField>
            <FilterField id="search-to" label={t("search.to")}>
              <input id="search-to" type="date" name="to" defaultValue={filters.to} />
            </FilterField>
            <SelectFilter
              id="search-language"
              name="language"
              label={t("search.language")}
              allLabel={t("search.allLanguages")}
              defaultValue={filters.language}
              options={LANGUAGES.map((code) => ({ value: code, label: t(`languageName.${code}`) }))}
            />
            <button type="submit" className="button">
              {t("search.apply")}
            </button>
            <Link to={withParam(searchPath(), "q", q)}>{t("search.clear")}</Link>
          </div>
        </details>
      </Form>

      {invalidDates.map(({ field, value }) => (
        <p key={field} className="notice notice--warning">
          {t("account.invalidDate", { field: t(`search.${field}`), value })}
        </p>
      ))}
      {notice ? (
        <p className={notice === "truncated" ? "notice notice--warning" : "notice notice--info"}>{t(`search.${notice}`)}</p>
      ) : null}
      {notice !== "empty" && notice !== "onlyExcluded" && hits.length === 0 ? (
        <div className="empty-state">
          <p>{t("search.noResults", { q })}</p>
          <p>{t("search.noResultsHint")}</p>
        </div>
      ) : null}
      <ol className="search-results" start={(page - 1) * 20 + 1}>
        {hits.map((hit) => {
          const lang = hit.language ?? undefined;
          return (
            <li key={hit.url} className="search-result">
              <p className="search-result__meta">
                <Badge>{t(`search.kinds.${hit.kind as "topic"}`)}</Badge>{" "}
                {hit.language ? (
                  <>
                    <LanguageBadge language={hit.language} />{" "}
                  </>
                ) : null}
                {hit.place ? t("search.in", { place: hit.place }) : null} ·{" "}
                <time dateTime={hit.createdAt}>{date(hit.createdAt)}</time>
              </p>
              <h2 className="search-result__title">
                <Link to={hit.url} lang={lang}>
                  <Snippet parts={hit.title} />
                </Link>
              </h2>
              {hit.snippet.length ? (
                <p className="search-result__snippet" lang={lang}>
                  <Snippet parts={hit.snippet} />
                </p>
              ) : null}
              {hit.matches.length ? (
                <>
                  <p className="visually-hidden">
                    {t("search.matchesIn", { title: hit.title.map((part) => part.text).join("") })}
                  </p>
                  <ul className="search-result__matches">
                    {hit.matches.map((match) => (
                      <li key={match.url} className="search-result__match">
                        <Link to={match.url} lang={match.title.length ? lang : undefined}>
                          {match.title.length ? (
                            <Snippet parts={match.title} />
                          ) : (
                            t("search.reply", { date: date(match.createdAt) })
                          )}
                        </Link>
                        <p className="search-result__snippet" lang={lang}>
                          <Snippet parts={match.snippet} />
                        </p>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {hit.moreMatches ? (
                <p className="search-result__more">{t("search.moreMatches", { count: hit.moreMatches })}</p>
              ) : null}
              {hit.translations.length ? (
                <p className="search-result__translations">
                  {t("search.translations")}{" "}
                  {hit.translations.map((translation) => (
                    <span key={translation.url} className="search-result__translation">
                      {translation.language ? <LanguageBadge language={translation.language} /> : null}{" "}
                      <Link
                        to={translation.url}
                        lang={translation.language ?? undefined}
                        hrefLang={translation.language ?? undefined}
                      >
                        {translation.title}
                      </Link>
                    </span>
                  ))}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <nav className="pagination" aria-label={t("search.title")}>
        {page > 1 ? <Link to={pageLink(page - 1)}>← {t("common.previous")}</Link> : null}{" "}
        {hasMore ? <Link to={pageLink(page + 1)}>{t("common.next")} →</Link> : null}
      </nav>
    </div>
  );
}

function LanguageBadge({ language }: { language: string }) {
  const { t } = useTranslation();
  const name = t(`languageName.${language as "en"}`);
  return (
    <Badge tone="info" title={t("search.languageOf", { language: name })}>
      {name}
    </Badge>
  );
}
