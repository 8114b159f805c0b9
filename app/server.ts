// The production server, compiled with the app into build/index.js by remix.config.js: a lean
// node:http server around the Remix request handler. Its parts live in app/server/: start-up and
// the cluster (cluster.ts), one process's HTTP server (http-server.ts), a request's way through
// (handle-request.ts), node:http ↔ Fetch (adapter.ts), public/ (static-files.ts), the page cache
// (page-cache-layer.ts) and the benchmark's metrics (bench-metrics.ts).
import { createRequestHandler } from "@remix-run/node";
import * as build from "@remix-run/dev/server-build";
import { start } from "./server/cluster";
import { serve } from "./server/http-server";

// The build is always a production build (error details never reach visitors), whatever NODE_ENV says.
const handleRequest = createRequestHandler(build, build.mode);

start(() => serve(handleRequest)).catch((error) => {
  console.error(error);
  process.exit(1);
});
