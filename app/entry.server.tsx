import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor } from "./utils/i18n.server";
import { NonceProvider } from "./utils/nonce";
import { DEFAULT_LANGUAGE, isLanguage } from "./utils/i18n";

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext?.cspNonce === "string" ? loadContext.cspNonce : "";
  const rootData = remixContext.staticHandlerContext.loaderData?.root as { language?: unknown } | undefined;
  const language = isLanguage(rootData?.language) ? rootData.language : DEFAULT_LANGUAGE;
  // Crawlers and scripts get the whole page at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    let settled = false;
    let abortTimer: ReturnType<typeof setTimeout> | undefined;
    // The timer holds the whole render (and with it the page) until it fires: it must go as soon
    // as nothing is left to abort, or every page stays in memory for six seconds after it was sent.
    const done = () => {
      settled = true;
      clearTimeout(abortTimer);
    };
    const start = () => {
      shellRendered = true;
      const body = new PassThrough();
      const stream = createReadableStreamFromReadable(body);
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18nFor(language)}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          if (!waitForAll) start();
        },
        onAllReady() {
          done();
          if (waitForAll) start();
        },
        onShellError(error: unknown) {
          done();
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Once streaming began the status is sent: the server learns of the failure this way.
          if (loadContext?.render) loadContext.render.failed = true;
          if (shellRendered) console.error(error);
        },
      },
    );
    if (!settled) abortTimer = setTimeout(abort, streamTimeout + 1000);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // A 4xx thrown on purpose (not found, forbidden, bad input) is an answer, not a server error.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error);
}
