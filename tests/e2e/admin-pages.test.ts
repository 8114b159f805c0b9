// The administration as an administrator reading French or Vietnamese sees it: the audit log in
// their language (actions, subjects and details named, no raw codes or JSON), and application cards
// that name the applicant once and weigh approving and rejecting equally.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./support/server";
import { sessionCookieFor } from "./support/session";

let server: RunningServer;
let admin: string;

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMITS: "off" } });
  admin = await sessionCookieFor(server.url, "admin@demo.test");
});

afterAll(async () => {
  await server?.stop();
});

const page = async (path: string) => {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: admin } });
  expect(res.status, path).toBe(200);
  return res.text();
};

const post = (path: string, fields: Record<string, string>) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: admin, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });

/** The audit table itself (the page's data script holds JSON of its own). */
const auditTable = (html: string) => /<table class="data-table">[\s\S]*?<\/table>/.exec(html)![0];

const useLanguage = async (language: string) =>
  expect((await post("/language", { language, redirectTo: "/admin" })).status).toBe(302);

describe("the administration in the administrator's language", () => {
  it("names each application's applicant once, with approve and reject of equal weight", async () => {
    const html = await page("/admin");
    const card = /<li[^>]*class="panel application"[\s\S]*?<\/li>/.exec(html)![0];
    expect(card.match(/Rahul Mehta/g)).toHaveLength(1);
    const buttons = [
      ...card.matchAll(
        /<button[^>]*class="([^"]*)"[^>]*value="(approve|reject)"|<button[^>]*value="(approve|reject)"[^>]*class="([^"]*)"/g,
      ),
    ].map((m) => m[1] ?? m[4]);
    expect(buttons).toHaveLength(2);
    expect(buttons[0]).toBe(buttons[1]);
  });

  it("shows the audit log with actions, subjects and details in Vietnamese and French, not codes and JSON", async () => {
    // An event with details: a category created (its fields) by the administrator.
    const created = await post("/admin/categories", {
      intent: "create",
      name: "Hồ sơ thử nghiệm",
      slug: "ho-so-thu-nghiem",
      description: "",
      visibility: "members",
      position: "9",
    });
    expect([200, 302, 303]).toContain(created.status);
    try {
      await useLanguage("vi");
      const vi = auditTable(await page("/admin/audit"));
      expect(vi).toContain("đã tạo một chuyên mục diễn đàn");
      expect(vi).toMatch(/Chuyên mục(<!-- -->)? #/);
      // The new category's fields, named and with their values named: no codes.
      expect(vi).toMatch(/<dt>sau<\/dt><dd>[^<]*phạm vi hiển thị: Chỉ dành cho thành viên[^<]*<\/dd>/);
      expect(vi).not.toMatch(/\{&quot;|\{"[a-zA-Z]+":/);
      await useLanguage("fr");
      const fr = auditTable(await page("/admin/audit"));
      expect(fr).toContain("a créé une catégorie du forum");
      expect(fr).toMatch(/Catégorie(<!-- -->)? #/);
      expect(fr).not.toMatch(/\{&quot;|\{"[a-zA-Z]+":/);
    } finally {
      await useLanguage("en");
    }
  });
});

describe("the service status page", () => {
  it("is a page in the site's layout, linked from the footer, with the machine-readable /health beside it", async () => {
    const home = await (await fetch(`${server.url}/`)).text();
    expect(home).toMatch(/<a[^>]*href="\/status"[^>]*>Service status<\/a>/);
    const res = await fetch(`${server.url}/status`, { headers: { "accept-language": "vi" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("Cổng thông tin đang hoạt động");
    expect(html).toContain('href="/health"');
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: "ok" });
  });
});
