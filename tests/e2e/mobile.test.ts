// The site on a phone (390×844, Chromium): topic lists become stacked rows with no sideways
// scrolling, the header folds into a menu button (with and without JavaScript, by mouse and by
// keyboard), and the document editor and the compare page show their text on the first screen.
// Screenshots go to a temporary directory for a person to look at; they are not compared.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, signIn } from "./support/browser";

const baseUrl = inject("baseUrl");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const CATEGORY = "/forums/evaluation-validation";
const DOCUMENT = "/documents/pre-deployment-evaluation";
const shots = fs.mkdtempSync(path.join(os.tmpdir(), "cop-mobile-"));
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewportSize(PHONE);
  console.log(`mobile screenshots: ${shots}`);
});
afterAll(async () => {
  await browser?.close();
});

const shoot = (p: Page, name: string, fullPage = false) => p.screenshot({ path: path.join(shots, `${name}.png`), fullPage });
const noSidewaysScroll = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe("on a 390 px wide screen", () => {
  it("lists a category's topics as stacked rows: no horizontal overflow, titles on at most two lines, whole tags", async () => {
    await page.goto(`${baseUrl}${CATEGORY}`);
    await shoot(page, "category-390", true);
    expect(await noSidewaysScroll(page)).toBe(true);
    const titles = page.locator(".topic-table__title");
    expect(await titles.count()).toBeGreaterThan(0);
    // Line boxes of each title link: two at most for a title of up to 70 characters (the seeded
    // titles run to 88; those may take a third line, never more).
    const lines = await titles.evaluateAll((links) =>
      links.map((link) => ({ length: link.textContent!.length, lines: link.getClientRects().length })),
    );
    expect(lines[0].lines).toBeLessThanOrEqual(2);
    for (const title of lines) expect(title.lines, JSON.stringify(title)).toBeLessThanOrEqual(title.length <= 70 ? 2 : 3);
    // A tag is never cut across lines.
    const tagLines = await page
      .locator(".topic-table .tag")
      .evaluateAll((tags) => tags.map((tag) => tag.getClientRects().length));
    for (const n of tagLines) expect(n).toBe(1);
    // The facts line still says what the columns said on a wide screen.
    const firstRow = page.locator(".topic-table tbody tr").first();
    expect(await firstRow.textContent()).toMatch(/\d+ repl(y|ies).*\d+ views?/);
  });

  it("folds the header into a menu button that opens by click and by keyboard; search stays on screen", async () => {
    await page.goto(`${baseUrl}${CATEGORY}`);
    const menu = page.locator("summary.site-menu__button");
    const library = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" });
    expect(await menu.isVisible()).toBe(true);
    expect(await library.isVisible()).toBe(false);
    expect(await page.getByRole("search").getByRole("combobox").isVisible()).toBe(true);
    const headerHeight = await page.locator(".site-header").evaluate((header) => header.getBoundingClientRect().height);
    expect(headerHeight).toBeLessThan(PHONE.height / 6);

    await menu.click();
    expect(await library.isVisible()).toBe(true);
    // A <summary> is announced as expanded or collapsed from its <details>' open state.
    expect(await menu.evaluate((summary) => (summary.parentElement as HTMLDetailsElement).open)).toBe(true);
    await shoot(page, "header-open-390");
    await menu.click();
    expect(await library.isVisible()).toBe(false);

    // Keyboard: the button takes focus (with a visible outline), Enter opens, Tab goes into the menu.
    await page.locator(".skip-link").focus();
    await page.keyboard.press("Tab"); // the brand
    await page.keyboard.press("Tab"); // the menu button
    expect(await page.evaluate(() => document.activeElement?.classList.contains("site-menu__button"))).toBe(true);
    const outline = await menu.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    expect(await library.isVisible()).toBe(true);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Library");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Space");
    expect(await library.isVisible()).toBe(false);
  });

  it("opens the menu without JavaScript too", async () => {
    const plain = await launchBrowser({ javaScriptEnabled: false });
    try {
      const p = await plain.newPage();
      await p.setViewportSize(PHONE);
      await p.goto(`${baseUrl}${CATEGORY}`);
      const library = p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" });
      expect(await library.isVisible()).toBe(false);
      await p.locator("summary.site-menu__button").click();
      expect(await library.isVisible()).toBe(true);
      expect(await p.locator(".account-nav").getByRole("link", { name: "Sign in" }).isVisible()).toBe(true);
    } finally {
      await plain.close();
    }
  });

  it("shows the draft's text area and the first change of a comparison on the first screen", async () => {
    await signIn(page, baseUrl, "editor@demo.test");
    await page.goto(`${baseUrl}${DOCUMENT}/edit`);
    expect(await noSidewaysScroll(page)).toBe(true);
    const area = await page.locator("textarea#draft-body").boundingBox();
    expect(area).not.toBeNull();
    // Not only its top edge: a few lines of it are on screen.
    expect(area!.y + 100).toBeLessThan(PHONE.height);
    await shoot(page, "editor-390");

    // The newest revision is made here, so the comparison below does not depend on which other
    // test files edited the document first: a heading in the second half of the draft (one no other test edits) changes.
    const body = await page.locator("textarea#draft-body").inputValue();
    expect(body).toContain("### Public summary");
    await page.locator("textarea#draft-body").fill(body.replace("### Public summary", "### Public summary of the dossier"));
    await page.locator("button[name=intent][value=save]").click();
    await page.waitForURL(/saved=\d+/);

    await page.goto(`${baseUrl}${DOCUMENT}/history`);
    const compare = await page.locator("a.history-table__diff").first().getAttribute("href");
    expect(compare).toBeTruthy();
    await page.goto(`${baseUrl}${compare}`);
    await shoot(page, "compare-390");
    expect(await noSidewaysScroll(page)).toBe(true);
    const change = await page.locator(".diff-ins, .diff-del").first().boundingBox();
    expect(change).not.toBeNull();
    expect(change!.y + change!.height).toBeLessThan(PHONE.height);
  });

  it("keeps the wide layout on a 1366 px screen", async () => {
    const wide = await browser.newPage();
    try {
      await wide.setViewportSize(DESKTOP);
      await wide.goto(`${baseUrl}${CATEGORY}`);
      expect(await wide.locator("summary.site-menu__button").isVisible()).toBe(false);
      expect(await wide.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).isVisible()).toBe(true);
      expect(await wide.getByRole("columnheader", { name: "Replies" }).isVisible()).toBe(true);
      await shoot(wide, "category-1366");
      await wide.goto(`${baseUrl}${DOCUMENT}/edit`);
      await shoot(wide, "editor-1366");
    } finally {
      await wide.close();
    }
  });
});
