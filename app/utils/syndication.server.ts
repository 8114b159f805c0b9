// What feeds (Atom) and calendars (iCalendar) answer with: escaped XML text, validators so feed
// readers and calendar applications can ask "anything new?" cheaply (ETag / Last-Modified → 304),
// and plain-text refusals instead of the JSON error Remix gives resource routes.
import { createHash } from "node:crypto";
import { isRouteErrorResponse } from "@remix-run/react";

/** Escapes text for XML and drops the characters XML 1.0 does not allow, even escaped. */
export function xmlText(text: string): string {
  return (
    text
      .replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!)
      // eslint-disable-next-line no-control-regex -- these control characters are exactly what XML forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
  );
}

export interface FeedAnswer {
  contentType: string;
  cacheControl: string;
  /** When the newest thing in the body last changed (ISO 8601), for Last-Modified. */
  lastModified?: string;
  /** Request headers the body depends on (e.g. the language). */
  vary?: string;
  contentDisposition?: string;
}

/**
 * The answer to a feed or calendar request: 200 with an ETag (a hash of the body) and Last-Modified,
 * or 304 Not Modified when the client's copy is current (If-None-Match first, as RFC 9110 says).
 */
export function feedResponse(request: Request, body: string, answer: FeedAnswer): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const lastModified =
    answer.lastModified && Number.isFinite(Date.parse(answer.lastModified)) ? new Date(answer.lastModified) : undefined;
  const headers: Record<string, string> = {
    "Content-Type": answer.contentType,
    "Cache-Control": answer.cacheControl,
    ETag: etag,
  };
  if (lastModified) headers["Last-Modified"] = lastModified.toUTCString();
  if (answer.vary) headers.Vary = answer.vary;
  if (answer.contentDisposition) headers["Content-Disposition"] = answer.contentDisposition;
  const conditions = {
    ifNoneMatch: request.headers.get("if-none-match"),
    ifModifiedSince: request.headers.get("if-modified-since"),
  };
  if (isNotModified(conditions, etag, headers["Last-Modified"])) {
    delete headers["Content-Type"];
    delete headers["Content-Disposition"];
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { headers });
}

/**
 * Whether the client's copy is current: If-None-Match names this ETag (weak comparison, as for a
 * GET), or, without If-None-Match, nothing changed since If-Modified-Since (RFC 9110 §13.2.2).
 */
export function isNotModified(
  conditions: { ifNoneMatch?: string | null; ifModifiedSince?: string | null },
  etag: string | undefined,
  lastModified: string | undefined,
): boolean {
  const { ifNoneMatch, ifModifiedSince } = conditions;
  if (ifNoneMatch) {
    if (!etag) return false;
    return (
      ifNoneMatch.trim() === "*" ||
      ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag.replace(/^W\//, ""))
    );
  }
  const since = Date.parse(ifModifiedSince ?? "");
  const modified = Date.parse(lastModified ?? "");
  // HTTP dates have whole seconds.
  return Number.isFinite(since) && Number.isFinite(modified) && Math.floor(modified / 1000) * 1000 <= since;
}

/**
 * Runs a feed or calendar loader so that a refusal thrown by the shared helpers (404 for a
 * private or unknown space, 400…) answers as plain text with its status, as a feed reader expects,
 * instead of Remix's JSON "Unexpected Server Error" for resource routes. Redirects pass through.
 */
export async function plainRefusals(load: () => Promise<Response>): Promise<Response> {
  try {
    return await load();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    const status = refusalStatus(thrown);
    if (status === undefined) throw thrown;
    const message = status === 404 ? "Not found.\n" : status === 403 ? "Forbidden.\n" : "Bad request.\n";
    return new Response(message, {
      status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

function refusalStatus(thrown: unknown): number | undefined {
  if (isRouteErrorResponse(thrown)) return thrown.status < 500 ? thrown.status : undefined;
  // data(…, { status }) thrown by app/utils/http.server.ts
  const init =
    (thrown as { type?: string; init?: { status?: number } } | null)?.type === "DataWithResponseInit"
      ? (thrown as { init?: { status?: number } }).init
      : undefined;
  return init?.status !== undefined && init.status >= 400 && init.status < 500 ? init.status : undefined;
}
