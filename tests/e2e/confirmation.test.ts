// "Cancel this meeting" cannot be undone and notifies everyone: in Chromium it asks first, as a
// page without JavaScript and as a dialog with it; Back leaves the meeting as it was.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { launchBrowser, signIn } from "./support/browser";
import { startServer, type RunningServer } from "./support/server";

let server: RunningServer;
const browsers: BrowserContext[] = [];

function meetingIn(title: string): number {
  const db = new Database(server.databaseFile);
  try {
    const group = db.prepare("select id from working_group where slug = 'evaluation-procedures'").get() as { id: number };
    const start = new Date(Date.now() + 20 * 86_400_000);
    const end = new Date(start.getTime() + 3_600_000);
    return Number(
      db
        .prepare("insert into meeting (group_id, title, starts_at, ends_at, time_zone) values (?, ?, ?, ?, 'Europe/Paris')")
        .run(group.id, title, start.toISOString(), end.toISOString()).lastInsertRowid,
    );
  } finally {
    db.close();
  }
}

function cancelledAt(id: number): string | null {
  const db = new Database(server.databaseFile, { readonly: true });
  try {
    return (db.prepare("select cancelled_at from meeting where id = ?").get(id) as { cancelled_at: string | null }).cancelled_at;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMITS: "off" } });
  // The chair reads the portal in English here (the demo chair's own language is Vietnamese).
  const db = new Database(server.databaseFile);
  db.prepare("update user set language = 'en' where email = 'chair@demo.test'").run();
  db.close();
});
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.stop();
});

describe("cancelling a meeting", () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`asks for confirmation first ${javaScriptEnabled ? "in a dialog (JavaScript)" : "on a page (no JavaScript)"}`, async () => {
      const browser = await launchBrowser({ javaScriptEnabled });
      browsers.push(browser);
      const page = await browser.newPage();
      const title = `Meeting cancelled ${javaScriptEnabled ? "with" : "without"} JavaScript`;
      const id = meetingIn(title);
      const address = `${server.url}/groups/evaluation-procedures/meetings/${id}`;
      await signIn(page, server.url, "chair@demo.test");
      await page.goto(address);

      // Back (or Escape) first: nothing happens.
      await page.getByRole("button", { name: "Cancel this meeting" }).click();
      if (javaScriptEnabled) {
        const dialog = page.getByRole("dialog", { name: "Cancel this meeting?" });
        await expect.poll(() => dialog.isVisible()).toBe(true);
        expect(await dialog.textContent()).toContain(`“${title}” will be cancelled for everyone`);
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Back");
        await page.keyboard.press("Escape");
        await expect.poll(() => dialog.isVisible()).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel this meeting");
      } else {
        await page.waitForURL(`${address}?index`);
        expect(await page.getByRole("heading", { level: 1, name: "Cancel this meeting?" }).isVisible()).toBe(true);
        expect(await page.getByText(`“${title}” will be cancelled for everyone`).isVisible()).toBe(true);
        await page.getByRole("link", { name: "Back" }).click();
        await page.waitForURL(address);
      }
      expect(cancelledAt(id)).toBeNull();

      // Then for real.
      await page.getByRole("button", { name: "Cancel this meeting" }).click();
      const confirm = javaScriptEnabled
        ? page.getByRole("dialog").getByRole("button", { name: "Yes, cancel the meeting" })
        : page.getByRole("button", { name: "Yes, cancel the meeting" });
      await Promise.all([page.waitForURL(/\/meetings\?done=cancelled$/), confirm.click()]);
      expect(cancelledAt(id)).not.toBeNull();
      await expect.poll(() => page.getByText("The meeting has been cancelled.").isVisible()).toBe(true);
    });
  }
});
