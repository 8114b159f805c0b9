// The disposition table of a consultation: each comment, who made it (name and organisation), the
// section it concerns, the working group's disposition and response.
import { useTranslation } from "react-i18next";
import type { DispositionRow } from "~/services/documents/publisher.server";

export function DispositionTable({ rows, sectionLink }: { rows: DispositionRow[]; sectionLink?: (anchor: string) => string }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table disposition-table">
        <caption className="visually-hidden">{t("documents.disposition.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("documents.disposition.section")}</th>
            <th scope="col">{t("documents.disposition.commenter")}</th>
            <th scope="col">{t("documents.disposition.comment")}</th>
            <th scope="col">{t("documents.disposition.label")}</th>
            <th scope="col">{t("documents.disposition.response")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.commentId}>
              <td>{i + 1}</td>
              <td>
                {row.section ? (
                  sectionLink && row.sectionAnchor ? (
                    <a href={sectionLink(row.sectionAnchor)}>{row.section}</a>
                  ) : (
                    row.section
                  )
                ) : (
                  t("documents.comments.general")
                )}
              </td>
              <td>
                {row.author}
                {row.organization ? (
                  <>
                    <br />
                    <span className="muted">{row.organization}</span>
                  </>
                ) : null}
              </td>
              <td>
                <div className="disposition-table__text" dangerouslySetInnerHTML={{ __html: row.commentHtml }} />
              </td>
              <td>
                {row.disposition ? (
                  <strong>{t(`documents.disposition.${row.disposition}`)}</strong>
                ) : (
                  <em>{t("documents.disposition.none")}</em>
                )}
              </td>
              <td>
                <div className="disposition-table__text" dangerouslySetInnerHTML={{ __html: row.responseHtml }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
