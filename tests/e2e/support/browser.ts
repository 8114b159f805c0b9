// Debian's Chromium driven by playwright-core (no browser download: the system package is used).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(options: { javaScriptEnabled?: boolean; locale?: string; timezoneId?: string } = {}): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}. Install Debian's package (sudo apt-get install -y chromium) ` +
        "or set CHROMIUM_PATH to a Chromium binary. `bash .ci/run` installs it when missing.",
    );
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "cop-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
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
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    viewport: { width: 1200, height: 900 },
  });
  watchForNulBytes(context);
  return context;
}

/**
 * Every page and data response the browser fetches is read for NUL bytes (React 18's streaming
 * renderer once sent them before multi-byte characters): closing the context fails the test that
 * met one, naming the address.
 */
function watchForNulBytes(context: BrowserContext) {
  const checks: Promise<string | null>[] = [];
  context.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (!/^(text\/html|text\/x-script|application\/json|application\/atom\+xml|text\/calendar)/.test(type)) return;
    checks.push(
      response.body().then(
        (body) => (body.includes(0) ? response.url() : null),
        () => null, // a body the browser no longer holds (the page navigated on) is not ours to judge
      ),
    );
  });
  const close = context.close.bind(context);
  context.close = async (...args: Parameters<BrowserContext["close"]>) => {
    const withNul = (await Promise.all(checks)).filter((url): url is string => url !== null);
    await close(...args);
    if (withNul.length) throw new Error(`NUL bytes in ${withNul.join(", ")}`);
  };
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
