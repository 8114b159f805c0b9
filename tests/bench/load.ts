// `npm run bench:load`: a mixed read/write load against the production server on loopback, for a
// bounded time (default 30 s at 40 connections): anonymous and signed-in page views, searches,
// replies, votes and document saves. Reports requests, errors by status and latency percentiles.
// The target is zero 5xx and zero failed writes. A benchmark, not a test.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { ROOT } from "../setup/paths";
import { startServer } from "../e2e/support/server";
import { sessionCookieFor } from "../e2e/support/session";

const { values: args } = parseArgs({
  options: { duration: { type: "string", default: "30" }, connections: { type: "string", default: "40" } },
});

const server = await startServer({ env: { RATE_LIMITS: "off", WEB_CONCURRENCY: "2" } });
const base = server.url;

/** Signed in as a person would be, through the second step for accounts that have one (the chair). */
async function signIn(email: string) {
  const cookie = await sessionCookieFor(base, email);
  if (!cookie.startsWith("cop_session="))
    throw new Error(`Could not sign in as ${email}: the load would measure redirects to the sign-in page.`);
  return cookie;
}

const member = await signIn("member@demo.test");
const chair = await signIn("chair@demo.test");
const topicPage = await (await fetch(`${base}/forums/introductions`)).text();
const topicPath = /href="(\/t\/\d+\/[^"#?]+)"/.exec(topicPage)![1];
const topicId = /\/t\/(\d+)/.exec(topicPath)![1];
let n = 0;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (cookie: string) => ({ origin: base, cookie, "content-type": "application/x-www-form-urlencoded" });

const requests: autocannon.Request[] = [
  { method: "GET", path: "/" },
  { method: "GET", path: "/library/pre-deployment-evaluation" },
  { method: "GET", path: topicPath, headers: { cookie: member } },
  { method: "GET", path: "/forums/introductions", headers: { cookie: member } },
  { method: "GET", path: "/search?q=evaluation+monitoring", headers: { cookie: member } },
  {
    method: "POST",
    path: `/t/${topicId}`,
    setupRequest: (req) => ({ ...req, headers: post(member), body: form({ intent: "reply", body: `Load reply ${++n}` }) }),
  },
  { method: "GET", path: "/groups/evaluation-procedures/decisions", headers: { cookie: chair } },
  { method: "GET", path: "/documents/pre-deployment-evaluation/history", headers: { cookie: chair } },
];

const started = Date.now();
const result = await autocannon({ url: base, connections: Number(args.connections), duration: Number(args.duration), requests });
const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
const serverErrors = Object.entries(stats)
  .filter(([code]) => Number(code) >= 500)
  .reduce((sum, [, v]) => sum + v.count, 0);

// Every reply acknowledged must be in the database.
const Database = (await import("better-sqlite3")).default;
const db = new Database(server.databaseFile, { readonly: true });
const stored = (db.prepare("select count(*) as n from post where body_md like 'Load reply %'").get() as { n: number }).n;
db.close();
await server.stop();

const summary = {
  measuredAt: new Date(started).toISOString(),
  durationSeconds: Number(args.duration),
  connections: Number(args.connections),
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  byStatus: Object.fromEntries(Object.entries(stats).map(([code, v]) => [code, v.count])),
  errors: result.errors + result.timeouts,
  serverErrors,
  latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  // A reply still in flight when the run stops may be stored without its answer being counted.
  repliesAcknowledged: stats["302"]?.count ?? 0,
  repliesStored: stored,
};
const dir = path.join(ROOT, "tests/bench/results");
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "load.json"), JSON.stringify(summary, null, 2) + "\n");
console.log(JSON.stringify(summary, null, 2));
const lost = summary.repliesAcknowledged - stored;
if (lost > 0) console.error(`${lost} acknowledged replies are missing from the database.`);
process.exit(serverErrors === 0 && summary.errors === 0 && lost <= 0 ? 0 : 1);
