import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import vi from "~/locales/vi";
import { launchBrowser, signIn, signOut } from "./support/browser";

// chair@demo.test reads the portal in Vietnamese: their steps use the Vietnamese catalogue.
const VI = vi.groups;
const tr = (text: string, vars: Record<string, string> = {}) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? "");
const sectionsNav = (language: "en" | "vi") => ({
  name: language === "vi" ? new RegExp(`^${tr(VI.tabs, { name: "" })}`) : /^Sections of /,
});

const baseUrl = inject("baseUrl");
const GROUP = "/groups/evaluation-procedures";
const UPCOMING = "Monthly meeting — supplementary guidance on generative AI tools";
const PROPOSAL = "Put the supplementary guidance on generative AI tools to a six-week members' consultation";
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** Reads an iCalendar text the way a calendar application would: unfolded content lines, components. */
function parseIcs(text: string) {
  expect(text.endsWith("\r\n")).toBe(true);
  for (const line of text.slice(0, -2).split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .slice(0, -2)
    .split("\r\n");
  const stack: string[] = [];
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (name === "BEGIN") {
      stack.push(value);
      if (value === "VEVENT") current = {};
    } else if (name === "END") {
      expect(stack.pop()).toBe(value);
      if (value === "VEVENT" && current) events.push(current);
    } else if (current && stack[stack.length - 1] === "VEVENT") {
      current[name] = value;
    }
  }
  expect(stack).toEqual([]);
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  return { events, zones: lines.filter((l) => l.startsWith("TZID:")).map((l) => l.slice(5)) };
}

describe("a working group, in the browser", () => {
  it("join request → chair approves → member downloads a meeting's .ics and votes → chair closes with the outcome", async () => {
    // A member asks to join the closed group, with a short motivation.
    await signIn(page, baseUrl, "member@demo.test");
    await page.goto(`${baseUrl}${GROUP}`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: /Technical working group on evaluation procedures/ }).isVisible())
      .toBe(true);
    await page.getByRole("link", { name: "Ask to join" }).click();
    await page.waitForURL(`${baseUrl}${GROUP}/join`);
    await page
      .getByLabel("Why would you like to join?")
      .fill(
        "I lead the evaluation of AI medical devices at the Health Sciences Authority and would like to contribute to the local-validation template.",
      );
    await page.getByRole("button", { name: "Send my request" }).click();
    await expect.poll(() => page.getByText("Your request has been sent to the group's chairs.").isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/You asked to join on/).isVisible()).toBe(true);
    await signOut(page);

    // The chair sees the request on the Members tab and approves it.
    await signIn(page, baseUrl, "chair@demo.test");
    await page.goto(`${baseUrl}${GROUP}`);
    await page
      .getByRole("navigation", sectionsNav("vi"))
      .getByRole("link", { name: new RegExp(`^${VI.members}`) })
      .click();
    await page.waitForURL(`${baseUrl}${GROUP}/members`);
    await expect.poll(() => page.getByRole("heading", { name: VI.requests.title }).isVisible()).toBe(true);
    const request = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Tan Wei Ming" }) });
    await expect.poll(() => request.getByText(/Health Sciences Authority and would like to contribute/).isVisible()).toBe(true);
    await request.getByRole("button", { name: tr(VI.requests.approve, { name: "Tan Wei Ming" }) }).click();
    await expect.poll(() => page.getByText(VI.notices.approved).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("row", { name: /Tan Wei Ming/ }).count()).toBe(1);
    await signOut(page);

    // The member is told, and is now a member of the group.
    await signIn(page, baseUrl, "member@demo.test");
    await page.goto(`${baseUrl}/notifications`);
    await expect
      .poll(() =>
        page
          .getByRole("link", { name: "Your request to join Technical working group on evaluation procedures was approved" })
          .isVisible(),
      )
      .toBe(true);
    await page.goto(`${baseUrl}${GROUP}`);
    await expect.poll(() => page.getByText("Your role in this group: Member.").isVisible()).toBe(true);

    // They open an upcoming meeting and download its iCalendar file.
    await page.getByRole("navigation", sectionsNav("en")).getByRole("link", { name: "Meetings" }).click();
    await page.waitForURL(`${baseUrl}${GROUP}/meetings`);
    await expect.poll(() => page.getByRole("heading", { name: "Past meetings" }).isVisible()).toBe(true);
    await page.getByRole("link", { name: UPCOMING }).click();
    await expect.poll(() => page.getByRole("heading", { level: 2, name: UPCOMING }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Organiser's time \(Asia\/Ho_Chi_Minh\)/).isVisible()).toBe(true);
    await page.getByRole("button", { name: "I will attend" }).click();
    await expect.poll(() => page.getByText("You said you will attend.").isVisible()).toBe(true);

    const link = page.getByRole("link", { name: "Add to my calendar (.ics)" });
    const href = await link.getAttribute("href");
    const response = await page.request.get(`${baseUrl}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^meeting-\d+\.ics$/);
    const text = fs.readFileSync((await download.path())!, "utf8");
    const calendar = parseIcs(text);
    expect(calendar.events).toHaveLength(1);
    expect(calendar.zones).toEqual(["Asia/Ho_Chi_Minh"]);
    const [event] = calendar.events;
    expect(event.SUMMARY).toContain("supplementary guidance on generative AI tools");
    expect(event["DTSTART;TZID=Asia/Ho_Chi_Minh"]).toMatch(/^\d{8}T140000$/);
    expect(event["DTEND;TZID=Asia/Ho_Chi_Minh"]).toMatch(/^\d{8}T153000$/);
    expect(event.UID).toMatch(/^meeting-\d+@/);

    // They vote on the open proposal.
    await page.getByRole("navigation", sectionsNav("en")).getByRole("link", { name: "Decisions" }).click();
    await page.waitForURL(`${baseUrl}${GROUP}/decisions`);
    await expect.poll(() => page.getByRole("heading", { name: "Decision log" }).isVisible()).toBe(true);
    await page.getByRole("link", { name: PROPOSAL }).click();
    await page.getByRole("radio", { name: /^Agree/ }).check();
    await page.getByLabel("Reason").fill("Six weeks matches the network's consultation rules.");
    await page.getByRole("button", { name: "Vote", exact: true }).click();
    await expect.poll(() => page.getByText(/Your vote has been recorded/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Your vote: Agree.").first().isVisible()).toBe(true);
    const tally = page.getByRole("table").filter({ has: page.getByRole("rowheader", { name: "Agree" }) });
    expect(await tally.getByRole("row", { name: /Agree/ }).getByRole("cell").first().textContent()).toBe("2");
    await signOut(page);

    // The chair closes the proposal with the outcome statement.
    await signIn(page, baseUrl, "chair@demo.test");
    await page.goto(`${baseUrl}${GROUP}/decisions`);
    await page.getByRole("link", { name: PROPOSAL }).click();
    await page
      .getByRole("textbox", { name: VI.decisions.outcomeLabel, exact: true })
      .fill("Adopted by consent: the supplementary guidance goes to a six-week members' consultation.");
    await page.getByRole("button", { name: VI.decisions.closeSubmit }).click();
    // Recording the decision cannot be undone: a dialog asks first.
    await page.getByRole("dialog").getByRole("button", { name: vi.confirm.kinds.closeProposal.confirm }).click();
    await expect.poll(() => page.getByText(VI.notices.proposalClosed).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("heading", { name: VI.decisions.outcome, exact: true }).isVisible()).toBe(true);
    await expect
      .poll(() =>
        page.getByText("Adopted by consent: the supplementary guidance goes to a six-week members' consultation.").isVisible(),
      )
      .toBe(true);
    expect(await page.getByRole("button", { name: VI.decisions.voteSubmit, exact: true }).count()).toBe(0);

    // The decision log lists it with its tally.
    await page.goto(`${baseUrl}${GROUP}/decisions`);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: PROPOSAL }) });
    await expect.poll(() => row.getByText(tr(VI.decisions.count.agree_other, { count: "2" })).isVisible()).toBe(true);
    await signOut(page);
  });

  it("works without JavaScript: a closed form comes back with its message and the text kept", async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false });
    try {
      const p = await noScript.newPage();
      await signIn(p, baseUrl, "chair@demo.test");
      await p.goto(`${baseUrl}${GROUP}/meetings/new`);
      const form = VI.meetings.form;
      await p.getByLabel(form.title, { exact: true }).fill("Extraordinary meeting");
      await p.getByLabel(form.startsAt).fill("2030-05-04T15:00");
      await p.getByLabel(form.endsAt).fill("2030-05-04T14:00");
      await p.getByLabel(form.timeZone, { exact: true }).selectOption("Europe/Paris");
      const [response] = await Promise.all([
        p.waitForResponse((r) => r.url().includes("/meetings/new") && r.request().method() === "POST"),
        p.getByRole("button", { name: VI.meetings.scheduleSubmit }).click(),
      ]);
      expect(response.status()).toBe(400);
      await p.waitForLoadState("domcontentloaded");
      await expect.poll(() => p.getByText(VI.errors.endBeforeStart).isVisible()).toBe(true);
      expect(await p.getByLabel(form.title, { exact: true }).inputValue()).toBe("Extraordinary meeting");
      expect(await p.getByLabel(form.timeZone, { exact: true }).inputValue()).toBe("Europe/Paris");
    } finally {
      await noScript.close();
    }
  });
});
