// The second step of signing in for the demo accounts enrolled with the demo's published TOTP key
// (the admin and the chairs, db/demo/two-factor.ts). The first sign-in of an account on a server
// types a code and asks to remember the browser; later sign-ins (in any test file, any browser)
// send that remembered-browser cookie, as a real browser would, so no code is typed twice: the
// portal refuses a code it already accepted.
import fs from "node:fs";
import path from "node:path";
import { TMP } from "../../setup/paths";
import { codeFor, DEMO_TOTP_SECRET } from "../../support/two-factor";

export const REMEMBERED_BROWSER_COOKIE = "cop_2fa_browser";
export const PENDING_SIGN_IN_COOKIE = "cop_2fa_pending";
const CACHE = path.join(TMP, "e2e-remembered-browsers.json");

function readCache(): Record<string, string> {
  try {
    return JSON.parse(fs.readFileSync(CACHE, "utf8")) as Record<string, string>;
  } catch {
    return {};
  }
}

/** The remembered-browser token of this account on this server, if an earlier sign-in got one. */
export function rememberedBrowser(baseUrl: string, email: string): string | undefined {
  return readCache()[`${baseUrl} ${email.toLowerCase()}`];
}

export function storeRememberedBrowser(baseUrl: string, email: string, token: string) {
  fs.mkdirSync(TMP, { recursive: true });
  fs.writeFileSync(CACHE, JSON.stringify({ ...readCache(), [`${baseUrl} ${email.toLowerCase()}`]: token }));
}

export function forgetRememberedBrowsers() {
  fs.rmSync(CACHE, { force: true });
}

/**
 * The codes to try, in order: the current step's, then the next step's (accepted within the grace
 * period) in case this step's code was already used on this server.
 */
export function demoCodes(): string[] {
  return [codeFor(DEMO_TOTP_SECRET), codeFor(DEMO_TOTP_SECRET, 1)];
}

export function cookieValue(setCookies: string[], name: string): string | undefined {
  return setCookies
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}
