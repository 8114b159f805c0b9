// The running header and footer of a printed version, as a stylesheet for print: Chromium prints
// @page margin boxes (131 and later) but cannot take their text from the page, so each version has
// its own small stylesheet — the title and "Version 1.0" (in the document's language) at the top of
// every page, the address to cite at the bottom and "page / pages" at the bottom right. The page
// links it with media="print"; it is read with the same permission as the version itself.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadPublication } from "~/services/documents/library.server";
import { getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { fixedT } from "~/utils/i18n.server";
import { versionPath } from "~/utils/paths";
import { siteOrigin } from "~/utils/site-origin.server";

/** A CSS string literal: quotes and backslashes escaped, line breaks and control characters as escapes. */
export function cssString(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const publication = await loadPublication(getDb(), viewer, params.slug ?? "", params.version ?? "");
  const { document, version } = publication;
  const t = fixedT(document.language);
  const citeUrl = `${siteOrigin(request)}${versionPath(document.slug, version.version)}`;
  const css = `@charset "utf-8";
@page {
  @top-left { content: ${cssString(version.title)}; }
  @top-right { content: ${cssString(t("library.version", { version: version.version }))}; }
  @bottom-left { content: ${cssString(citeUrl)}; }
}
`;
  return new Response(css, {
    headers: {
      "Content-Type": "text/css; charset=utf-8",
      // Asked again each time, as the page is: a private group's version is never kept by shared caches.
      "Cache-Control": "private, no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
