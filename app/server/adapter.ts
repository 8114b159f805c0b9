// node:http ↔ the Fetch API Remix speaks: the request target parsed once, an incoming request turned
// into a Request (client address and request id set by us, body capped), and a Response written back
// with the security headers and this response's CSP nonce.
import { randomBytes } from "node:crypto";
import type http from "node:http";
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@remix-run/node";
import { REQUEST_ID_HEADER } from "~/utils/auth.server";
import { clientAddressOf } from "~/utils/client-address.server";
import { port, trustedProxyHops } from "~/utils/env.server";
import { contentSecurityPolicy, securityHeaders } from "~/utils/security-headers.server";

/** Request bodies: drafts of guidance documents may reach 1 MiB of markdown; every other form is small. */
const MAX_DOCUMENT_BODY_BYTES = 2 * 1024 * 1024;
const MAX_FORM_BODY_BYTES = 256 * 1024;
export function maxBodyBytes(pathname: string): number {
  return pathname.startsWith("/documents/") ? MAX_DOCUMENT_BODY_BYTES : MAX_FORM_BODY_BYTES;
}

/** A fresh Content-Security-Policy nonce. */
export function freshNonce(): string {
  return randomBytes(16).toString("base64");
}

export function plainResponse(res: http.ServerResponse, status: number, message: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...securityHeaders(), "Content-Type": "text/plain; charset=utf-8", ...extra });
  res.end(message);
}

/**
 * The address a request asks for, parsed and normalised once (`/a/../b` is `/b`, `%2e%2e` is `..`)
 * for routing and the page cache alike. Only origin-form targets (`/path?query`) are accepted: a
 * target such as `//evil.example/x` must not become another host.
 */
export function requestTarget(req: http.IncomingMessage): URL | null {
  const target = req.url ?? "/";
  if (!target.startsWith("/")) return null;
  try {
    return new URL(`http://${req.headers.host ?? `localhost:${port()}`}${target}`);
  } catch {
    return null;
  }
}

const TRUSTED_PROXY_HOPS = trustedProxyHops();

/**
 * The Request Remix handles: the client's own `x-cop-client-address` and request-id headers are
 * dropped and ours set; the body is capped by the route's limit (see `limitBody`).
 */
export function toRequest(req: http.IncomingMessage, res: http.ServerResponse, url: URL, requestId: string): Request {
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

export class BodyTooLarge extends Error {}

/** Destroys the request with BodyTooLarge (answered 413) once more than `limit` bytes arrived. */
export function limitBody(req: http.IncomingMessage, limit: number) {
  let seen = 0;
  req.on("data", (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > limit) req.destroy(new BodyTooLarge("request body too large"));
  });
  return req;
}

/**
 * Writes a Remix Response: the security headers, a Content-Security-Policy with `nonce`, the
 * response's headers (each Set-Cookie on its own line), then `extra`. A page rendered with
 * `placeholder` as its nonce (for the page cache, then not kept) has it replaced by `nonce` and is
 * sent whole; any other body is streamed.
 */
export async function sendResponse(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  response: Response,
  { nonce, placeholder, extra }: { nonce: string; placeholder?: string; extra: Record<string, string> },
) {
  const headers: Record<string, string | string[]> = {
    ...securityHeaders(),
    "Content-Security-Policy": contentSecurityPolicy(nonce),
  };
  for (const [name, value] of response.headers) {
    if (name === "set-cookie" || (placeholder !== undefined && name === "content-length")) continue;
    headers[name] = value;
  }
  Object.assign(headers, extra);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  if (placeholder !== undefined) {
    const text = (await response.text()).replaceAll(placeholder, nonce);
    res.writeHead(response.status, response.statusText, headers);
    res.end(req.method === "HEAD" ? undefined : text);
    return;
  }
  res.writeHead(response.status, response.statusText, headers);
  if (response.body && req.method !== "HEAD") await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
