// The production server: a lean node:http adapter around the Remix request handler (compiled with
// the app into build/index.js by remix.config.js). It prepares the database on start, serves the
// static assets, refuses cross-site writes, caps request bodies and sets the security headers.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import cluster from "node:cluster";
import { once } from "node:events";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import * as build from "@remix-run/dev/server-build";
import { prepareDatabase } from "~/ops/prepare.server";
import { sql } from "kysely";
import { closeDatabase, getConnection, openReadOnlyDatabase, runBeforeDurableCommit } from "./utils/db.server";
import { forgetRequest, renderedFor, REQUEST_ID_HEADER, type Auth } from "./utils/auth.server";
import { clientAddressOf } from "./utils/client-address.server";
import { databasePath, port, productionConfigurationProblems, seedDemo, trustedProxyHops } from "./utils/env.server";
import { originAllowed } from "./utils/origin.server";
import { cacheable, memberCacheable, PageCache, type CachedPage, type CacheSlot } from "./utils/page-cache.server";
import { renderConcurrency, RenderSlots } from "./utils/render-slots.server";
import { contentSecurityPolicy, securityHeaders } from "./utils/security-headers.server";
import { isNotModified } from "./utils/syndication.server";
import { randomBytes } from "node:crypto";

/** Request bodies: drafts of guidance documents may reach 1 MiB of markdown; every other form is small. */
const MAX_DOCUMENT_BODY_BYTES = 2 * 1024 * 1024;
const MAX_FORM_BODY_BYTES = 256 * 1024;
function maxBodyBytes(pathname: string): number {
  return pathname.startsWith("/documents/") ? MAX_DOCUMENT_BODY_BYTES : MAX_FORM_BODY_BYTES;
}
const PUBLIC_DIR = path.resolve("public");
const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
};

// The build is always a production build (error details never reach visitors), whatever NODE_ENV says.
const handleRequest = createRequestHandler(build, build.mode);

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const file = path.join(PUBLIC_DIR, path.normalize(decoded));
  if (!file.startsWith(PUBLIC_DIR + path.sep)) return false;
  const type = CONTENT_TYPES[path.extname(file)];
  if (!type) return false;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  if (!stat.isFile()) return false;
  const immutable = pathname.startsWith("/build/");
  res.writeHead(200, {
    ...securityHeaders(),
    "Content-Type": type,
    "Content-Length": stat.size,
    "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600",
  });
  if (req.method === "HEAD") res.end();
  else fs.createReadStream(file).pipe(res);
  return true;
}

function plainResponse(res: http.ServerResponse, status: number, message: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...securityHeaders(), "Content-Type": "text/plain; charset=utf-8", ...extra });
  res.end(message);
}

/**
 * The address a request asks for, parsed and normalised once (`/a/../b` is `/b`, `%2e%2e` is `..`)
 * for routing and the page cache alike. Only origin-form targets (`/path?query`) are accepted: a
 * target such as `//evil.example/x` must not become another host.
 */
function requestTarget(req: http.IncomingMessage): URL | null {
  const target = req.url ?? "/";
  if (!target.startsWith("/")) return null;
  try {
    return new URL(`http://${req.headers.host ?? `localhost:${port()}`}${target}`);
  } catch {
    return null;
  }
}

const TRUSTED_PROXY_HOPS = trustedProxyHops();

function toRequest(req: http.IncomingMessage, res: http.ServerResponse, url: URL, requestId: string): Request {
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || key === "x-cop-client-address" || key === REQUEST_ID_HEADER) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  headers.set(
    "x-cop-client-address",
    clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], TRUSTED_PROXY_HOPS),
  );
  headers.set(REQUEST_ID_HEADER, requestId);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url.href, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: createReadableStreamFromReadable(limitBody(req, maxBodyBytes(url.pathname))), duplex: "half" } : {}),
  } as RequestInit);
}

class BodyTooLarge extends Error {}

function limitBody(req: http.IncomingMessage, limit: number) {
  let seen = 0;
  req.on("data", (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > limit) req.destroy(new BodyTooLarge("request body too large"));
  });
  return req;
}

/** Pages for the page cache are rendered with this marker as their nonce, which each
 * response then replaces with a fresh one. */
const NONCE_MARKER = randomBytes(18).toString("base64url");
let pageCache: PageCache | undefined;
/** X-Cache (hit / miss) is sent only when PAGE_CACHE_DEBUG=1: it tells outsiders what others read. */
const SHOW_CACHE_STATE = process.env.PAGE_CACHE_DEBUG === "1";

function sendPage(req: http.IncomingMessage, res: http.ServerResponse, page: CachedPage, cacheState: "hit" | "miss") {
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
  const nonce = randomBytes(16).toString("base64");
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
type RenderedFor = number | null | "ambiguous";

function identityOf(auth: Auth | undefined): RenderedFor {
  if (!auth) return null;
  if (auth.ambiguous) return "ambiguous";
  return auth.viewer?.id ?? null;
}

/**
 * Browser and proxy caching of what was rendered for someone: their personal pages (settings,
 * administration, notifications, forms) are never stored; their reading pages only by their own
 * browser. Pages rendered for nobody keep whatever the route said.
 */
function personalCacheHeaders(renderedFor: RenderedFor, pathname: string, headers: Headers): Record<string, string> {
  if (renderedFor === null) return {};
  const vary = headers.get("vary");
  const varyCookie = vary && /\bcookie\b/i.test(vary) ? vary : vary ? `${vary}, Cookie` : "Cookie";
  if (renderedFor === "ambiguous" || !memberCacheable(pathname) || /no-store/.test(headers.get("cache-control") ?? "")) {
    return { "cache-control": "private, no-store", vary: varyCookie };
  }
  return { "cache-control": "private", vary: varyCookie };
}

let requestSequence = 0;

const renderSlots = new RenderSlots(renderConcurrency());

async function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  const rawPath = (req.url ?? "/").split("?")[0];
  if (serveStatic(req, res, rawPath)) return;
  if (benchMetrics && rawPath.startsWith("/__bench/")) return benchMetrics(req, res);

  const target = requestTarget(req);
  if (!target) return plainResponse(res, 400, "Malformed request.\n");
  const slot: CacheSlot | null = pageCache ? pageCache.slotFor(req.method, target, req.headers) : null;
  const version = slot ? pageCache!.currentVersion() : 0;
  if (slot) {
    const cached = pageCache!.get(slot.key, version);
    if (cached) return sendPage(req, res, cached, "hit");
  }

  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBodyBytes(target.pathname))
    return plainResponse(res, 413, "The request is too large.\n", { Connection: "close" });
  const requestId = String(++requestSequence);
  res.once("close", () => forgetRequest(requestId));
  let request: Request;
  try {
    request = toRequest(req, res, target, requestId);
  } catch {
    return plainResponse(res, 400, "Malformed request.\n");
  }
  if (!originAllowed(request)) {
    return plainResponse(res, 403, "This form was sent from another site and was refused.\n");
  }
  const cspNonce = slot ? NONCE_MARKER : randomBytes(16).toString("base64");
  const render = { failed: false };
  // Renders take turns (see RenderSlots): a slot is held while the page is computed, not while it
  // is sent, so a slow client never holds one.
  await renderSlots.acquire();
  let response: Response;
  let page: CachedPage | undefined;
  let cacheHeaders: Record<string, string>;
  try {
    if (res.destroyed) return; // the client left while waiting for its turn
    response = await handleRequest(request, { cspNonce, render });
    const isWrite = req.method !== "GET" && req.method !== "HEAD";
    // A write that succeeded makes every cached page stale, before its own answer leaves.
    if (isWrite && response.status < 400) await pageCache?.invalidate();
    const renderedForWhom = identityOf(await renderedFor(requestId));
    cacheHeaders = personalCacheHeaders(renderedForWhom, target.pathname, response.headers);
    if (slot && renderedForWhom === slot.owner && cacheable(slot, response.status, response.headers)) {
      const headers: Record<string, string> = {};
      for (const [name, value] of response.headers) if (name !== "content-length") headers[name] = value;
      Object.assign(headers, cacheHeaders);
      const bytes = Buffer.from(await response.arrayBuffer());
      // A render that failed after its first bytes were streamed still ends "200": never keep it.
      if (!render.failed) {
        const parts = bytes
          .toString("latin1")
          .split(NONCE_MARKER)
          .map((part) => Buffer.from(part, "latin1"));
        page = {
          status: response.status,
          headers,
          parts,
          size: parts.reduce((sum, part) => sum + part.length, 0),
          version,
          storedAt: Date.now(),
        };
        pageCache!.set(slot.key, page);
      } else {
        response = new Response(bytes, { status: response.status, headers: response.headers });
      }
    }
  } finally {
    renderSlots.release();
  }
  if (page) return sendPage(req, res, page, "miss");

  const headers: Record<string, string | string[]> = {
    ...securityHeaders(),
    "Content-Security-Policy": contentSecurityPolicy(cspNonce === NONCE_MARKER ? randomBytes(16).toString("base64") : cspNonce),
  };
  for (const [name, value] of response.headers) {
    if (name === "set-cookie" || (cspNonce === NONCE_MARKER && name === "content-length")) continue;
    headers[name] = value;
  }
  Object.assign(headers, cacheHeaders);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  if (cspNonce === NONCE_MARKER) {
    // Rendered for the cache but not kept after all: still swap the marker for this response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(headers["Content-Security-Policy"] as string)![1];
    const text = (await response.text()).replaceAll(NONCE_MARKER, nonce);
    res.writeHead(response.status, response.statusText, headers);
    res.end(req.method === "HEAD" ? undefined : text);
    return;
  }
  res.writeHead(response.status, response.statusText, headers);
  if (response.body && req.method !== "HEAD") await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** With COP_BENCH=1 the benchmark reads this process's event-loop delay and memory. */
let benchMetrics: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | undefined;
function enableBenchMetrics() {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  benchMetrics = (req, res) => {
    if (req.url === "/__bench/reset") histogram.reset();
    const status = fs.readFileSync("/proc/self/status", "utf8");
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    res.writeHead(200, { "Content-Type": "application/json", Connection: "close" });
    res.end(
      JSON.stringify({
        pid: process.pid,
        eventLoopDelayMaxMs: histogram.max / 1e6,
        eventLoopDelayP99Ms: histogram.percentile(99) / 1e6,
        rssBytes: kb("VmRSS") * 1024,
        peakRssBytes: kb("VmHWM") * 1024,
      }),
    );
  };
}

function workerCount(): number {
  const configured = Number(process.env.WEB_CONCURRENCY);
  if (Number.isInteger(configured) && configured > 0) return Math.min(configured, 16);
  return 1;
}

async function serve() {
  const started = performance.now();
  if (process.env.PAGE_CACHE !== "0") {
    pageCache = new PageCache(openReadOnlyDatabase(databasePath()), getConnection().db);
    // Every durable write moves the cache's version inside its own transaction (see db.server.ts).
    runBeforeDurableCommit((trx) => sql`update content_version set version = version + 1 where id = 1`.execute(trx));
  }
  if (process.env.COP_BENCH === "1") enableBenchMetrics();
  const server = http.createServer((req, res) => {
    // A response sent before its request body was read (a redirect to sign in, a refused Origin)
    // must not leave the rest of that body on a kept-alive connection, where it would stall the
    // next request: the rest is read and dropped (still within the route's cap).
    res.once("finish", () => {
      if (req.complete) return;
      req.removeAllListeners("data");
      limitBody(req, maxBodyBytes(requestTarget(req)?.pathname ?? "/"));
      req.resume();
    });
    onRequest(req, res).catch((error) => {
      if (!(error instanceof BodyTooLarge)) console.error(error);
      if (!res.headersSent)
        plainResponse(
          res,
          error instanceof BodyTooLarge ? 413 : 500,
          error instanceof BodyTooLarge ? "The request is too large.\n" : "Something went wrong.\n",
        );
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  server.listen(port(), process.env.HOST ?? "0.0.0.0");
  await once(server, "listening");
  if (!cluster.isWorker || cluster.worker?.id === 1) {
    console.log(`CoP Portal serving on http://localhost:${port()} (ready in ${Math.round(performance.now() - started)} ms)`);
  }
  const stop = () => {
    server.close(() => {
      closeDatabase();
      process.exit(0);
    });
    server.closeAllConnections();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

async function main() {
  const problems = productionConfigurationProblems();
  if (problems.length) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  if (cluster.isPrimary) {
    // Migrations and the first-run seed happen once, before any process serves.
    const result = await prepareDatabase(getConnection().db, { demo: seedDemo() });
    if (result.seeded) console.log(`First run: seeded the starter content${seedDemo() ? " and the demo community" : ""}.`);
    const workers = workerCount();
    if (workers > 1) {
      closeDatabase();
      for (let i = 0; i < workers; i++) cluster.fork();
      let stopping = false;
      cluster.on("exit", (worker, code, signal) => {
        if (stopping) return;
        console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
        cluster.fork();
      });
      const stop = () => {
        stopping = true;
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
        setTimeout(() => process.exit(0), 5_000).unref();
        cluster.on("exit", () => {
          if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        });
      };
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
      return;
    }
  }
  await serve();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
