// The library's Atom 1.0 feed: each published version of documents in public working groups.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listPublicPublications } from "~/models/document.server";
import { getDb } from "~/utils/db.server";
import { fixedT, requestLanguage } from "~/utils/i18n.server";
import { siteOrigin } from "~/utils/site-origin.server";

const escapeXml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // Characters XML 1.0 does not allow.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

export async function loader({ request }: LoaderFunctionArgs) {
  const origin = siteOrigin(request);
  const t = fixedT(requestLanguage(request, null));
  const publications = await listPublicPublications(getDb(), 50);
  const updated = publications[0]?.published_at ?? new Date(0).toISOString();
  const entries = publications.map((p) => {
    const url = `${origin}/library/${p.slug}/v/${p.version}`;
    const summary = p.notes || p.summary;
    return `  <entry>
    <id>${escapeXml(url)}</id>
    <title>${escapeXml(`${p.title} — ${p.version}`)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(url)}" hreflang="${p.language}"/>
    <updated>${escapeXml(p.published_at)}</updated>
    <published>${escapeXml(p.published_at)}</published>
    <author><name>${escapeXml(p.group_name)}</name></author>
    <category term="${escapeXml(p.group_name)}"/>
    <summary type="text">${escapeXml(summary)}</summary>
    <content type="html" xml:lang="${p.language}">${escapeXml(p.body_html)}</content>
  </entry>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(`${origin}/library/feed.xml`)}</id>
  <title type="text">${escapeXml(t("library.feedTitle", { site: t("site.name") }))}</title>
  <subtitle type="text">${escapeXml(t("library.intro"))}</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${origin}/library/feed.xml`)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${origin}/library`)}"/>
  <updated>${escapeXml(updated)}</updated>
  <generator>CoP Portal</generator>
${entries.join("\n")}
</feed>
`;
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
