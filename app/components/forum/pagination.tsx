// Numbered pages of a topic's posts (20 a page), with previous / next links.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { withQuery } from "~/utils/paths";

export function Pagination({ path, page, pageCount, label }: { path: string; page: number; pageCount: number; label: string }) {
  const { t } = useTranslation();
  // The first and last pages, and two on each side of the current one; gaps shown as "…".
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b);
  const pages: Array<number | "gap"> = [];
  for (const p of shown) {
    const previous = pages[pages.length - 1];
    if (typeof previous === "number" && p - previous > 1) pages.push("gap");
    pages.push(p);
  }
  return (
    <nav className="pagination post-pagination" aria-label={label}>
      <ul>
        {page > 1 ? (
          <li>
            <Link to={withQuery(path, { page: page - 1 })} rel="prev">
              ← {t("common.previous")}
            </Link>
          </li>
        ) : null}
        {pages.map((p, i) => (
          <li key={p === "gap" ? `gap-${i}` : p}>
            {p === "gap" ? (
              <span aria-hidden="true">…</span>
            ) : p === page ? (
              <span aria-current="page" className="pagination__current">
                {t("common.pageOf", { page: p })}
              </span>
            ) : (
              <Link to={withQuery(path, { page: p })} aria-label={t("common.pageOf", { page: p })}>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link to={withQuery(path, { page: page + 1 })} rel="next">
              {t("common.next")} →
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
