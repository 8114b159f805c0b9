// `npm run bench`: serves the large generated community (npm run seed:large) with the production
// build on loopback and measures each key route with autocannon, as an anonymous visitor and as a
// signed-in member, next to a plain node:http server sending the same bytes. Writes
// tests/bench/results/latest.json and latest.md. A benchmark, not a test: it asserts nothing.
import { fork, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { BENCH_EMAIL, BENCH_PASSWORD } from "../../scripts/bench-account";
import { ROOT } from "../setup/paths";
import { freePort } from "../e2e/support/server";

const { values: args } = parseArgs({
  options: {
    database: { type: "string", default: "data/large.sqlite" },
    duration: { type: "string", default: "8" },
    connections: { type: "string", default: "50" },
    workers: { type: "string", default: "2" },
    only: { type: "string" },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const DATABASE = path.resolve(ROOT, args.database!);

interface Scenario {
  name: string;
  path: string;
  method?: "GET" | "POST";
  as: "anonymous" | "member";
  /** A body factory for write scenarios (each request gets a fresh body). */
  body?: () => string;
  /** Addresses taken in turn, one per request, so that no two requests ask for the same page. */
  paths?: string[];
  ceiling?: boolean;
}

interface Result {
  name: string;
  as: string;
  path: string;
  status: number;
  bytes: number;
  requestsPerSec: number;
  latency: { p50: number; p95: number; p99: number; max: number };
  errors: number;
  non2xx: number;
  ceilingRequestsPerSec?: number;
  ratio?: number;
  eventLoopDelayMaxMs?: number;
}

function log(message: string) {
  process.stdout.write(`${message}\n`);
}

async function waitFor(url: string, deadlineMs = 60_000) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function discover(db: Database.Database) {
  const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T | undefined;
  const bigTopic = one<{ id: number; slug: string; post_count: number }>(
    "select id, slug, post_count from topic where deleted_at is null order by post_count desc limit 1",
  );
  const busyCategory = one<{ slug: string }>(
    "select slug from category where visibility = 'public' and archived_at is null order by topic_count desc limit 1",
  );
  const longDoc = one<{ slug: string; id: number }>(
    `select d.slug, d.id from document d join working_group g on g.id = d.group_id
     where g.visibility != 'private' and exists (select 1 from published_version v where v.document_id = d.id)
     order by (select length(body_html) from published_version v where v.document_id = d.id order by major desc, minor desc limit 1) desc limit 1`,
  );
  const revisions = longDoc
    ? (db.prepare("select id from revision where document_id = ? order by id").all(longDoc.id) as Array<{ id: number }>)
    : [];
  const replyTopics = db
    .prepare(
      "select t.id from topic t join category c on c.id = t.category_id where c.visibility = 'public' and t.locked = 0 and t.deleted_at is null order by t.id limit 200",
    )
    .all() as Array<{ id: number }>;
  const manyTopics = db
    .prepare(
      "select t.id, t.slug from topic t join category c on c.id = t.category_id where c.visibility = 'public' and t.deleted_at is null order by t.id limit 5000",
    )
    .all() as Array<{ id: number; slug: string }>;
  return { bigTopic, busyCategory, longDoc, revisions, replyTopics, manyTopics };
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie.includes("cop_session="))
    throw new Error(`The bench account could not sign in (status ${res.status}). Was the database made by npm run seed:large?`);
  return cookie;
}

function findLink(html: string, pattern: RegExp): string | undefined {
  const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
  return links.filter((link) => pattern.test(link)).pop();
}

async function run(url: string, scenario: Scenario, cookie: string | undefined, connections = CONNECTIONS, duration = DURATION) {
  const headers: Record<string, string> = { "accept-language": "en" };
  if (cookie) headers.cookie = cookie;
  const base = new URL(url).origin;
  let next = 0;
  const rotating = scenario.paths;
  const requests = rotating
    ? [
        {
          method: "GET" as const,
          setupRequest: (req: autocannon.Request) => ({ ...req, path: rotating[next++ % rotating.length] }),
        },
      ]
    : scenario.method === "POST"
      ? [
          {
            method: "POST" as const,
            setupRequest: (req: autocannon.Request) => ({
              ...req,
              body: scenario.body!(),
              headers: { ...headers, origin: base, "content-type": "application/x-www-form-urlencoded" },
            }),
          },
        ]
      : undefined;
  return autocannon({ url, connections, duration, headers, requests, method: scenario.method ?? "GET" });
}

function processTreeMemory(rootPid: number): number {
  let total = 0;
  const pids = [rootPid];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === rootPid) pids.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  for (const pid of pids) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      total = Math.max(total, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      /* gone */
    }
  }
  return total;
}

async function eventLoopDelay(base: string, workers: number): Promise<number> {
  const seen = new Map<number, number>();
  for (let i = 0; i < workers * 8 && seen.size < workers; i++) {
    const metrics = (await (await fetch(`${base}/__bench/metrics`)).json()) as { pid: number; eventLoopDelayMaxMs: number };
    seen.set(metrics.pid, metrics.eventLoopDelayMaxMs);
  }
  return Math.max(...seen.values());
}

async function resetEventLoopDelay(base: string, workers: number) {
  for (let i = 0; i < workers * 8; i++) await fetch(`${base}/__bench/reset`);
}

async function main() {
  if (!fs.existsSync(DATABASE)) {
    console.error(`No large database at ${DATABASE}. Make one first: npm run seed:large -- --scale 1`);
    process.exit(1);
  }
  if (!fs.existsSync(path.join(ROOT, "build/index.js"))) {
    console.error("No production build: run npm run build first (npm run bench does).");
    process.exit(1);
  }
  const workers = Number(args.workers);
  const db = new Database(DATABASE, { readonly: true });
  const found = discover(db);
  db.close();

  // Cold start: from spawning the server to its first served page.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const server: ChildProcess = spawn(process.execPath, [path.join(ROOT, "build/index.js")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_ORIGIN: base,
      DATABASE_URL: `file:${DATABASE}`,
      SEED_DEMO: "0",
      COP_BENCH: "1",
      WEB_CONCURRENCY: String(workers),
      RATE_LIMITS: "off",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitFor(`${base}/`);
  const coldStartMs = performance.now() - started;
  log(`Server up in ${Math.round(coldStartMs)} ms (${workers} worker${workers > 1 ? "s" : ""}).`);

  const ceilingPort = await freePort();
  const ceiling = fork(path.join(ROOT, "tests/bench/plain-server.ts"), [], {
    env: { ...process.env, PORT: String(ceilingPort) },
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve) => ceiling.once("message", () => resolve()));

  const cookie = await signIn(base);
  const scenarios: Scenario[] = [];
  const add = (s: Scenario) => scenarios.push(s);
  for (const as of ["anonymous", "member"] as const) {
    add({ name: "home", path: "/", as, ceiling: true });
    if (found.busyCategory) {
      add({ name: "category", path: `/forums/${found.busyCategory.slug}`, as, ceiling: true });
    }
    if (found.bigTopic)
      add({
        name: `topic (${found.bigTopic.post_count} posts), first page`,
        path: `/t/${found.bigTopic.id}/${found.bigTopic.slug}`,
        as,
        ceiling: true,
      });
    if (found.longDoc) add({ name: "library document", path: `/library/${found.longDoc.slug}`, as, ceiling: true });
  }
  // Deep pages are found by following the pages' own links.
  if (found.busyCategory) {
    let page = `/forums/${found.busyCategory.slug}`;
    for (let i = 0; i < 20; i++) {
      const html = await (await fetch(base + page)).text();
      const next = findLink(html, new RegExp(`^/forums/${found.busyCategory.slug}\\?.*(after|cursor|before|page)`));
      if (!next || next === page) break;
      page = next;
    }
    add({ name: "category, 20 pages deep", path: page, as: "anonymous", ceiling: true });
    add({ name: "category, 20 pages deep", path: page, as: "member", ceiling: true });
  }
  if (found.bigTopic) {
    const html = await (await fetch(`${base}/t/${found.bigTopic.id}/${found.bigTopic.slug}`, { headers: { cookie } })).text();
    const last = findLink(html, new RegExp(`^/t/${found.bigTopic.id}(/[^?#]*)?\\?(.*&)?page=\\d+`));
    const lastPath = last ?? `/t/${found.bigTopic.id}/${found.bigTopic.slug}?page=${Math.ceil(found.bigTopic.post_count / 20)}`;
    add({ name: "topic, last page", path: lastPath, as: "anonymous", ceiling: true });
    add({ name: "topic, last page", path: lastPath, as: "member", ceiling: true });
  }
  if (found.longDoc && found.revisions.length > 1) {
    const from = found.revisions[0].id;
    const to = found.revisions[found.revisions.length - 1].id;
    add({
      name: "compare far-apart revisions (100 KiB)",
      path: `/documents/${found.longDoc.slug}/compare?from=${from}&to=${to}`,
      as: "member",
      ceiling: true,
    });
  }
  for (const [label, q] of [
    ["search: rare word", "pharmacovigilance"],
    ["search: common word", "monitoring"],
    ["search: very common word", "the"],
    ["search: phrase", '"risk management"'],
    ["search: two words", "quarterly report"],
  ] as const) {
    add({ name: label, path: `/search?q=${encodeURIComponent(q)}`, as: "member" });
  }
  add({ name: "search: prefix (suggest)", path: "/search/suggest?q=monit", as: "member" });
  // The same measures where no request can be answered from the page cache: every request asks for
  // another page (a different topic, a different query), so each one is rendered.
  if (found.manyTopics.length) {
    const paths = found.manyTopics.map((t) => `/t/${t.id}/${t.slug}?page=1`);
    add({ name: "topic, a different one each request (uncached)", path: paths[0], paths, as: "anonymous" });
    add({ name: "topic, a different one each request (uncached)", path: paths[0], paths, as: "member" });
  }
  const words = [
    "monitoring",
    "validation",
    "calibration",
    "subgroup",
    "scanner",
    "override",
    "sensitivity",
    "specificity",
    "quarterly",
    "report",
    "hospital",
    "pilot",
    "deployment",
    "risk",
    "drift",
    "alert",
    "fatigue",
    "patients",
    "servers",
    "indicators",
    "change",
    "control",
    "plan",
    "evidence",
    "clinicians",
    "model",
    "dataset",
    "performance",
    "age",
    "surveillance",
    "données",
    "dérive",
    "hôpital",
    "bệnh",
    "viện",
    "giám",
    "sát",
    "rủi",
    "đánh",
    "giá",
  ];
  const queries = words.flatMap((a, i) =>
    words.filter((_, j) => j !== i).map((b) => `/search?q=${encodeURIComponent(`${a} ${b}`)}`),
  );
  add({ name: "search: a different two-word query each request (uncached)", path: queries[0], paths: queries, as: "member" });
  if (found.replyTopics.length) {
    let n = 0;
    const topics = found.replyTopics;
    add({
      name: "post a reply",
      path: `/t/${topics[0].id}`,
      method: "POST",
      as: "member",
      body: () => {
        n += 1;
        return new URLSearchParams({
          intent: "reply",
          body: `Benchmark reply ${n}: the quarterly KPI report is attached.`,
        }).toString();
      },
    });
  }

  const selected = args.only ? scenarios.filter((s) => s.name.includes(args.only!)) : scenarios;
  const results: Result[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cop-bench-"));
  let topicJsGzip = 0;
  for (const scenario of selected) {
    const who = scenario.as === "member" ? cookie : undefined;
    let url = base + scenario.path;
    if (scenario.method !== "POST") {
      // Measure the page a browser ends up on (e.g. a returning member lands on the first unread post).
      const first = await fetch(url, {
        redirect: "manual",
        headers: { "accept-language": "en", ...(who ? { cookie: who } : {}) },
      });
      const location = first.headers.get("location");
      if (first.status >= 300 && first.status < 400 && location) url = new URL(location, url).href.split("#")[0];
    }
    const probe = await fetch(url, {
      method: scenario.method ?? "GET",
      redirect: "manual",
      headers: {
        "accept-language": "en",
        ...(who ? { cookie: who } : {}),
        ...(scenario.method === "POST" ? { origin: base, "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: scenario.body?.(),
    });
    const bytes = Buffer.from(await probe.arrayBuffer());
    if (scenario.name.startsWith("topic (") && scenario.as === "anonymous")
      topicJsGzip = await shippedJs(base, bytes.toString("utf8"));
    await resetEventLoopDelay(base, workers);
    const measured = await run(url, scenario, who);
    const loopDelay = await eventLoopDelay(base, workers);
    const result: Result = {
      name: scenario.name,
      as: scenario.as,
      path: url.slice(base.length),
      status: probe.status,
      bytes: bytes.length,
      requestsPerSec: Math.round(measured.requests.average),
      latency: {
        p50: measured.latency.p50,
        p95: measured.latency.p97_5 ?? measured.latency.p90,
        p99: measured.latency.p99,
        max: measured.latency.max,
      },
      errors: measured.errors + measured.timeouts,
      // A redirect is the success answer of a form post (Post/Redirect/Get).
      non2xx: scenario.method === "POST" ? failedPosts(measured) : measured.non2xx,
      eventLoopDelayMaxMs: Math.round(loopDelay * 10) / 10,
    };
    if (scenario.ceiling && probe.status === 200) {
      const file = path.join(tmp, `${results.length}.html`);
      fs.writeFileSync(file, bytes);
      const ceilingPath = `/page-${results.length}`;
      ceiling.send({ path: ceilingPath, file, contentType: probe.headers.get("content-type") ?? "text/html" });
      await new Promise<void>((resolve) => ceiling.once("message", () => resolve()));
      const plain = await autocannon({
        url: `http://127.0.0.1:${ceilingPort}${ceilingPath}`,
        connections: CONNECTIONS,
        duration: DURATION,
      });
      result.ceilingRequestsPerSec = Math.round(plain.requests.average);
      result.ratio = Math.round((result.requestsPerSec / result.ceilingRequestsPerSec) * 1000) / 10;
    }
    results.push(result);
    log(
      `${scenario.as.padEnd(9)} ${scenario.name.padEnd(40)} ${String(result.requestsPerSec).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  status ${probe.status}` +
        (result.ratio !== undefined ? `  ${result.ratio}% of plain node:http (${result.ceilingRequestsPerSec}/s)` : "") +
        (result.non2xx ? `  non-2xx ${result.non2xx}` : ""),
    );
  }
  const peakMemoryBytes = processTreeMemory(server.pid!);
  server.kill("SIGTERM");
  ceiling.kill("SIGTERM");

  const summary = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    settings: { durationSeconds: DURATION, connections: CONNECTIONS, workers, database: path.relative(ROOT, DATABASE) },
    coldStartMs: Math.round(coldStartMs),
    peakServerMemoryMB: Math.round(peakMemoryBytes / 2 ** 20),
    topicPageJsGzipKB: Math.round(topicJsGzip / 102.4) / 10,
    results,
  };
  const dir = path.join(ROOT, "tests/bench/results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "latest.json"), JSON.stringify(summary, null, 2) + "\n");
  fs.writeFileSync(path.join(dir, "latest.md"), table(summary));
  log("\n" + table(summary));
  process.exit(0);
}

function failedPosts(result: autocannon.Result): number {
  const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  return Object.entries(stats)
    .filter(([code]) => Number(code) >= 400)
    .reduce((sum, [, value]) => sum + value.count, 0);
}

async function shippedJs(base: string, html: string): Promise<number> {
  const scripts = new Set([...html.matchAll(/(?:src|href)="(\/build\/[^"]+\.js)"/g)].map((m) => m[1]));
  let total = 0;
  for (const src of scripts) total += gzipSync(Buffer.from(await (await fetch(base + src)).arrayBuffer())).length;
  return total;
}

function table(summary: {
  measuredAt: string;
  machine: { cpus: number; model?: string; node: string };
  settings: { durationSeconds: number; connections: number; workers: number };
  coldStartMs: number;
  peakServerMemoryMB: number;
  topicPageJsGzipKB: number;
  results: Result[];
}) {
  const lines = [
    `Measured ${summary.measuredAt} on ${summary.machine.cpus} cores (${summary.machine.model ?? "?"}), Node ${summary.machine.node}; ` +
      `${summary.settings.connections} connections, ${summary.settings.durationSeconds} s per route, ${summary.settings.workers} server processes, load generator on the same machine.`,
    "",
    "| route | as | req/s | p50 ms | p95 ms | p99 ms | max event-loop delay ms | errors / non-2xx | % of plain node:http (its req/s) |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ...summary.results.map(
      (r) =>
        `| ${r.name} | ${r.as} | ${r.requestsPerSec} | ${r.latency.p50} | ${r.latency.p95} | ${r.latency.p99} | ${r.eventLoopDelayMaxMs ?? ""} | ${r.errors} / ${r.non2xx} | ${r.ratio !== undefined ? `${r.ratio}% (${r.ceilingRequestsPerSec})` : ""} |`,
    ),
    "",
    `Cold start to first page: ${summary.coldStartMs} ms. Peak server memory (largest process): ${summary.peakServerMemoryMB} MB. JavaScript shipped to a topic page: ${summary.topicPageJsGzipKB} KB gzipped.`,
    "",
  ];
  return lines.join("\n");
}

await main();
