import type { LoaderFunctionArgs } from "@remix-run/node";
import { runSearch } from "~/services/search/site-search.server";
import { rateLimit } from "~/models/rate-limit.server";
import { clientAddress, getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

/**
 * Search-as-you-type: the best few results (a document, a topic, a group …, not their sections),
 * the last word taken as a prefix, even inside a phrase ("post-deployment mon"). JSON, read-only.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const retryAfter = await rateLimit("search", viewer ? `user:${viewer.id}` : `ip:${clientAddress(request)}`);
  if (retryAfter) return Response.json({ suggestions: [] }, { status: 429, headers: { "Retry-After": String(retryAfter) } });
  const params = new URL(request.url).searchParams;
  const result = await runSearch(getDb(), viewer, new URLSearchParams({ q: params.get("q") ?? "" }), {
    prefix: true,
    pageSize: 6,
  });
  return Response.json(
    {
      q: result.q,
      suggestions: result.hits.map((hit) => ({
        kind: hit.kind,
        url: hit.url,
        title: hit.title.map((p) => p.text).join(""),
        place: hit.place,
        language: hit.language,
      })),
    },
    { headers: { "Cache-Control": "private, no-cache" } },
  );
}
