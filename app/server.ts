// The production server: a lean node:http adapter around the Remix request handler (compiled with
// the app into build/index.js by remix.config.js). It prepares the database on start, serves the
// static assets, refuses cross-site writes, caps request bodies and sets the security headers.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { once } from "node:events";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
} from "@remix-run/node";
import * as build from "@remix-run/dev/server-build";
import { prepareDatabase } from "../db/prepare";
import { closeDatabase, getConnection } from "./utils/db.server";
import { isProduction, port, seedDemo } from "./utils/env.server";
import { originAllowed } from "./utils/origin.server";
import { contentSecurityPolicy, securityHeaders } from "./utils/security-headers.server";
import { randomBytes } from "node:crypto";

const MAX_BODY_BYTES = 2 * 1024 * 1024;
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

function toRequest(req: http.IncomingMessage, res: http.ServerResponse): Request {
  const host = req.headers.host ?? `localhost:${port()}`;
  const url = new URL(req.url ?? "/", `http://${host}`);
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || key === "x-cop-client-address") continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  const forwarded = process.env.TRUST_PROXY === "1" ? req.headers["x-forwarded-for"] : undefined;
  const address = (typeof forwarded === "string" ? forwarded.split(",")[0].trim() : "") || req.socket.remoteAddress || "unknown";
  headers.set("x-cop-client-address", address);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url.href, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: createReadableStreamFromReadable(limitBody(req)), duplex: "half" } : {}),
  } as RequestInit);
}

class BodyTooLarge extends Error {}

function limitBody(req: http.IncomingMessage) {
  let seen = 0;
  req.on("data", (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > MAX_BODY_BYTES) req.destroy(new BodyTooLarge("request body too large"));
  });
  return req;
}

async function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  const pathname = (req.url ?? "/").split("?")[0];
  if (serveStatic(req, res, pathname)) return;
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) return plainResponse(res, 413, "The request is too large.\n", { Connection: "close" });
  let request: Request;
  try {
    request = toRequest(req, res);
  } catch {
    return plainResponse(res, 400, "Malformed request.\n");
  }
  if (!originAllowed(request)) {
    return plainResponse(res, 403, "This form was sent from another site and was refused.\n");
  }
  const cspNonce = randomBytes(16).toString("base64");
  const response = await handleRequest(request, { cspNonce });
  const headers: Record<string, string | string[]> = {
    ...securityHeaders(),
    "Content-Security-Policy": contentSecurityPolicy(cspNonce),
  };
  for (const [key, value] of response.headers) {
    if (key === "set-cookie") continue;
    headers[key] = value;
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, response.statusText, headers);
  if (response.body && req.method !== "HEAD") await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

async function main() {
  const started = performance.now();
  const result = await prepareDatabase(getConnection().db, { demo: seedDemo() });
  if (result.seeded) console.log(`First run: seeded the starter content${seedDemo() ? " and the demo community" : ""}.`);
  const server = http.createServer((req, res) => {
    onRequest(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) plainResponse(res, error instanceof BodyTooLarge ? 413 : 500, "Something went wrong.\n");
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 30_000;
  server.listen(port(), process.env.HOST ?? "0.0.0.0");
  await once(server, "listening");
  console.log(`CoP Portal serving on http://localhost:${port()} (ready in ${Math.round(performance.now() - started)} ms)`);
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
