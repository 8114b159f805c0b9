// The holes an outside security test found, re-tried over raw HTTP as an attacker would: the page
// cache and sign-in reading cookies differently, the Host header poisoning cached links, open
// redirects, and the client address taken from a header the client writes.
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../setup/paths";
import { rawRequest } from "./support/raw-http";
import { freePort, startServer, type RunningServer } from "./support/server";
import { sessionCookieFor } from "./support/session";

const PRIVATE_GROUP = "Pilot programme coordination group";

let server: RunningServer;
let db: Database.Database;
let chair: string; // the chair's session id (member of the private group)
let member: string; // a member in no group

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMITS: "off", TRUST_PROXY: "1" } });
  db = new Database(server.databaseFile);
  const id = (cookie: string) => /cop_session=([^;]+)/.exec(cookie)![1];
  chair = id(await sessionCookieFor(server.url, "chair@demo.test"));
  member = id(await sessionCookieFor(server.url, "member@demo.test"));
});

afterAll(async () => {
  db?.close();
  await server?.stop();
});

const get = (target: string, cookies: string[] = [], extra: [string, string][] = []) =>
  rawRequest(server.url, target, [...cookies.map((c): [string, string] => ["Cookie", c]), ...extra]);

describe("who a request is: one reading of the Cookie header for the cache and for sign-in", () => {
  const privatePages = [
    "/groups/pilot-coordination",
    "/groups/pilot-coordination/meetings",
    "/groups/pilot-coordination.data",
    "/settings",
    "/settings.data",
  ];

  it("never serves a page rendered with a session cookie spelled another way, and never keeps it for anonymous visitors", async () => {
    const spellings = ["cop%5Fsession", "cop%5fsession", "%63op_session", "COP_SESSION", "Cop_Session"];
    for (const page of privatePages) {
      for (const name of spellings) {
        const poisoned = await get(page, [`${name}=${chair}`]);
        expect(poisoned.body, `${name} on ${page}`).not.toContain(PRIVATE_GROUP);
        expect(poisoned.body, `${name} on ${page}`).not.toContain("chair@demo.test");
        expect(poisoned.header("cache-control"), `${name} on ${page}`).toBe("private, no-store");
        const anonymous = await get(page);
        expect(anonymous.body, `anonymous after ${name} on ${page}`).not.toContain(PRIVATE_GROUP);
        expect(anonymous.body).not.toContain("chair@demo.test");
      }
    }
  });

  it("serves as nobody, and never caches, a request with two session cookies, in any order and in several Cookie headers", async () => {
    const headerSets = [
      [`cop_session=${member}; cop_session=${chair}`],
      [`cop_session=${chair}; cop_session=${member}`],
      [`cop_session=${member}`, `cop_session=${chair}`],
      [`lang=en`, `cop_session=${chair}; x=1`, `cop_session=${member}`],
      [`cop_session=${member}; cop%5Fsession=${chair}`],
    ];
    for (const cookies of headerSets) {
      const mixed = await get("/groups", cookies);
      expect(mixed.body, cookies.join(" | ")).not.toContain(PRIVATE_GROUP);
      expect(mixed.header("x-cache"), cookies.join(" | ")).toBeUndefined();
      expect(mixed.header("cache-control")).toBe("private, no-store");
      // The member's own page (and its cache entry) shows nothing of the chair's.
      const own = await get("/groups", [`cop_session=${member}`]);
      expect(own.body, cookies.join(" | ")).not.toContain(PRIVATE_GROUP);
    }
  });

  it("recognises one session cookie however the pairs are separated, and caches that member's page for them", async () => {
    for (const cookie of [`a=1;cop_session=${member}`, `cop_session=${member};`, `lang=en;cop_session=${member};theme=x`]) {
      const first = await get("/library", [cookie]);
      expect(first.status, cookie).toBe(200);
      expect(first.body, cookie).toContain("Tan Wei Ming");
      const again = await get("/library", [cookie]);
      expect(again.header("x-cache"), cookie).toBe("hit");
    }
    // Split over two Cookie headers, it is still one session.
    const split = await get("/library", ["lang=en", `cop_session=${member}`]);
    expect(split.body).toContain("Tan Wei Ming");
  });

  it("decides on the address routing reads: /t/%2e%2e/settings is the settings page, never cached", async () => {
    for (const target of [
      "/t/%2e%2e/settings",
      "/t/%2E%2E/settings",
      "/t/../settings",
      "/library/%2e%2e/settings",
      "/SETTINGS",
      "/%73ettings",
    ]) {
      const first = await get(target, [`cop_session=${member}`]);
      expect(first.status, target).toBe(200);
      expect(first.body, target).toContain("member@demo.test");
      expect(first.header("cache-control"), target).toBe("private, no-store");
      const again = await get(target, [`cop_session=${member}`]);
      expect(again.header("x-cache"), target).toBeUndefined();
      const anonymous = await get(target);
      expect(anonymous.body, target).not.toContain("member@demo.test");
    }
  });

  it("marks personal pages private and no-store, other signed-in pages private and varying on Cookie", async () => {
    for (const page of ["/settings", "/notifications", "/admin", "/forums/introductions/new"]) {
      const res = await get(page, [`cop_session=${chair}`]);
      expect(res.header("cache-control"), page).toBe("private, no-store");
    }
    const reading = await get("/groups", [`cop_session=${chair}`]);
    expect(reading.header("cache-control")).toBe("private");
    expect(reading.header("vary")).toMatch(/\bCookie\b/i);
    // …also when answered from the member's cache.
    const cached = await get("/groups", [`cop_session=${chair}`]);
    expect(cached.header("x-cache")).toBe("hit");
    expect(cached.header("cache-control")).toBe("private");
    const anonymous = await get("/groups");
    expect(anonymous.header("cache-control") ?? "").not.toMatch(/private/);
  });
});

describe("the Host header", () => {
  it("in production, absolute links always use PUBLIC_ORIGIN, whatever Host a client sends", async () => {
    for (const target of ["/library/feed.xml", "/forums/introductions/feed.xml"]) {
      const evil = await get(target, [], [["Host", "evil.example"]]);
      expect(evil.body, target).not.toContain("evil.example");
      expect(evil.body, target).toContain(server.url);
      const normal = await get(target);
      expect(normal.body, target).not.toContain("evil.example");
    }
  });

  it("refuses to start in production without PUBLIC_ORIGIN, saying what to set", async () => {
    const child = spawn(process.execPath, [path.join(ROOT, "build/index.js")], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PUBLIC_ORIGIN: "",
        PORT: String(await freePort()),
        DATABASE_URL: `file:${server.databaseFile}`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    const stuck = setTimeout(() => child.kill("SIGKILL"), 15_000); // a server that starts would never exit
    const code = await new Promise((resolve) => child.once("exit", resolve));
    clearTimeout(stuck);
    expect(code).toBe(1);
    expect(output).toMatch(/Set PUBLIC_ORIGIN/);
    expect(output.trim().split("\n")).toHaveLength(1);
  });

  it("without PUBLIC_ORIGIN (development), pages cached for one host are never served for another; X-Cache is not sent", async () => {
    const dev = await startServer({ env: { NODE_ENV: "development", PUBLIC_ORIGIN: "", PAGE_CACHE_DEBUG: "" } });
    try {
      for (const target of ["/library/feed.xml", "/library/feed.xml"]) {
        const evil = await rawRequest(dev.url, target, [["Host", "evil.example"]]);
        expect(evil.status).toBe(200);
        const normal = await rawRequest(dev.url, target, []);
        expect(normal.body).not.toContain("evil.example");
        expect(normal.header("x-cache")).toBeUndefined();
      }
    } finally {
      await dev.stop();
    }
  });

  it("never takes a request target such as //evil.example/x for another host", async () => {
    const res = await get("//evil.example/library");
    expect((await get("http://evil.example/library")).status).toBe(400);
    expect([400, 404]).toContain(res.status);
    // The address may be echoed as text or a (checked) redirectTo, never as a link to that host.
    expect(res.body).not.toMatch(/(href|src|action)="(https?:)?\/\/evil\.example/);
  });
});

describe("redirects to addresses from outside", () => {
  const bypasses = [
    "/./\\evil.com",
    "/a/../\\evil.com",
    "/%2E/\\evil.com",
    "/.//evil.com",
    "//evil.com",
    "/\\evil.com",
    "/%2e%2e/%5cevil.com",
    "/\t/evil.com",
    "https://evil.com",
  ];
  const landsOnSite = (location: string | undefined) => {
    expect(location).toBeDefined();
    expect(new URL(location!, `${server.url}/login`).origin).toBe(server.url);
    expect(location!.startsWith("//") || location!.startsWith("/\\")).toBe(false);
  };

  it("keeps a signed-in member on the site from /login?redirectTo=…", async () => {
    for (const target of bypasses) {
      const res = await get(`/login?redirectTo=${encodeURIComponent(target)}`, [`cop_session=${member}`]);
      expect(res.status, target).toBeGreaterThanOrEqual(300);
      expect(res.status, target).toBeLessThan(400);
      landsOnSite(res.header("location"));
    }
    // The raw query, exactly as the outside test sent it.
    for (const raw of [
      "/login?redirectTo=/./%5Cevil.com",
      "/login?redirectTo=/a/../%5Cevil.com",
      "/login?redirectTo=/%2E/%5Cevil.com",
    ]) {
      const res = await get(raw, [`cop_session=${member}`]);
      landsOnSite(res.header("location"));
    }
  });

  it("keeps a member on the site right after signing in", async () => {
    for (const target of bypasses) {
      const res = await rawRequest(
        server.url,
        "/login",
        [
          ["Origin", server.url],
          ["Content-Type", "application/x-www-form-urlencoded"],
        ],
        "POST",
        new URLSearchParams({ email: "member@demo.test", password: "demo-password", redirectTo: target }).toString(),
      );
      expect(res.status, target).toBe(302);
      landsOnSite(res.header("location"));
    }
  });

  it("keeps the watch button's return address on the site", async () => {
    for (const target of bypasses) {
      const res = await rawRequest(
        server.url,
        "/groups/risk-management/watch",
        [
          ["Origin", server.url],
          ["Content-Type", "application/x-www-form-urlencoded"],
          ["Cookie", `cop_session=${member}`],
        ],
        "POST",
        new URLSearchParams({ intent: "watch", redirectTo: target }).toString(),
      );
      expect([302, 303], target).toContain(res.status);
      landsOnSite(res.header("location"));
    }
  });

  it("answers a target in any script with a redirect, not a 500", async () => {
    const res = await get(`/login?redirectTo=${encodeURIComponent("/tài-liệu?q=điều chỉnh")}`, [`cop_session=${member}`]);
    expect(res.status).toBe(302);
    expect(decodeURIComponent(res.header("location")!)).toBe("/tài-liệu?q=điều chỉnh");
  });
});

describe("the client address behind a proxy (TRUST_PROXY=1)", () => {
  it("is the address the proxy appended, not the one the client wrote", async () => {
    const res = await rawRequest(
      server.url,
      "/login",
      [
        ["Origin", server.url],
        ["Content-Type", "application/x-www-form-urlencoded"],
        ["X-Forwarded-For", "6.6.6.6, 198.51.100.7"],
      ],
      "POST",
      new URLSearchParams({ email: "industry@demo.test", password: "demo-password" }).toString(),
    );
    expect(res.status).toBe(302);
    const session = /cop_session=([^;]+)/.exec(res.header("set-cookie")!)![1];
    const row = db.prepare("select ip_address from session where id = ?").get(session) as { ip_address: string };
    expect(row.ip_address).toBe("198.51.100.7");
  });
});
