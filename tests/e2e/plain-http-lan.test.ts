// The site opened over plain HTTP at the machine's LAN address, as an intranet pilot would run
// `npm start`: styles and scripts load, sign-in completes. HTTPS-only behaviour (HSTS,
// upgrade-insecure-requests, Secure cookies) belongs to NODE_ENV=production behind HTTPS only.
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn } from "./support/browser";
import { startServer, type RunningServer } from "./support/server";

/** The first non-loopback IPv4 address of this machine. */
function lanAddress(): string {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === "IPv4" && !address.internal) return address.address;
  }
  throw new Error("This machine has no non-loopback IPv4 address to serve the site on.");
}

let server: RunningServer;
let lanUrl: string;

beforeAll(async () => {
  // As `npm start` runs it: no NODE_ENV, no PUBLIC_ORIGIN, listening on every interface.
  server = await startServer({ env: { NODE_ENV: "", PUBLIC_ORIGIN: "", HOST: "0.0.0.0", RATE_LIMITS: "off" } });
  lanUrl = `http://${lanAddress()}:${new URL(server.url).port}`;
});

afterAll(async () => {
  await server?.stop();
});

describe("the site over plain HTTP on a LAN address", () => {
  it("sends nothing that asks the browser for HTTPS", async () => {
    const page = await fetch(`${lanUrl}/login`);
    expect(page.status).toBe(200);
    expect(page.headers.get("strict-transport-security")).toBeNull();
    expect(page.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    const signedIn = await fetch(`${lanUrl}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: lanUrl, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "member@demo.test", password: "demo-password" }),
    });
    expect(signedIn.status).toBe(302);
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith("cop_session="))!;
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it("loads its styles and scripts and signs a member in, in Chromium", async () => {
    const context = await launchBrowser();
    try {
      const page = await context.newPage();
      const failed: string[] = [];
      page.on("requestfailed", (request) => failed.push(request.url()));
      await signIn(page, lanUrl, "member@demo.test");
      expect(new URL(page.url()).origin).toBe(lanUrl);
      expect(failed).toEqual([]);
      // The site's stylesheet loaded from this origin, and the member is signed in.
      const sheets = await page.evaluate(
        () => [...document.styleSheets].filter((sheet) => sheet.href?.startsWith(location.origin)).length,
      );
      expect(sheets).toBeGreaterThan(0);
      expect(await page.locator("form[action='/logout']").count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
