// The Atom 1.0 feed of a public category: its latest topics, with their first post as content.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { categoryResource, findCategoryBySlug } from "~/models/category.server";
import { listFeedTopics } from "~/models/topic.server";
import { authorize } from "~/policies";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { siteOrigin } from "~/utils/site-origin.server";
import { categoryFeedPath, categoryPath, topicPath } from "~/utils/paths";
import { feedResponse, plainRefusals, xmlText } from "~/utils/syndication.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => plainRefusals(() => categoryFeed(request, params.category));

async function categoryFeed(request: Request, slug: string | undefined) {
  const category = await findCategoryBySlug(getDb(), slug ?? "");
  if (!category) notFound();
  // Feeds are for public spaces only: members-only and private ones answer 404, whoever asks.
  authorize(null, "category:read-feed", categoryResource(category));
  const origin = siteOrigin(request);
  const topics = await listFeedTopics(getDb(), category.id);
  const selfUrl = `${origin}${categoryFeedPath(category.slug)}`;
  const pageUrl = `${origin}${categoryPath(category.slug)}`;
  const updated =
    topics
      .map((topic) => topic.updated_at)
      .sort()
      .pop() ??
    category.last_post_at ??
    category.created_at;
  const entries = topics.map((topic) => {
    const url = `${origin}${topicPath(topic)}`;
    return `  <entry>
    <id>${xmlText(url)}</id>
    <title type="text">${xmlText(topic.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>
    <published>${new Date(topic.created_at).toISOString()}</published>
    <updated>${new Date(topic.updated_at).toISOString()}</updated>
    <author><name>${xmlText(topic.author_name ?? "—")}</name></author>
${topic.tags.map((tag) => `    <category term="${xmlText(tag)}"/>\n`).join("")}    <content type="html">${xmlText(topic.body_html ?? "")}</content>
  </entry>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xmlText(selfUrl)}</id>
  <title type="text">${xmlText(category.name)}</title>
${category.description ? `  <subtitle type="text">${xmlText(category.description)}</subtitle>\n` : ""}  <link rel="self" type="application/atom+xml" href="${xmlText(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(pageUrl)}"/>
  <updated>${new Date(updated).toISOString()}</updated>
  <generator>CoP Portal</generator>
${entries.join("\n")}
</feed>
`;
  return feedResponse(request, xml, {
    contentType: "application/atom+xml; charset=utf-8",
    cacheControl: "public, max-age=300",
    lastModified: new Date(updated).toISOString(),
  });
}
