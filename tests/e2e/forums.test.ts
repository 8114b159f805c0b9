import fs from "node:fs";
import { createRequire } from "node:module";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, signIn } from "./support/browser";

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.2 AA violations on a page, as axe-core reports them. */
async function axeViolations(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(400);
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    type Run = (
      context: unknown,
      options: unknown,
    ) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }>;
    const axe = (window as unknown as { axe: { run: Run } }).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
  });
  return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target) }));
}

const baseUrl = inject("baseUrl");
const contexts: BrowserContext[] = [];

async function pageFor(email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await launchBrowser(options);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, baseUrl, email);
  return page;
}

afterAll(async () => {
  for (const context of contexts) await context.close();
});

const TITLE = "Minimum sample size for a local validation of a chest X-ray tool?";

describe("forums, in the browser", () => {
  it("topic → reply with a mention → notification, unread count, reaction, accepted answer → moderator locks and moves", async () => {
    // A member starts a topic in the Q&A category.
    const author = await pageFor("member@demo.test");
    await author.goto(`${baseUrl}/forums/evaluation-validation`);
    await author.getByRole("link", { name: "New topic" }).click();
    await author.waitForURL(`${baseUrl}/forums/evaluation-validation/new`);
    await author.getByLabel("Title").fill(TITLE);
    await author
      .getByLabel("What do you want to discuss?")
      .fill("We plan a **retrospective** validation at two hospitals. How many cases do you ask for?");
    await author.getByLabel("Tags").fill("local-validation, imaging");
    await author.getByRole("button", { name: "Start topic" }).click();
    await author.waitForURL(/\/t\/\d+\/minimum-sample-size-for-a-local-validation-of-a-chest-x-ray-tool$/);
    const topicUrl = author.url();
    await expect.poll(() => author.getByRole("heading", { level: 1, name: TITLE }).isVisible()).toBe(true);
    await expect.poll(() => author.locator("#post-1 strong", { hasText: "retrospective" }).isVisible()).toBe(true);

    // (Other demo content may already have told the member something: count from here.)
    const unreadBadge = async () =>
      Number(
        (await author
          .locator(".notification-badge")
          .textContent({ timeout: 1000 })
          .catch(() => "0")) ?? 0,
      );
    const before = await unreadBadge();

    // Another member replies, mentioning the author; the live preview shows the link first.
    const replier = await pageFor("aisha@demo.test"); // interface in English
    await replier.goto(`${baseUrl}/forums/evaluation-validation`);
    await replier.getByRole("link", { name: TITLE }).click();
    await replier.waitForURL(topicUrl);
    const reply = replier.getByLabel("Reply", { exact: true });
    await reply.fill("@member we ask for at least 500 consecutive cases with 50 positives.");
    await expect.poll(() => replier.locator(".composer__preview a.mention").count(), { timeout: 10_000 }).toBe(1);
    await replier.getByRole("button", { name: "Post reply" }).click();
    await replier.waitForURL(`${topicUrl}#post-2`);
    expect(await replier.locator("#post-2 a.mention", { hasText: "@member" }).getAttribute("href")).toBe("/members/member");

    // The author sees the notification badge and the unread count.
    await author.goto(`${baseUrl}/forums/evaluation-validation`);
    await expect.poll(unreadBadge).toBe(before + 1);
    const bell = author.getByRole("banner").getByRole("link", { name: /Notifications/ });
    await expect.poll(() => bell.textContent()).toMatch(/unread notification/);
    const row = author.getByRole("row").filter({ has: author.getByRole("link", { name: TITLE }) });
    expect(await row.getByText("1 unread post").count()).toBe(1);
    await bell.click();
    await author.waitForURL(`${baseUrl}/notifications`);
    await expect
      .poll(() => author.getByRole("link", { name: `Aisha Rahman mentioned you in “${TITLE}”` }).isVisible())
      .toBe(true);

    // Back in the topic, the author lands on the first unread post.
    await author.goto(topicUrl);
    await author.waitForURL(`${topicUrl}?page=1#post-2`);
    await expect.poll(() => author.getByText("Unread since your last visit").isVisible()).toBe(true);
    await author.goto(`${baseUrl}/forums/evaluation-validation`);
    expect(
      await author
        .getByRole("row")
        .filter({ has: author.getByRole("link", { name: TITLE }) })
        .getByText("1 unread post")
        .count(),
    ).toBe(0);
    await author.goto(`${topicUrl}?page=1`);

    // Reacts to the reply, then marks it as the answer.
    const answer = author.locator("#post-2");
    await answer.getByRole("button", { name: "Thumbs up" }).click();
    await expect.poll(() => answer.getByRole("button", { name: "Thumbs up" }).getAttribute("aria-pressed")).toBe("true");
    // The reaction is named in words everyone sees, not by its emoji alone.
    expect(await answer.locator(".reaction__label", { hasText: "Thumbs up" }).first().isVisible()).toBe(true);
    await expect.poll(() => answer.getByRole("list", { name: "Who reacted" }).textContent()).toContain("Tan Wei Ming");
    await answer.getByRole("button", { name: "Mark as the answer" }).click();
    await expect.poll(() => author.getByRole("complementary", { name: "Accepted answer" }).isVisible()).toBe(true);
    expect(await author.getByRole("complementary", { name: "Accepted answer" }).textContent()).toContain("500 consecutive cases");

    // A moderator locks the topic and moves it.
    const moderator = await pageFor("moderator@demo.test");
    await moderator.goto(`${topicUrl}?page=1`);
    await moderator.getByRole("button", { name: "Lock", exact: true }).click();
    await expect.poll(() => moderator.getByText("The topic is locked: it takes no new replies.").isVisible()).toBe(true);
    await moderator.getByLabel("Move to category").selectOption({ label: "Regulatory Q&A" });
    await moderator.getByRole("button", { name: "Move", exact: true }).click();
    await expect.poll(() => moderator.getByText("The topic has been moved.").isVisible()).toBe(true);
    await expect
      .poll(() =>
        moderator.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Regulatory Q&A" }).isVisible(),
      )
      .toBe(true);
    // Both actions are in the audit log, by name.
    const audit = await pageFor("admin@demo.test");
    await audit.goto(`${baseUrl}/admin/audit`);
    expect(await audit.getByRole("cell", { name: "locked a topic" }).count()).toBeGreaterThan(0);
    expect(await audit.getByRole("cell", { name: "moved a topic" }).count()).toBeGreaterThan(0);

    // The locked topic refuses replies.
    await replier.goto(`${topicUrl}?page=1`);
    await expect.poll(() => replier.getByText("This topic is locked: it takes no new replies.").isVisible()).toBe(true);
    expect(await replier.getByRole("button", { name: "Post reply" }).count()).toBe(0);
  });

  it("serves Atom feeds of public categories over HTTP, and nothing for the others", async () => {
    const feed = await fetch(`${baseUrl}/forums/introductions/feed.xml`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(await feed.text()).toContain('<title type="text">Welcome — please introduce yourself</title>');
    for (const slug of ["data-protection", "pilot-coordination-internal"])
      expect((await fetch(`${baseUrl}/forums/${slug}/feed.xml`)).status).toBe(404);
  });

  it("previews, saves a draft and quotes without JavaScript", async () => {
    const page = await pageFor("ravi@demo.test", { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/forums/post-deployment-monitoring`);
    await page.getByRole("link", { name: /Quarterly KPI report/ }).click();
    await page.waitForLoadState("domcontentloaded");
    await page.getByLabel("Reply", { exact: true }).fill("We report **override rate** per site.");
    await page.getByRole("button", { name: "Preview" }).click();
    await page.waitForLoadState("domcontentloaded");
    await expect
      .poll(() => page.getByRole("region", { name: "Preview" }).locator("strong", { hasText: "override rate" }).isVisible())
      .toBe(true);
    expect(await page.getByLabel("Reply", { exact: true }).inputValue()).toBe("We report **override rate** per site.");
    // The draft is on the server: it is there when the member comes back.
    await page.goto(`${baseUrl}/forums`);
    await page.goBack();
    await page.reload();
    expect(await page.getByLabel("Reply", { exact: true }).inputValue()).toBe("We report **override rate** per site.");
    // Quoting the first post adds it to the draft.
    await page.locator("#post-1").getByRole("button", { name: "Quote" }).click();
    await page.waitForLoadState("domcontentloaded");
    expect(await page.getByLabel("Reply", { exact: true }).inputValue()).toMatch(
      /We report \*\*override rate\*\* per site\.\n\n> \*\*Sophie Martin\*\*/,
    );
    await page.getByRole("button", { name: "Post reply" }).click();
    await page.waitForLoadState("domcontentloaded");
    expect(page.url()).toMatch(/#post-\d+$/);
    expect(await page.getByLabel("Reply", { exact: true }).inputValue()).toBe("");
  });

  it("has no WCAG 2.2 AA violation on the forum pages (axe-core)", async () => {
    const member = await pageFor("aisha@demo.test");
    await member.goto(`${baseUrl}/forums/evaluation-validation`);
    await member.getByRole("link", { name: /local validation of an AI triage tool/ }).click();
    await member.waitForLoadState("networkidle");
    const topicPath = new URL(member.url()).pathname;
    const topicId = topicPath.split("/")[2];
    for (const path of [
      `${topicPath}?page=1`,
      `${topicPath}?page=1&edit=4#post-4`,
      `/t/${topicId}/posts/2/history`,
      "/forums/evaluation-validation/new",
      "/forums/post-deployment-monitoring?tag=kpi",
      "/groups/evaluation-procedures/discussions",
    ]) {
      expect(await axeViolations(member, baseUrl + path), path).toEqual([]);
    }
    const moderator = await pageFor("moderator@demo.test");
    for (const path of ["/admin/moderation", `${topicPath}?page=1`])
      expect(await axeViolations(moderator, baseUrl + path), path).toEqual([]);
    const admin = await pageFor("admin@demo.test");
    for (const path of ["/admin/categories", "/admin/categories?edit=1"])
      expect(await axeViolations(admin, baseUrl + path), path).toEqual([]);
  });
});
