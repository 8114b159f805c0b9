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

const useLanguage = async (language: string) => expect((await post("/language", { language, redirectTo: "/admin" })).status).toBe(302);

describe("the administration in the administrator's language", () => {
  it("names each application's applicant once, with approve and reject of equal weight", async () => {
    const html = await page("/admin");
    const card = /<li[^>]*class="panel application"[\s\S]*?<\/li>/.exec(html)![0];
    expect(card.match(/Rahul Mehta/g)).toHaveLength(1);
    const buttons = [...card.matchAll(/<button[^>]*class="([^"]*)"[^>]*value="(approve|reject)"|<button[^>]*value="(approve|reject)"[^>]*class="([^"]*)"/g)].map((m) => m[1] ?? m[4]);
    expect(buttons).toHaveLength(2);
    expect(buttons[0]).toBe(buttons[1]);
  });

  it("shows the audit log with actions, subjects and details in Vietnamese and French, not codes and JSON", async () => {
    // An event with details: a category created (its fields) by the administrator.
    const created = await post("/admin/categories", { intent: "create", name: "Hồ sơ thử nghiệm", slug: "ho-so-thu-nghiem", description: "", visibility: "members", position: "9" });
    expect([200, 302, 303]).toContain(created.status);
    try {
      await useLanguage("vi");
      const vi = await page("/admin/audit");
      expect(vi).toContain("đã phê duyệt một đơn đăng ký");
      expect(vi).toContain("Chuyên mục #");
      expect(vi).toMatch(/<dt>phạm vi hiển thị<\/dt><dd>(?:—|Chỉ thành viên|[^<]*) → [^<]*<\/dd>|<dt>sau<\/dt>|<dt>phạm vi hiển thị<\/dt>/);
      expect(vi).not.toMatch(/\{&quot;|\{"[a-zA-Z]+":/);
      await useLanguage("fr");
      const fr = await page("/admin/audit");
      expect(fr).toContain("a approuvé une demande d’adhésion");
      expect(fr).toContain("Catégorie #");
      expect(fr).not.toMatch(/\{&quot;|\{"[a-zA-Z]+":/);
    } finally {
      await useLanguage("en");
    }
  });
});
