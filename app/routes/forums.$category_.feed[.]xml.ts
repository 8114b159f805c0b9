// The Atom 1.0 feed of a public category: its latest topics, with their first post as content.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { categoryResource, findCategoryBySlug } from "~/models/category.server";
import { listFeedTopics } from "~/models/topic.server";
import { authorize } from "~/policies";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { siteOrigin } from "~/utils/site-origin.server";

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

// Characters XML 1.0 does not allow, even escaped.
// eslint-disable-next-line no-control-regex
const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const category = await findCategoryBySlug(getDb(), params.category ?? "");
  if (!category) notFound();
  // Feeds are for public spaces only: members-only and private ones answer 404, whoever asks.
  authorize(null, "category:read-feed", categoryResource(category));
  const origin = siteOrigin(request);
  const topics = await listFeedTopics(getDb(), category.id);
  const selfUrl = `${origin}/forums/${category.slug}/feed.xml`;
  const pageUrl = `${origin}/forums/${category.slug}`;
  const updated = topics.map((topic) => topic.updated_at).sort().pop() ?? category.last_post_at ?? category.created_at;
  const entries = topics.map((topic) => {
    const url = `${origin}/t/${topic.id}/${topic.slug}`;
    return `  <entry>
    <id>${escapeXml(url)}</id>
    <title type="text">${escapeXml(xmlSafe(topic.title))}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>
    <published>${new Date(topic.created_at).toISOString()}</published>
    <updated>${new Date(topic.updated_at).toISOString()}</updated>
    <author><name>${escapeXml(xmlSafe(topic.author_name ?? "—"))}</name></author>
${topic.tags.map((tag) => `    <category term="${escapeXml(tag)}"/>\n`).join("")}    <content type="html">${escapeXml(xmlSafe(topic.body_html ?? ""))}</content>
  </entry>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(selfUrl)}</id>
  <title type="text">${escapeXml(xmlSafe(category.name))}</title>
${category.description ? `  <subtitle type="text">${escapeXml(xmlSafe(category.description))}</subtitle>\n` : ""}  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(pageUrl)}"/>
  <updated>${new Date(updated).toISOString()}</updated>
  <generator>CoP Portal</generator>
${entries.join("\n")}
</feed>
`;
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
