// Debian's Chromium driven by playwright-core (no browser download: the system package is used).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { demoCodes, REMEMBERED_BROWSER_COOKIE, rememberedBrowser, storeRememberedBrowser } from "./two-factor";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(
  options: { javaScriptEnabled?: boolean; locale?: string; timezoneId?: string } = {},
): Promise<BrowserContext> {
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
  // An account with two-factor sign-in already signed in on this server: this browser is remembered.
  const remembered = rememberedBrowser(baseUrl, email);
  if (remembered) {
    const { hostname } = new URL(baseUrl);
    await page
      .context()
      .addCookies([
        { name: REMEMBERED_BROWSER_COOKIE, value: remembered, domain: hostname, path: "/", httpOnly: true, sameSite: "Lax" },
      ]);
  }
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  // Wait for the page after signing in, not only for the network to settle on the sign-in page.
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.getByRole("button", { name: "Sign in" }).click()]);
  await page.waitForLoadState("networkidle");
  if (new URL(page.url()).pathname === "/login/two-factor") await secondStep(page, baseUrl, email);
}

/** Types the demo key's code at the second step and asks to remember this browser. */
async function secondStep(page: Page, baseUrl: string, email: string) {
  for (const code of demoCodes()) {
    await page.locator('input[name="code"]').fill(code);
    await page.locator('input[name="rememberBrowser"]').check();
    await page.locator('form:has(input[name="code"]) button[type="submit"]').click();
    // Either signed in (another page), or the code was refused (already used at this step).
    const ignore = () => undefined;
    await Promise.race([
      page.waitForURL((url) => url.pathname !== "/login/two-factor").catch(ignore),
      page.locator('.form-errors[role="alert"]').waitFor({ state: "visible" }).catch(ignore),
    ]);
    await page.waitForLoadState("networkidle");
    if (new URL(page.url()).pathname !== "/login/two-factor") break;
  }
  const cookies = await page.context().cookies(`${baseUrl}/login`);
  const browser = cookies.find((c) => c.name === REMEMBERED_BROWSER_COOKIE)?.value;
  if (browser) storeRememberedBrowser(baseUrl, email, browser);
}

export async function signOut(page: Page) {
  await page.locator("form[action='/logout'] button").click();
  await page.waitForLoadState("networkidle");
}
