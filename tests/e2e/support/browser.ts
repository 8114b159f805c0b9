// Debian's Chromium driven by playwright-core (no browser download: the system package is used).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}. Install Debian's package (sudo apt-get install -y chromium) ` +
        "or set CHROMIUM_PATH to a Chromium binary. `bash .ci/run` installs it when missing.",
    );
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "cop-chromium-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? "en-GB",
    viewport: { width: 1200, height: 900 },
  });
}

export async function signIn(page: Page, baseUrl: string, email: string, password = "demo-password") {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  // Wait for the page after signing in, not only for the network to settle on the sign-in page.
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.getByRole("button", { name: "Sign in" }).click()]);
  await page.waitForLoadState("networkidle");
}

export async function signOut(page: Page) {
  await page.locator("form[action='/logout'] button").click();
  await page.waitForLoadState("networkidle");
}
