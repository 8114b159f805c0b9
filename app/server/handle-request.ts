// One request, from the socket to the answer: static files, the page cache, the body cap, the
// Origin check, a render slot, Remix, and the cache and caching headers of what was rendered.
import type http from "node:http";
import type { RequestHandler } from "@remix-run/node";
import { forgetRequest, renderedFor } from "~/utils/auth.server";
import { originAllowed } from "~/utils/origin.server";
import type { CachedPage } from "~/utils/page-cache.server";
import { renderConcurrency, RenderSlots } from "~/utils/render-slots.server";
import { freshNonce, maxBodyBytes, plainResponse, requestTarget, sendResponse, toRequest } from "./adapter";
import { serveBenchMetrics } from "./bench-metrics";
import {
  identityOf,
  invalidatePages,
  keepPage,
  lookUpPage,
  NONCE_MARKER,
  personalCacheHeaders,
  sendPage,
} from "./page-cache-layer";
import { serveStatic } from "./static-files";

let requestSequence = 0;

const renderSlots = new RenderSlots(renderConcurrency());

/** The request listener of the HTTP server around Remix's request handler. */
export function createRequestListener(handleRequest: RequestHandler) {
  return async function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
    const rawPath = (req.url ?? "/").split("?")[0];
    if (serveStatic(req, res, rawPath)) return;
    if (serveBenchMetrics(req, res, rawPath)) return;

    const target = requestTarget(req);
    if (!target) return plainResponse(res, 400, "Malformed request.\n");
    const { slot, version, cached } = lookUpPage(req, target);
    if (cached) return sendPage(req, res, cached, "hit");

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
    const cspNonce = slot ? NONCE_MARKER : freshNonce();
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
      if (isWrite && response.status < 400) await invalidatePages();
      const renderedForWhom = identityOf(await renderedFor(requestId));
      cacheHeaders = personalCacheHeaders(renderedForWhom, target.pathname, response.headers);
      if (slot) ({ page, response } = await keepPage(slot, version, renderedForWhom, response, cacheHeaders, render));
    } finally {
      renderSlots.release();
    }
    if (page) return sendPage(req, res, page, "miss");

    if (cspNonce === NONCE_MARKER) {
      // Rendered for the cache but not kept after all: still swap the marker for this response's nonce.
      return sendResponse(req, res, response, { nonce: freshNonce(), placeholder: NONCE_MARKER, extra: cacheHeaders });
    }
    return sendResponse(req, res, response, { nonce: cspNonce, extra: cacheHeaders });
  };
}
