// The files of public/ (the browser build and a few fixed files), answered before Remix sees the
// request: fingerprinted assets under /build/ are cached for a year, the others for an hour.
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { securityHeaders } from "~/utils/security-headers.server";

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

/**
 * Answers a GET or HEAD for a file of public/ with a known type and returns true; returns false
 * (nothing sent) for anything else, which then goes to Remix.
 */
export function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean {
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
