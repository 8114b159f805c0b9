// With COP_BENCH=1 the benchmark (tests/bench/run.ts) reads this process's event-loop delay and
// memory at /__bench/… (and resets the delay histogram at /__bench/reset).
import fs from "node:fs";
import type http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";

let benchMetrics: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | undefined;

export function enableBenchMetrics() {
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

/** Answers /__bench/… when the metrics are on and returns true; false (nothing sent) otherwise. */
export function serveBenchMetrics(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean {
  if (!benchMetrics || !pathname.startsWith("/__bench/")) return false;
  benchMetrics(req, res);
  return true;
}
