// The library's Atom 1.0 feed: each published version of documents in public working groups.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listPublicPublications } from "~/models/published-version.server";
import { getDb } from "~/utils/db.server";
import { fixedT, requestLanguage } from "~/utils/i18n.server";
import { isLanguage } from "~/utils/i18n";
import { libraryFeedPath, libraryPath, versionPath } from "~/utils/paths";
import { siteOrigin } from "~/utils/site-origin.server";
import { feedResponse, plainRefusals, xmlText } from "~/utils/syndication.server";

export const loader = ({ request }: LoaderFunctionArgs) => plainRefusals(() => libraryFeed(request));

async function libraryFeed(request: Request) {
  const origin = siteOrigin(request);
  // The feed's own words follow ?lang= (one language per address, for feed readers), else the
  // visitor's language (and then the answer varies with the headers that choose it).
  const asked = new URL(request.url).searchParams.get("lang");
  const language = isLanguage(asked) ? asked : requestLanguage(request, null);
  const t = fixedT(language);
  const publications = await listPublicPublications(getDb(), 50);
  const updated = publications[0]?.published_at ?? new Date(0).toISOString();
  const entries = publications.map((p) => {
    const url = `${origin}${versionPath(p.slug, p.version)}`;
    const summary = p.notes || p.summary;
    return `  <entry xml:lang="${p.language}">
    <id>${xmlText(url)}</id>
    <title>${xmlText(`${p.title} — ${p.version}`)}</title>
    <link rel="alternate" type="text/html" href="${xmlText(url)}" hreflang="${p.language}"/>
    <updated>${xmlText(p.published_at)}</updated>
    <published>${xmlText(p.published_at)}</published>
    <author><name>${xmlText(p.group_name)}</name></author>
    <category term="${xmlText(p.group_name)}"/>
    <summary type="text">${xmlText(summary)}</summary>
    <content type="html" xml:lang="${p.language}">${xmlText(p.body_html)}</content>
  </entry>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">
  <id>${xmlText(`${origin}${libraryFeedPath()}`)}</id>
  <title type="text">${xmlText(t("library.feedTitle", { site: t("site.name") }))}</title>
  <subtitle type="text">${xmlText(t("library.intro"))}</subtitle>
  <link rel="self" type="application/atom+xml" href="${xmlText(`${origin}${libraryFeedPath()}`)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(`${origin}${libraryPath()}`)}"/>
  <updated>${xmlText(updated)}</updated>
  <generator>CoP Portal</generator>
${entries.join("\n")}
</feed>
`;
  return feedResponse(request, xml, {
    contentType: "application/atom+xml; charset=utf-8",
    cacheControl: "public, max-age=300",
    lastModified: updated,
    vary: isLanguage(asked) ? undefined : "Accept-Language, Cookie",
  });
}
