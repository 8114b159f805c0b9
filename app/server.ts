// The production server: a lean node:http adapter around the Remix request handler (compiled with
// the app into build/index.js by remix.config.js). It prepares the database on start, serves the
// static assets, refuses cross-site writes, caps request bodies and sets the security headers.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import cluster from "node:cluster";
import { once } from "node:events";
import { monitorEventLoopDelay } from "node:perf_hooks";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
} from "@remix-run/node";
import * as build from "@remix-run/dev/server-build";
import { prepareDatabase } from "../db/prepare";
import { closeDatabase, getConnection } from "./utils/db.server";
import { forgetRequest, REQUEST_ID_HEADER } from "./utils/auth.server";
import { isProduction, port, seedDemo } from "./utils/env.server";
import { originAllowed } from "./utils/origin.server";
import { cacheable, PageCache, type CachedPage } from "./utils/page-cache.server";
import { renderConcurrency, RenderSlots } from "./utils/render-slots.server";
import { contentSecurityPolicy, securityHeaders } from "./utils/security-headers.server";
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

const handleRequest = createRequestHandler(build, isProduction ? "production" : "development");

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

function toRequest(req: http.IncomingMessage, res: http.ServerResponse, requestId: string): Request {
  const host = req.headers.host ?? `localhost:${port()}`;
  const url = new URL(req.url ?? "/", `http://${host}`);
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || key === "x-cop-client-address" || key === REQUEST_ID_HEADER) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  const forwarded = process.env.TRUST_PROXY === "1" ? req.headers["x-forwarded-for"] : undefined;
  const address = (typeof forwarded === "string" ? forwarded.split(",")[0].trim() : "") || req.socket.remoteAddress || "unknown";
  headers.set("x-cop-client-address", address);
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

function sendPage(req: http.IncomingMessage, res: http.ServerResponse, page: CachedPage, cacheState: "hit" | "miss") {
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
    "X-Cache": cacheState,
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

let requestSequence = 0;

const renderSlots = new RenderSlots(renderConcurrency());

async function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = req.url ?? "/";
  const pathname = url.split("?")[0];
  if (serveStatic(req, res, pathname)) return;
  if (benchMetrics && pathname.startsWith("/__bench/")) return benchMetrics(req, res);

  const key = pageCache ? pageCache.keyFor(req.method, url, req.headers) : null;
  const version = key ? pageCache!.currentVersion() : 0;
  if (key) {
    const cached = pageCache!.get(key, version);
    if (cached) return sendPage(req, res, cached, "hit");
  }

  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBodyBytes(pathname)) return plainResponse(res, 413, "The request is too large.\n", { Connection: "close" });
  let request: Request;
  try {
    const requestId = String(++requestSequence);
    res.once("close", () => forgetRequest(requestId));
    request = toRequest(req, res, requestId);
  } catch {
    return plainResponse(res, 400, "Malformed request.\n");
  }
  if (!originAllowed(request)) {
    return plainResponse(res, 403, "This form was sent from another site and was refused.\n");
  }
  const cspNonce = key ? NONCE_MARKER : randomBytes(16).toString("base64");
  // Renders take turns (see RenderSlots): a slot is held while the page is computed, not while it
  // is sent, so a slow client never holds one.
  await renderSlots.acquire();
  let response: Response;
  let page: CachedPage | undefined;
  try {
    if (res.destroyed) return; // the client left while waiting for its turn
    response = await handleRequest(request, { cspNonce });
    const isWrite = req.method !== "GET" && req.method !== "HEAD";
    // A write that succeeded makes every cached page stale, before its own answer leaves.
    if (isWrite && response.status < 400) await pageCache?.invalidate();
    if (key && cacheable(key, response.status, response.headers)) {
      const headers: Record<string, string> = {};
      for (const [name, value] of response.headers) if (name !== "content-length") headers[name] = value;
      const parts = Buffer.from(await response.arrayBuffer())
        .toString("latin1")
        .split(NONCE_MARKER)
        .map((part) => Buffer.from(part, "latin1"));
      page = { status: response.status, headers, parts, size: parts.reduce((sum, part) => sum + part.length, 0), version, storedAt: Date.now() };
      pageCache!.set(key, page);
    }
  } finally {
    renderSlots.release();
  }
  if (page) return sendPage(req, res, page, "miss");

  const headers: Record<string, string | string[]> = {
    ...securityHeaders(),
    "Content-Security-Policy": contentSecurityPolicy(cspNonce === NONCE_MARKER ? randomBytes(16).toString("base64") : cspNonce),
  };
  let body = response.body;
  if (cspNonce === NONCE_MARKER) {
    // Rendered for the cache but not cacheable after all: still swap the marker for a nonce.
    const nonce = /'nonce-([^']+)'/.exec(headers["Content-Security-Policy"] as string)![1];
    const text = (await response.text()).replaceAll(NONCE_MARKER, nonce);
    body = null;
    for (const [name, value] of response.headers) if (name !== "set-cookie" && name !== "content-length") headers[name] = value;
    const cookies = response.headers.getSetCookie();
    if (cookies.length) headers["set-cookie"] = cookies;
    res.writeHead(response.status, response.statusText, headers);
    res.end(req.method === "HEAD" ? undefined : text);
    return;
  }
  for (const [name, value] of response.headers) {
    if (name === "set-cookie") continue;
    headers[name] = value;
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, response.statusText, headers);
  if (body && req.method !== "HEAD") await writeReadableStreamToWritable(body, res);
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
  pageCache = process.env.PAGE_CACHE === "0" ? undefined : new PageCache(getConnection().sqlite, getConnection().db);
  if (process.env.COP_BENCH === "1") enableBenchMetrics();
  const server = http.createServer((req, res) => {
    // A response sent before its request body was read (a redirect to sign in, a refused Origin)
    // must not leave the rest of that body on a kept-alive connection, where it would stall the
    // next request: the rest is read and dropped (still within the route's cap).
    res.once("finish", () => {
      if (req.complete) return;
      req.removeAllListeners("data");
      limitBody(req, maxBodyBytes((req.url ?? "/").split("?")[0]));
      req.resume();
    });
    onRequest(req, res).catch((error) => {
      if (!(error instanceof BodyTooLarge)) console.error(error);
      if (!res.headersSent) plainResponse(res, error instanceof BodyTooLarge ? 413 : 500, error instanceof BodyTooLarge ? "The request is too large.\n" : "Something went wrong.\n");
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
