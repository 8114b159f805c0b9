// The HTTP surface of the production server: what any client, not only a browser, gets.
import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { sessionCookieFor } from "./support/session";

const baseUrl = inject("baseUrl");

const signInCookie = (email: string) => sessionCookieFor(baseUrl, email);

describe("the production server", () => {
  it("refuses a POST whose Origin is foreign or missing with 403, and changes nothing", async () => {
    const cookie = await signInCookie("member@demo.test");
    for (const headers of [{ origin: "https://evil.example" }, {} as Record<string, string>]) {
      const res = await fetch(`${baseUrl}/language`, {
        method: "POST",
        redirect: "manual",
        headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
        body: "language=vi&redirectTo=/",
      });
      expect(res.status).toBe(403);
    }
    const home = await fetch(`${baseUrl}/`, { headers: { cookie } });
    expect(await home.text()).toContain('<html lang="en"');
  });

  it("answers 429 with Retry-After when a wrong password is repeated", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = await fetch(`${baseUrl}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "daniel@demo.test", password: `wrong-${i}` }),
      });
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await last!.text()).toContain("Too many attempts to sign in");
  });

  it("sets a session cookie that is HttpOnly, SameSite=Lax and Secure in production", async () => {
    const res = await fetch(`${baseUrl}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "editor@demo.test", password: "demo-password" }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("cop_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
  });

  it("answers /admin with 403 for a member and 200 for an admin", async () => {
    expect((await fetch(`${baseUrl}/admin`, { headers: { cookie: await signInCookie("member@demo.test") } })).status).toBe(403);
    expect((await fetch(`${baseUrl}/admin`, { headers: { cookie: await signInCookie("admin@demo.test") } })).status).toBe(200);
  });

  it("reports health as JSON and sends the security headers", async () => {
    const res = await fetch(`${baseUrl}/health`);
    expect(await res.json()).toEqual({ status: "ok" });
    const page = await fetch(`${baseUrl}/library`);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
  });

  it("sends a Content-Security-Policy whose nonce, fresh per response, is the only way to run inline script", async () => {
    const first = await fetch(`${baseUrl}/library`);
    const csp = first.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const html = await first.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    const second = await fetch(`${baseUrl}/library`);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
  });

  it("serves anonymous pages from the cache until the next write, never to signed-in members", async () => {
    await fetch(`${baseUrl}/groups`); // warm
    const hit = await fetch(`${baseUrl}/groups`);
    expect(hit.headers.get("x-cache")).toBe("hit");
    expect(hit.headers.get("set-cookie")).toBeNull();
    // Another language is another page.
    const french = await fetch(`${baseUrl}/groups`, { headers: { "accept-language": "fr" } });
    expect(await french.text()).toContain('<html lang="fr"');
    // A signed-in member never gets the anonymous page, and their page is never given to others
    // (their own cache: tests/e2e/page-cache.test.ts).
    const cookie = await signInCookie("chair@demo.test");
    const own = await fetch(`${baseUrl}/groups`, { headers: { cookie } });
    expect(own.headers.get("x-cache")).toBe("miss");
    expect(await own.text()).toContain("Pilot programme coordination group");
    const anonymous = await fetch(`${baseUrl}/groups`);
    expect(await anonymous.text()).not.toContain("Pilot programme coordination group");
    // Any successful write invalidates every cached page before its answer leaves.
    await fetch(`${baseUrl}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: baseUrl, cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "language=en&redirectTo=/",
    });
    expect((await fetch(`${baseUrl}/groups`)).headers.get("x-cache")).toBe("miss");
  });

  it("renders not-found inside the site layout, without a stack trace", async () => {
    const res = await fetch(`${baseUrl}/library/does-not-exist`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Page not found");
    expect(html).toContain('class="site-header"');
    expect(html).not.toMatch(/at .*\.js:\d+/);
  });

  it("refuses an oversized request body with 413", async () => {
    const res = await fetch(`${baseUrl}/login`, {
      method: "POST",
      headers: { origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: "email=x&password=" + "a".repeat(3 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
  });

  it("caps bodies per route: a small form refuses 300 KB, a document draft may be larger", async () => {
    const small = await fetch(`${baseUrl}/login`, {
      method: "POST",
      headers: { origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: "email=x&password=" + "a".repeat(300 * 1024),
    });
    expect(small.status).toBe(413);
    expect(await small.text()).toContain("too large");
    const draft = await fetch(`${baseUrl}/documents/pre-deployment-evaluation/edit`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: "body=" + "a".repeat(300 * 1024),
    });
    expect(draft.status).not.toBe(413);
    // The connection that carried an unread body does not stall the next request on it.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          baseUrl + path,
          { method, agent, headers: { origin: baseUrl, "content-type": "application/x-www-form-urlencoded" }, timeout: 10_000 },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          },
        );
        req.on("error", reject);
        req.on("timeout", () => reject(new Error("timed out")));
        req.end(body);
      });
    expect(await send("POST", "/documents/pre-deployment-evaluation/edit", "body=" + "b".repeat(200 * 1024))).toBe(302);
    expect(await send("GET", "/health")).toBe(200);
    agent.destroy();
  });

  it("does not change data on GET /logout", async () => {
    const cookie = await signInCookie("chair@demo.test");
    const res = await fetch(`${baseUrl}/logout`, { headers: { cookie }, redirect: "manual" });
    expect(res.status).toBe(302);
    const settings = await fetch(`${baseUrl}/settings`, { headers: { cookie }, redirect: "manual" });
    expect(settings.status).toBe(200);
  });
});
