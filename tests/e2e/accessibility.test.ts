// WCAG 2.2 AA checks with axe-core on the pages people use most, as a visitor and as a member.
import fs from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, signIn } from "./support/browser";

const baseUrl = inject("baseUrl");
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let browser: BrowserContext;
let page: Page;

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

async function audit(path: string): Promise<Violation[]> {
  const response = await page.goto(baseUrl + path);
  expect(response?.status(), path).toBeLessThan(400);
  // Evaluated through the DevTools protocol, so the page's CSP does not apply to the checker.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> } }
    ).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
  }));
}

const PUBLIC_PAGES = [
  "/",
  "/library",
  "/library/pre-deployment-evaluation",
  "/forums",
  "/forums/introductions",
  "/groups",
  "/groups/evaluation-procedures",
  "/join",
  "/login",
  "/search?q=evaluation",
];
const MEMBER_PAGES = [
  "/settings",
  "/notifications",
  "/members",
  "/members/chair",
  "/documents/pre-deployment-evaluation",
  "/documents/pre-deployment-evaluation/history",
  "/documents/pre-deployment-evaluation/revisions/3",
];
const ADMIN_PAGES = ["/admin", "/admin/members", "/admin/audit"];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe("accessibility (axe-core, WCAG 2.2 AA)", () => {
  it("finds no violation on public pages, in English and Vietnamese", async () => {
    for (const path of PUBLIC_PAGES) expect(await audit(path), path).toEqual([]);
    await page.locator("#language-menu-select").selectOption("vi");
    await page.waitForFunction(() => document.documentElement.lang === "vi");
    for (const path of ["/", "/library/pre-deployment-evaluation", "/join"]) expect(await audit(path), path).toEqual([]);
    await page.context().clearCookies();
  });

  it("finds no violation on the reading pages of a document: history, comparisons, print view", async () => {
    await signIn(page, baseUrl, "editor@demo.test");
    await page.goto(`${baseUrl}/documents/pre-deployment-evaluation/history`);
    const ids = await page
      .locator("input[name=to]")
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    const compare = `/documents/pre-deployment-evaluation/compare?from=${ids[ids.length - 1]}&to=${ids[0]}`;
    for (const path of [
      "/documents/pre-deployment-evaluation/history",
      compare,
      `${compare}&view=split`,
      "/library/pre-deployment-evaluation?print=1",
      "/library/pre-deployment-evaluation/changes",
    ]) {
      expect(await audit(path), path).toEqual([]);
    }
    await page.context().clearCookies();
  });

  it("finds no violation on a member's and an admin's pages", async () => {
    await signIn(page, baseUrl, "admin@demo.test");
    for (const path of [...MEMBER_PAGES, ...ADMIN_PAGES]) expect(await audit(path), path).toEqual([]);
  });
});
