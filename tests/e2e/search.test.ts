// Searching from the header, in the browser: suggestions while typing (JavaScript), the full
// results page on Enter (no JavaScript needed), and landing on the post itself.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, signIn } from "./support/browser";

const baseUrl = inject("baseUrl");
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await signIn(page, baseUrl, "aisha@demo.test");
});
afterAll(async () => {
  await browser?.close();
});

describe("search, in the browser", () => {
  it("suggests while typing and lands on the exact post", async () => {
    // A reply with a distinctive phrase, posted through the real form.
    await page.goto(`${baseUrl}/forums/introductions`);
    await page.locator("main a[href^='/t/']").first().click();
    await page.waitForURL(/\/t\/\d+/);
    await page
      .getByLabel("Reply", { exact: true })
      .fill("Our national sandbox uses a calibration-in-the-large check before every quarterly report.");
    await page.getByRole("button", { name: "Post reply" }).click();
    await page.waitForURL(/#post-\d+$/);
    const postAnchor = new URL(page.url()).hash;

    await page.goto(`${baseUrl}/`);
    const box = page.getByRole("combobox", { name: "Search the portal" });
    await box.fill("sandbox calibr");
    const suggestion = page.getByRole("listbox", { name: "Suggestions" }).getByRole("link").first();
    await expect.poll(() => suggestion.isVisible()).toBe(true);
    // Enter submits the plain form: the full results page (whole words there).
    await box.fill("sandbox calibration-in-the-large");
    await box.press("Enter");
    await page.waitForURL(/\/search\?q=sandbox/);
    const result = page.locator(".search-result").filter({ hasText: "calibration-in-the-large" }).first();
    await expect.poll(() => result.isVisible()).toBe(true);
    expect(await result.locator("mark").allInnerTexts()).toEqual(expect.arrayContaining(["sandbox"]));
    // The result is the topic; the reply that matched is listed beneath it, linking to the post.
    await result
      .locator(".search-result__match")
      .filter({ hasText: "calibration-in-the-large" })
      .getByRole("link")
      .first()
      .click();
    await page.waitForURL(/\/t\/\d+/);
    expect(new URL(page.url()).hash).toBe(postAnchor);
    await expect.poll(() => page.locator(postAnchor).isVisible()).toBe(true);
  });

  it("answers with the framework and its sections beneath, its translation marked with its language", async () => {
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent("post-deployment monitoring")}`);
    const framework = page
      .locator(".search-result")
      .filter({ has: page.locator("h2 a[href='/library/post-deployment-monitoring']") });
    await expect.poll(() => framework.isVisible()).toBe(true);
    const sections = framework.locator(".search-result__match a");
    expect(await sections.count()).toBeGreaterThan(0);
    expect(await sections.count()).toBeLessThanOrEqual(3);
    for (const href of await sections.evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
      expect(href).toMatch(/^\/library\/post-deployment-monitoring#/);
    }
    const translation = framework.locator(".search-result__translations a[lang='vi']");
    expect(await translation.getAttribute("href")).toBe("/library/giam-sat-sau-trien-khai");
    expect(await framework.locator(".search-result__translations").innerText()).toContain("Vietnamese");
    expect(await framework.locator("h2 mark").allInnerTexts()).toEqual(["post-deployment", "monitoring"]);
    expect(await page.locator(".search-result h2 a[href='/groups/post-deployment-monitoring']").count()).toBe(1);
    expect(await page.locator(".search-result h2 a[href^='/t/']").count()).toBeGreaterThan(0);
  });

  it("finds Vietnamese text typed without accents", async () => {
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent("danh gia")}`);
    expect(await page.locator(".search-result").count()).toBeGreaterThan(0);
    const marks = await page.locator(".search-result mark").allInnerTexts();
    expect(marks.some((m) => /đánh|giá/i.test(m))).toBe(true);
  });
});
