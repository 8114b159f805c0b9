// Two-factor sign-in through the real pages in Chromium: a member enrols (QR code and key, a code,
// recovery codes shown once), signs out, and signs in again with a code from the "app". Its own
// server, so that the member's new second factor does not reach the other test files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { totpCode, totpStep } from "~/models/two-factor.server";
import { launchBrowser, signIn, signOut } from "./support/browser";
import { startServer, type RunningServer } from "./support/server";

let server: RunningServer;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  context = await launchBrowser();
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
});

describe("two-factor sign-in", () => {
  it("enrols through the settings pages, then asks for a code at sign-in", async () => {
    const page = await context.newPage();
    await signIn(page, server.url, "member@demo.test");
    await page.goto(`${server.url}/settings`);
    await page.getByRole("link", { name: "Manage two-factor sign-in" }).click();
    await page.waitForURL((url) => url.pathname === "/settings/two-factor");
    await expect.poll(() => page.getByTestId("two-factor-status").textContent()).toBe("Off");
    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();

    // The QR code is an image drawn from a data: address (the CSP allows no inline SVG styles).
    const qr = page.getByRole("img", { name: "QR code to add your account to an authenticator app" });
    await qr.waitFor();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const key = (await page.getByTestId("totp-key").textContent())!;
    expect(key).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const secret = key.replace(/ /g, "");

    // What an authenticator app would show now.
    const enrolStep = totpStep();
    await page.getByLabel("Six-digit code").fill(totpCode(secret, enrolStep));
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    const codes = page.getByTestId("recovery-codes").locator("li");
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    expect(await codes.first().textContent()).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    await page.getByRole("link", { name: "I have saved these codes" }).click();
    await page.waitForURL((url) => url.pathname === "/settings/two-factor");
    await expect.poll(() => page.getByTestId("two-factor-status").textContent()).toMatch(/^On since/);
    // Shown once: the page no longer lists them.
    expect(await page.getByTestId("recovery-codes").count()).toBe(0);

    await signOut(page);
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Email address").fill("member@demo.test");
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/login/two-factor");
    // Not signed in yet: no account menu, no sign-out button.
    expect(await page.locator("form[action='/logout']").count()).toBe(0);

    // The code used to enrol is not accepted again; the app's next one is (one step of grace).
    await page.getByLabel("Code from your app, or a recovery code").fill(totpCode(secret, enrolStep));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByText("This code is not right, or it has already been used.").waitFor();
    // The app's code now, and never the enrolment step's (on a slow machine a minute may have passed).
    await page.getByLabel("Code from your app, or a recovery code").fill(totpCode(secret, Math.max(totpStep(), enrolStep + 1)));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.waitForLoadState("networkidle");
    expect(await page.locator("form[action='/logout']").count()).toBe(1);
    await page.close();
  });
});
