// A published version of a framework, as the library shows and prints it.
import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { loadPublication } from "~/services/library.server";
import { useSite } from "~/utils/use-site";
import { DispositionTable } from "./document/disposition-table";
import { Badge } from "./ui/badge";

type Publication = Awaited<ReturnType<typeof loadPublication>>;

export function PublicationView({ publication, origin }: { publication: Publication; origin: string }) {
  const { t } = useTranslation();
  const { date } = useSite();
  const [params] = useSearchParams();
  const { document, version, latestVersion, previousVersion, versions, translations, dispositions, outOfDateWith, successor, consultationOpen } =
    publication;
  const isLatest = version.version === latestVersion;
  const citeUrl = `${origin}/library/${document.slug}/v/${version.version}`;
  const closedRecord = document.status === "withdrawn" || document.status === "superseded";
  return (
    <div className="page publication">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb no-print">
        <Link to="/library">{t("library.title")}</Link>
      </nav>
      <p className="print-only print-header">
        {document.title} — {t("library.version", { version: version.version })} — {citeUrl}
      </p>
      {params.get("published") ? (
        <p className="notice notice--success no-print" role="status">
          {t("library.justPublished", { version: version.version })}
        </p>
      ) : null}
      {closedRecord ? (
        <div className="notice notice--warning publication__status" role="note">
          <p>
            <strong>
              {document.status === "withdrawn"
                ? t("library.withdrawnNotice", { date: date(document.statusChangedAt) })
                : t("library.supersededNotice", { date: date(document.statusChangedAt) })}
            </strong>
          </p>
          {document.statusReason ? <p className="doc-pre-line">{document.statusReason}</p> : null}
          {successor ? (
            <p>
              {t("library.successor")} <Link to={`/library/${successor.slug}`}>{successor.title}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {!isLatest ? (
        <p className="notice notice--warning no-print">
          {t("library.viewingOld", { version: version.version, latest: latestVersion })}{" "}
          <Link to={`/library/${document.slug}`}>{t("library.readLatest")}</Link>
        </p>
      ) : null}
      {outOfDateWith && isLatest ? (
        <p className="notice notice--warning">{t("library.translationOutOfDate", { version: outOfDateWith })}</p>
      ) : null}
      {consultationOpen && isLatest && !closedRecord ? (
        <p className="notice notice--info no-print">
          {t("library.nextDraftInConsultation", { date: date(consultationOpen.closesAt, true) })}{" "}
          {consultationOpen.canTakePart ? (
            <Link to={`/documents/${document.slug}`}>{t("library.takePart")}</Link>
          ) : !consultationOpen.signedIn ? (
            <Link to={`/login?redirectTo=${encodeURIComponent(`/documents/${document.slug}`)}`}>{t("library.signInToTakePart")}</Link>
          ) : null}
        </p>
      ) : null}
      <header className="page-header">
        <h1 lang={document.language}>{version.title}</h1>
        {document.summary ? (
          <p className="lead" lang={document.language}>
            {document.summary}
          </p>
        ) : null}
        <p className="publication__version-line">
          {t("library.version", { version: version.version })} · {t("library.published", { date: date(version.published_at) })} · {document.groupName}
        </p>
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
              {version.publisher_name ? (
                <>
                  <dt>{t("library.publishedBy")}</dt>
                  <dd>{version.publisher_name}</dd>
                </>
              ) : null}
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
            {previousVersion ? (
              <p>
                <Link to={`/library/${document.slug}/changes?from=${previousVersion}&to=${version.version}`}>
                  {t("library.whatChanged", { from: previousVersion, to: version.version })}
                </Link>
              </p>
            ) : null}
          </section>
          {translations.length ? (
            <section aria-labelledby="doc-translations" className="no-print">
              <h2 id="doc-translations">{t("library.translations")}</h2>
              <ul className="plain-list">
                {translations.map((tr) => (
                  <li key={tr.slug}>
                    {tr.version && tr.title ? (
                      <>
                        <Link to={`/library/${tr.slug}`} lang={tr.language} hrefLang={tr.language}>
                          {tr.title}
                        </Link>{" "}
                      </>
                    ) : null}
                    <span className="muted">
                      {t(`languageName.${tr.language}`)}
                      {tr.version ? ` · ${t("library.version", { version: tr.version })}` : ` · ${t("library.inPreparation")}`}
                      {tr.isSource ? ` · ${t("library.original")}` : ""}
                    </span>
                    {tr.outOfDateWith ? (
                      <>
                        {" "}
                        <Badge tone="warning">{t("library.outOfDate", { version: tr.outOfDateWith })}</Badge>
                      </>
                    ) : null}
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
            {publication.canOpenWorkspace ? (
              <>
                {" "}
                <Link to={`/documents/${document.slug}`} className="button button--quiet">
                  {t("library.openWorkspace")}
                </Link>
              </>
            ) : null}
          </p>
        </aside>
        <article className="prose" lang={document.language} dangerouslySetInnerHTML={{ __html: version.body_html }} />
      </div>
      {version.notes ? (
        <section aria-labelledby="doc-notes" className="panel">
          <h2 id="doc-notes">{t("library.notes")}</h2>
          <p className="doc-pre-line">{version.notes}</p>
        </section>
      ) : null}
      {dispositions.length ? (
        <section aria-labelledby="doc-dispositions" className="panel publication__dispositions">
          <h2 id="doc-dispositions">{t("library.dispositions")}</h2>
          <p className="muted">{t("library.dispositionsIntro", { count: dispositions.length })}</p>
          <DispositionTable rows={dispositions} sectionLink={(anchor) => `#${anchor}`} />
        </section>
      ) : null}
    </div>
  );
}
