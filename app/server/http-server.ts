// One server process: the page cache and bench metrics switched on, the node:http server with its
// timeouts, bodies drained after early answers, 413/500 for what escapes a request, and a clean stop.
import cluster from "node:cluster";
import { once } from "node:events";
import http from "node:http";
import type { RequestHandler } from "@remix-run/node";
import { closeDatabase } from "~/utils/db.server";
import { port } from "~/utils/env.server";
import { BodyTooLarge, limitBody, maxBodyBytes, plainResponse, requestTarget } from "./adapter";
import { enableBenchMetrics } from "./bench-metrics";
import { createRequestListener } from "./handle-request";
import { enablePageCache } from "./page-cache-layer";

export async function serve(handleRequest: RequestHandler) {
  const started = performance.now();
  enablePageCache();
  if (process.env.COP_BENCH === "1") enableBenchMetrics();
  const onRequest = createRequestListener(handleRequest);
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
