import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, signIn, signOut } from "./support/browser";

const baseUrl = inject("baseUrl");
let browser: BrowserContext;
let page: Page;

const cspViolations: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
});
afterAll(async () => {
  await browser?.close();
});

describe("membership, in the browser", () => {
  it("apply → admin approves → member signs in → switches to Vietnamese → signs out", async () => {
    // A newcomer applies.
    await page.goto(`${baseUrl}/`);
    await page.getByRole("link", { name: "Apply to join", exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${baseUrl}/join`);
    await page.getByLabel("Full name").fill("Siti Nurhaliza");
    await page.getByLabel("Email address").fill("siti@hsa.example.sg");
    await page.getByLabel("Password").fill("a-long-and-secret-password");
    await page.getByLabel("Username").fill("siti");
    await page.getByLabel("Organisation").fill("Health Sciences Authority");
    await page.getByLabel("Country").selectOption("SG");
    await page.getByLabel("Member type").selectOption("regulator");
    await page.getByLabel("Preferred language").selectOption("en");
    await page.getByRole("button", { name: "Send my application" }).click();
    await page.waitForURL(`${baseUrl}/settings?applied=1`);
    await expect.poll(() => page.getByRole("heading", { name: "Your application is being reviewed" }).isVisible()).toBe(true);
    // Pending: the members directory is not theirs yet.
    expect(await page.getByRole("link", { name: "Members" }).count()).toBe(0);
    await signOut(page);

    // An administrator approves the application.
    await signIn(page, baseUrl, "admin@demo.test");
    await page.goto(`${baseUrl}/admin`);
    const application = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Siti Nurhaliza" }) });
    await application.getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => page.getByText("Siti Nurhaliza has been approved.").isVisible()).toBe(true);
    await page.goto(`${baseUrl}/admin/audit`);
    expect(await page.getByRole("cell", { name: /approved an application/ }).count()).toBeGreaterThan(0);
    await signOut(page);

    // The new member signs in and reads the directory.
    await signIn(page, baseUrl, "siti@hsa.example.sg", "a-long-and-secret-password");
    await page.getByRole("link", { name: "Members" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Members" }).isVisible()).toBe(true);
    expect(await page.getByRole("heading", { name: "Your application is being reviewed" }).count()).toBe(0);

    // Switches the interface to Vietnamese.
    await page.locator("#language-menu-select").selectOption("vi");
    await page.waitForFunction(() => document.documentElement.lang === "vi");
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    await expect
      .poll(() => page.getByRole("navigation", { name: "Menu chính" }).getByRole("link", { name: "Thư viện" }).isVisible())
      .toBe(true);

    // And signs out.
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.waitForLoadState("networkidle");
    expect(await page.locator("form[action='/logout']").count()).toBe(0);
    // The language choice outlives the session (cookie), as a visitor would expect.
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    // Every page of the walk ran under the Content-Security-Policy without a violation.
    expect(cspViolations).toEqual([]);
  });

  it("keeps what was typed when the application is refused, without JavaScript", async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false });
    try {
      const p = await noScript.newPage();
      await p.goto(`${baseUrl}/join`);
      await p.getByLabel("Full name").fill("Jean Dupont");
      await p.getByLabel("Email address").fill("member@demo.test");
      await p.getByLabel("Password").fill("a-long-and-secret-password");
      await p.getByLabel("Username").fill("jdupont");
      await p.getByLabel("Organisation").fill("Haute Autorité de santé");
      await p.getByLabel("Country").selectOption("FR");
      await p.getByLabel("Member type").selectOption("regulator");
      const [response] = await Promise.all([
        p.waitForResponse((r) => r.url().endsWith("/join") && r.request().method() === "POST"),
        p.getByRole("button", { name: "Send my application" }).click(),
      ]);
      expect(response.status()).toBe(400);
      await p.waitForLoadState("domcontentloaded");
      expect(await p.getByText("An account already exists with this email address.").isVisible()).toBe(true);
      expect(await p.getByLabel("Organisation").inputValue()).toBe("Haute Autorité de santé");
      expect(await p.getByLabel("Full name").inputValue()).toBe("Jean Dupont");
      expect(await p.getByLabel("Password").inputValue()).toBe("");
    } finally {
      await noScript.close();
    }
  });

  it("shows each demo account what its role may see, and nothing more", async () => {
    const expectations: Array<[string, { members: boolean; admin: boolean; privateGroup: boolean }]> = [
      ["admin@demo.test", { members: true, admin: true, privateGroup: false }],
      ["moderator@demo.test", { members: true, admin: false, privateGroup: false }],
      ["chair@demo.test", { members: true, admin: false, privateGroup: true }],
      ["editor@demo.test", { members: true, admin: false, privateGroup: true }],
      ["member@demo.test", { members: true, admin: false, privateGroup: false }],
      ["industry@demo.test", { members: true, admin: false, privateGroup: false }],
      ["pending@demo.test", { members: false, admin: false, privateGroup: false }],
    ];
    for (const [email, expected] of expectations) {
      const context = await launchBrowser();
      try {
        const p = await context.newPage();
        await signIn(p, baseUrl, email);
        const nav = p.locator("nav.main-nav");
        // By address, not by label: some of these members read the site in French.
        expect(await nav.locator('a[href="/members"]').count(), email).toBe(expected.members ? 1 : 0);
        expect(await nav.locator('a[href="/admin"]').count(), email).toBe(expected.admin ? 1 : 0);
        const adminResponse = await p.goto(`${baseUrl}/admin`);
        expect(adminResponse?.status(), email).toBe(expected.admin ? 200 : 403);
        await p.goto(`${baseUrl}/groups`);
        expect(await p.getByRole("link", { name: "Pilot programme coordination group" }).count(), email).toBe(
          expected.privateGroup ? 1 : 0,
        );
        const groupResponse = await p.goto(`${baseUrl}/groups/pilot-coordination`);
        expect(groupResponse?.status(), email).toBe(expected.privateGroup ? 200 : 404);
      } finally {
        await context.close();
      }
    }
  });
});
