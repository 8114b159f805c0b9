// Time zones in the browser: a newcomer's zone is taken from the browser when JavaScript runs (UTC
// without it), a member still on UTC is told which zone their device is in without it being saved,
// and an anonymous reader sees meeting times in the organiser's zone and in UTC.
import { afterAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, signIn } from "./support/browser";

const baseUrl = inject("baseUrl");
const contexts: BrowserContext[] = [];

async function open(options: Parameters<typeof launchBrowser>[0]): Promise<Page> {
  const context = await launchBrowser(options);
  contexts.push(context);
  return context.newPage();
}

afterAll(async () => {
  for (const context of contexts) await context.close();
});

async function apply(page: Page, name: string, email: string, username: string, browserZone?: string) {
  await page.goto(`${baseUrl}/join`);
  // With JavaScript, the page is hydrated once the hidden field holds the browser's zone.
  if (browserZone) await expect.poll(() => page.locator('input[type="hidden"][name="timeZone"]').inputValue()).toBe(browserZone);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("a-long-and-secret-password");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Organisation").fill("Ministry of Health");
  await page.getByLabel("Country").selectOption("VN");
  await page.getByLabel("Member type").selectOption("regulator");
  await page.getByLabel("Preferred language").selectOption("en");
  await page.getByRole("button", { name: "Send my application" }).click();
  await page.waitForURL(`${baseUrl}/settings?applied=1`);
}

describe("time zones, in the browser", () => {
  it("a newcomer gets the browser's zone under its current name; without JavaScript, UTC", async () => {
    const withJs = await open({ timezoneId: "Asia/Saigon" });
    await apply(withJs, "Nguyễn Văn Bình", "binh@moh.example.vn", "vanbinh", "Asia/Ho_Chi_Minh");
    expect(await withJs.getByLabel("Time zone", { exact: true }).inputValue()).toBe("Asia/Ho_Chi_Minh");

    const withoutJs = await open({ javaScriptEnabled: false, timezoneId: "Asia/Kolkata" });
    await apply(withoutJs, "Phạm Thị Lan", "lan@moh.example.vn", "thilan");
    expect(await withoutJs.getByLabel("Time zone", { exact: true }).inputValue()).toBe("UTC");
  });

  it("a member on UTC is told the device's zone, which is chosen only when they save", async () => {
    const page = await open({ timezoneId: "Asia/Calcutta" });
    await signIn(page, baseUrl, "member@demo.test");
    await page.goto(`${baseUrl}/settings`);
    const select = page.getByLabel("Time zone", { exact: true });
    expect(await select.inputValue()).toBe("UTC");
    // Grouped by region, labelled with the place, the zone's name and its offset.
    expect(await select.locator("optgroup").first().getAttribute("label")).toBe("Africa");
    expect(await select.locator('option[value="Asia/Kolkata"]').textContent()).toBe("Kolkata — India Standard Time (UTC+05:30)");
    expect(await select.locator('option[value="Asia/Calcutta"]').count()).toBe(0);
    await expect.poll(() => page.getByText("This device is set to Asia/Kolkata.").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Choose Asia/Kolkata" }).click();
    expect(await select.inputValue()).toBe("Asia/Kolkata");
    // Nothing was saved.
    await page.reload();
    expect(await page.getByLabel("Time zone", { exact: true }).inputValue()).toBe("UTC");
  });

  it("an anonymous reader sees meeting times in the organiser's zone and in UTC", async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(`${baseUrl}/groups/evaluation-procedures/meetings`);
    const times = await page.locator(".meeting-time").allTextContents();
    expect(times.length).toBeGreaterThan(0);
    for (const text of times) expect(text).toMatch(/ (Asia\/Ho_Chi_Minh|[A-Z][\w/+-]+) \(.+ UTC\)$/);
    expect(times.some((text) => /Asia\/Ho_Chi_Minh \(\d{2}:\d{2}.*UTC\)$/.test(text))).toBe(true);
    expect(times.join(" ")).not.toMatch(/Saigon|Calcutta/);
    expect(await page.getByText("Times are shown in the organiser's time zone and in UTC.", { exact: false }).count()).toBe(1);
  });
});
