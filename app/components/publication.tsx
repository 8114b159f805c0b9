// A published version of a framework, as the library shows and prints it.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { loadPublication } from "~/services/library.server";
import { useSite } from "~/utils/use-site";
import { Badge } from "./ui/badge";

type Publication = Awaited<ReturnType<typeof loadPublication>>;

export function PublicationView({ publication, origin }: { publication: Publication; origin: string }) {
  const { t } = useTranslation();
  const { date } = useSite();
  const { document, version, latestVersion, versions, translations } = publication;
  const isLatest = version.version === latestVersion;
  const citeUrl = `${origin}/library/${document.slug}/v/${version.version}`;
  return (
    <div className="page publication">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb no-print">
        <Link to="/library">{t("library.title")}</Link>
      </nav>
      <p className="print-only print-header">
        {document.title} — {t("library.version", { version: version.version })} — {citeUrl}
      </p>
      {!isLatest ? (
        <p className="notice notice--warning no-print">
          {t("library.viewingOld", { version: version.version, latest: latestVersion })}{" "}
          <Link to={`/library/${document.slug}`}>{t("library.readLatest")}</Link>
        </p>
      ) : null}
      <header className="page-header">
        <h1 lang={document.language}>{version.title}</h1>
        {document.summary ? (
          <p className="lead" lang={document.language}>
            {document.summary}
          </p>
        ) : null}
      </header>
      <div className="with-sidebar with-sidebar--left">
        <aside className="sidebar publication__aside">
          <section aria-labelledby="doc-details">
            <h2 id="doc-details">{t("library.details")}</h2>
            <dl className="facts">
              <dt>{t("library.versionLabel")}</dt>
              <dd>{version.version}</dd>
              <dt>{t("library.publishedLabel")}</dt>
              <dd>
                <time dateTime={version.published_at}>{date(version.published_at)}</time>
              </dd>
              <dt>{t("library.workingGroup")}</dt>
              <dd>
                <Link to={`/groups/${document.groupSlug}`}>{document.groupName}</Link>
              </dd>
              <dt>{t("library.status")}</dt>
              <dd>
                <Badge tone={document.status === "published" ? "success" : "warning"}>{t(`documentStatus.${document.status}`)}</Badge>
              </dd>
              {version.review_due ? (
                <>
                  <dt>{t("library.reviewDue")}</dt>
                  <dd>
                    <time dateTime={version.review_due}>{date(version.review_due)}</time>
                  </dd>
                </>
              ) : null}
              <dt>{t("library.language")}</dt>
              <dd>{t(`languageName.${document.language}`)}</dd>
            </dl>
          </section>
          {version.toc.length ? (
            <nav aria-labelledby="doc-contents" className="toc no-print">
              <h2 id="doc-contents">{t("library.contents")}</h2>
              <ol>
                {version.toc
                  .filter((entry) => entry.level <= 3)
                  .map((entry) => (
                    <li key={entry.id} className={`toc__level-${entry.level}`}>
                      <a href={`#${entry.id}`}>{entry.text}</a>
                    </li>
                  ))}
              </ol>
            </nav>
          ) : null}
          <section aria-labelledby="doc-versions" className="no-print">
            <h2 id="doc-versions">{t("library.versions")}</h2>
            <ul className="plain-list">
              {versions.map((v) => (
                <li key={v.id}>
                  <Link to={`/library/${document.slug}/v/${v.version}`} aria-current={v.version === version.version ? "page" : undefined}>
                    {t("library.version", { version: v.version })}
                  </Link>{" "}
                  <span className="muted">
                    {date(v.published_at)}
                    {v.version === latestVersion ? ` · ${t("library.latest")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          {translations.length ? (
            <section aria-labelledby="doc-translations" className="no-print">
              <h2 id="doc-translations">{t("library.translations")}</h2>
              <ul className="plain-list">
                {translations.map((tr) => (
                  <li key={tr.slug}>
                    <Link to={`/library/${tr.slug}`} lang={tr.language} hrefLang={tr.language}>
                      {tr.title}
                    </Link>{" "}
                    <span className="muted">
                      {t(`languageName.${tr.language}`)}
                      {tr.version ? ` · ${t("library.version", { version: tr.version })}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="doc-cite">
            <h2 id="doc-cite">{t("library.cite")}</h2>
            <p className="cite">
              {t("library.citeText", {
                title: version.title,
                version: version.version,
                group: document.groupName,
                date: date(version.published_at),
              })}{" "}
              <a href={citeUrl}>{citeUrl}</a>
            </p>
          </section>
          <p className="no-print">
            <button type="button" className="button button--quiet print-button" onClick={() => window.print()}>
              {t("library.print")}
            </button>
          </p>
        </aside>
        <article className="prose" lang={document.language} dangerouslySetInnerHTML={{ __html: version.body_html }} />
      </div>
      {version.notes ? (
        <section aria-labelledby="doc-notes" className="panel">
          <h2 id="doc-notes">{t("library.notes")}</h2>
          <p>{version.notes}</p>
        </section>
      ) : null}
    </div>
  );
}
