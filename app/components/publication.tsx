// A published version of a framework, as the library shows and prints it.
import { Link, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/domain/vocabulary";
import { isClosedRecord } from "~/policies/documents";
import type { loadPublication } from "~/services/documents/library.server";
import { formatDate } from "~/utils/format";
import {
  changesPath,
  documentPath,
  groupPath,
  libraryPath,
  loginPath,
  publicationPath,
  versionPath,
  versionPrintStylesPath,
} from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import { DispositionTable } from "./document/disposition-table";
import { Badge } from "./ui/badge";

type Publication = Awaited<ReturnType<typeof loadPublication>>;

/**
 * A label read on screen in the reader's language and printed in the document's: a printed copy
 * is one document, in one language.
 */
function PrintLabel({ screen, print, lang }: { screen: string; print: string; lang: Language }) {
  if (screen === print) return <>{screen}</>;
  return (
    <>
      <span className="no-print">{screen}</span>
      <span className="print-inline" lang={lang}>
        {print}
      </span>
    </>
  );
}

export function PublicationView({ publication, origin }: { publication: Publication; origin: string }) {
  const { t } = useTranslation();
  const { date, timeZone } = useSite();
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const {
    document,
    version,
    latestVersion,
    previousVersion,
    versions,
    translations,
    dispositions,
    outOfDateWith,
    successor,
    consultationOpen,
    printLabels,
  } = publication;
  const printView = params.get("print") === "1";
  const lang = document.language;
  const docDate = (iso: string | null | undefined) => formatDate(iso, lang, timeZone);
  const isLatest = version.version === latestVersion;
  const citeUrl = `${origin}${versionPath(document.slug, version.version)}`;
  const closedRecord = isClosedRecord(document.status);
  return (
    <div className={printView ? "page publication publication--print-view" : "page publication"}>
      {/* The running header (title, version), the address to cite and page numbers of printed pages. */}
      <link rel="stylesheet" media="print" href={versionPrintStylesPath(document.slug, version.version)} />
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb no-print">
        <Link to={libraryPath()}>{t("library.title")}</Link>
      </nav>
      {printView ? (
        <div className="notice notice--info no-print print-note" role="note">
          <p>{t("library.printNote")}</p>
          <p>
            <Link to={pathname}>{t("library.printBack")}</Link>
          </p>
        </div>
      ) : null}
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
              {t("library.successor")} <Link to={publicationPath(successor.slug)}>{successor.title}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {!isLatest ? (
        <p className="notice notice--warning no-print">
          {t("library.viewingOld", { version: version.version, latest: latestVersion })}{" "}
          <Link to={publicationPath(document.slug)}>{t("library.readLatest")}</Link>
        </p>
      ) : null}
      {outOfDateWith && isLatest ? (
        <p className="notice notice--warning">{t("library.translationOutOfDate", { version: outOfDateWith })}</p>
      ) : null}
      {consultationOpen && isLatest && !closedRecord ? (
        <p className="notice notice--info no-print">
          {t("library.nextDraftInConsultation", { date: date(consultationOpen.closesAt, true) })}{" "}
          {consultationOpen.canTakePart ? (
            <Link to={documentPath(document.slug)}>{t("library.takePart")}</Link>
          ) : !consultationOpen.signedIn ? (
            <Link to={loginPath(documentPath(document.slug))}>{t("library.signInToTakePart")}</Link>
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
          <PrintLabel screen={t("library.version", { version: version.version })} print={printLabels.versionLine} lang={lang} /> ·{" "}
          <PrintLabel screen={t("library.publishedLabel")} print={printLabels.published} lang={lang} />{" "}
          <PrintLabel screen={date(version.published_at)} print={docDate(version.published_at)} lang={lang} /> ·{" "}
          {document.groupName}
        </p>
      </header>
      <div className="with-sidebar with-sidebar--left">
        <aside className="sidebar publication__aside">
          <section aria-labelledby="doc-details">
            <h2 id="doc-details">
              <PrintLabel screen={t("library.details")} print={printLabels.details} lang={lang} />
            </h2>
            <dl className="facts">
              <dt>
                <PrintLabel screen={t("library.versionLabel")} print={printLabels.version} lang={lang} />
              </dt>
              <dd>{version.version}</dd>
              <dt>
                <PrintLabel screen={t("library.publishedLabel")} print={printLabels.published} lang={lang} />
              </dt>
              <dd>
                <time dateTime={version.published_at}>
                  <PrintLabel screen={date(version.published_at)} print={docDate(version.published_at)} lang={lang} />
                </time>
              </dd>
              <dt>
                <PrintLabel screen={t("library.workingGroup")} print={printLabels.workingGroup} lang={lang} />
              </dt>
              <dd>
                <Link to={groupPath(document.groupSlug)}>{document.groupName}</Link>
              </dd>
              <dt>
                <PrintLabel screen={t("library.status")} print={printLabels.status} lang={lang} />
              </dt>
              <dd>
                <Badge tone={document.status === "published" ? "success" : "warning"}>
                  <PrintLabel screen={t(`documentStatus.${document.status}`)} print={printLabels.statusValue} lang={lang} />
                </Badge>
              </dd>
              {version.review_due ? (
                <>
                  <dt>
                    <PrintLabel screen={t("library.reviewDue")} print={printLabels.reviewDue} lang={lang} />
                  </dt>
                  <dd>
                    <time dateTime={version.review_due}>
                      <PrintLabel screen={date(version.review_due)} print={docDate(version.review_due)} lang={lang} />
                    </time>
                  </dd>
                </>
              ) : null}
              <dt>
                <PrintLabel screen={t("library.language")} print={printLabels.language} lang={lang} />
              </dt>
              <dd>
                <PrintLabel screen={t(`languageName.${document.language}`)} print={printLabels.languageValue} lang={lang} />
              </dd>
              {version.publisher_name ? (
                <>
                  <dt>
                    <PrintLabel screen={t("library.publishedBy")} print={printLabels.publishedBy} lang={lang} />
                  </dt>
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
                  <Link
                    to={versionPath(document.slug, v.version)}
                    aria-current={v.version === version.version ? "page" : undefined}
                  >
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
                <Link to={changesPath(document.slug, previousVersion, version.version)}>
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
                        <Link to={publicationPath(tr.slug)} lang={tr.language} hrefLang={tr.language}>
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
            <h2 id="doc-cite">
              <PrintLabel screen={t("library.cite")} print={printLabels.cite} lang={lang} />
            </h2>
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
            {/* Without JavaScript: the print-ready page, which says how to print; with it, the print dialog at once. */}
            <a
              href={`${pathname}?print=1`}
              className="button button--quiet print-button"
              onClick={(event) => {
                event.preventDefault();
                window.print();
              }}
            >
              {t("library.print")}
            </a>
            {publication.canOpenWorkspace ? (
              <>
                {" "}
                <Link to={documentPath(document.slug)} className="button button--quiet">
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
          <h2 id="doc-notes">
            <PrintLabel screen={t("library.notes")} print={printLabels.notes} lang={lang} />
          </h2>
          <p className="doc-pre-line">{version.notes}</p>
        </section>
      ) : null}
      {dispositions.length ? (
        <section aria-labelledby="doc-dispositions" className="panel publication__dispositions">
          <h2 id="doc-dispositions">
            <PrintLabel screen={t("library.dispositions")} print={printLabels.dispositions} lang={lang} />
          </h2>
          <p className="muted">{t("library.dispositionsIntro", { count: dispositions.length })}</p>
          <DispositionTable rows={dispositions} sectionLink={(anchor) => `#${anchor}`} />
        </section>
      ) : null}
    </div>
  );
}
