// The server's side of the page cache (app/utils/page-cache.server.ts keeps the pages): which slot a
// request may be answered from, whether a fresh answer may be kept there, the caching headers of
// pages rendered for a member, and sending a kept page with a fresh nonce.
import { randomBytes } from "node:crypto";
import type http from "node:http";
import { sql } from "kysely";
import type { Auth } from "~/utils/auth.server";
import { getConnection, openReadOnlyDatabase, runBeforeDurableCommit } from "~/utils/db.server";
import { databasePath } from "~/utils/env.server";
import { cacheable, memberCacheable, PageCache, type CachedPage, type CacheSlot } from "~/utils/page-cache.server";
import { contentSecurityPolicy, securityHeaders } from "~/utils/security-headers.server";
import { isNotModified } from "~/utils/syndication.server";
import { freshNonce } from "./adapter";

/** Pages for the page cache are rendered with this marker as their nonce, which each
 * response then replaces with a fresh one. */
export const NONCE_MARKER = randomBytes(18).toString("base64url");
let pageCache: PageCache | undefined;
/** X-Cache (hit / miss) is sent only when PAGE_CACHE_DEBUG=1: it tells outsiders what others read. */
const SHOW_CACHE_STATE = process.env.PAGE_CACHE_DEBUG === "1";

/** Turns the cache on (unless PAGE_CACHE=0), once the database is prepared. */
export function enablePageCache() {
  if (process.env.PAGE_CACHE === "0") return;
  pageCache = new PageCache(openReadOnlyDatabase(databasePath()), getConnection().db);
  // Every durable write moves the cache's version inside its own transaction (see db.server.ts).
  runBeforeDurableCommit((trx) => sql`update content_version set version = version + 1 where id = 1`.execute(trx));
}

/**
 * Where an answer to this request would be kept (null when the cache is off or the request may
 * not use it), the cache version it is looked up at, and the page kept there, if any.
 */
export function lookUpPage(
  req: http.IncomingMessage,
  target: URL,
): { slot: CacheSlot | null; version: number; cached: CachedPage | undefined } {
  const slot: CacheSlot | null = pageCache ? pageCache.slotFor(req.method, target, req.headers) : null;
  const version = slot ? pageCache!.currentVersion() : 0;
  const cached = slot ? pageCache!.get(slot.key, version) : undefined;
  return { slot, version, cached };
}

/** A write that succeeded makes every cached page stale. */
export async function invalidatePages() {
  await pageCache?.invalidate();
}

export function sendPage(req: http.IncomingMessage, res: http.ServerResponse, page: CachedPage, cacheState: "hit" | "miss") {
  // Feeds and calendars carry an ETag: a reader asking "anything new?" gets 304 from memory too.
  const conditions = { ifNoneMatch: req.headers["if-none-match"], ifModifiedSince: req.headers["if-modified-since"] };
  if (
    (page.headers["etag"] || page.headers["last-modified"]) &&
    isNotModified(conditions, page.headers["etag"], page.headers["last-modified"])
  ) {
    const { "content-type": _type, "content-disposition": _disposition, ...kept } = page.headers;
    res.writeHead(304, { ...securityHeaders(), ...kept, ...(SHOW_CACHE_STATE ? { "X-Cache": cacheState } : {}) });
    res.end();
    return;
  }
  const nonce = freshNonce();
  const nonceBytes = Buffer.from(nonce);
  // The body is kept as encoded bytes: a hit only splices in its nonce, it never re-encodes the page.
  const chunks: Buffer[] = [];
  page.parts.forEach((part, i) => {
    if (i > 0) chunks.push(nonceBytes);
    chunks.push(part);
  });
  const body = Buffer.concat(chunks, page.size + (page.parts.length - 1) * nonceBytes.length);
  res.writeHead(page.status, {
    ...securityHeaders(),
    ...page.headers,
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    "Content-Length": body.length,
    ...(SHOW_CACHE_STATE ? { "X-Cache": cacheState } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * Who an answer was rendered for, as its loaders saw it: a member's id, null for nobody, or
 * "ambiguous" for a request whose Cookie header named several sessions (served as nobody).
 */
export type RenderedFor = number | null | "ambiguous";

export function identityOf(auth: Auth | undefined): RenderedFor {
  if (!auth) return null;
  if (auth.ambiguous) return "ambiguous";
  return auth.viewer?.id ?? null;
}

/**
 * Browser and proxy caching of what was rendered for someone: their personal pages (settings,
 * administration, notifications, forms) are never stored; their reading pages only by their own
 * browser. Pages rendered for nobody keep whatever the route said.
 */
export function personalCacheHeaders(renderedFor: RenderedFor, pathname: string, headers: Headers): Record<string, string> {
  if (renderedFor === null) return {};
  const vary = headers.get("vary");
  const varyCookie = vary && /\bcookie\b/i.test(vary) ? vary : vary ? `${vary}, Cookie` : "Cookie";
  if (renderedFor === "ambiguous" || !memberCacheable(pathname) || /no-store/.test(headers.get("cache-control") ?? "")) {
    return { "cache-control": "private, no-store", vary: varyCookie };
  }
  return { "cache-control": "private", vary: varyCookie };
}

/**
 * Keeps a fresh answer in its slot when it was rendered for the slot's owner and may be cached:
 * answers the page kept, or the response to send instead (its body already read when it was
 * considered but not kept). A render that failed after its first bytes were streamed still ends
 * "200": it is never kept.
 */
export async function keepPage(
  slot: CacheSlot,
  version: number,
  renderedForWhom: RenderedFor,
  response: Response,
  cacheHeaders: Record<string, string>,
  render: { failed: boolean },
): Promise<{ page?: CachedPage; response: Response }> {
  if (renderedForWhom !== slot.owner || !cacheable(slot, response.status, response.headers)) return { response };
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) if (name !== "content-length") headers[name] = value;
  Object.assign(headers, cacheHeaders);
  const bytes = Buffer.from(await response.arrayBuffer());
  // Read once the whole body has been rendered: a failure while streaming sets it.
  if (render.failed) return { response: new Response(bytes, { status: response.status, headers: response.headers }) };
  const parts = bytes
    .toString("latin1")
    .split(NONCE_MARKER)
    .map((part) => Buffer.from(part, "latin1"));
  const page: CachedPage = {
    status: response.status,
    headers,
    parts,
    size: parts.reduce((sum, part) => sum + part.length, 0),
    version,
    storedAt: Date.now(),
  };
  pageCache!.set(slot.key, page);
  return { page, response };
}
