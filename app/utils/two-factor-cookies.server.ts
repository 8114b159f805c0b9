// The two cookies of two-factor sign-in: the pending sign-in between the password and the code
// (10 minutes), and a remembered browser (30 days). They hold random tokens whose SHA-256 is in the
// database. Path=/ although only /login and /login/two-factor read them: with JavaScript, Remix
// posts the forms to /login.data, which a cookie with Path=/login does not reach. Read with the
// `cookie` package's RFC 6265 parser.
import { serialize } from "cookie";
import { PENDING_SIGN_IN_MINUTES, REMEMBER_BROWSER_DAYS } from "~/models/two-factor.server";
import { isProduction } from "./env.server";
import { readCookies } from "./request-cookies.server";

export const PENDING_SIGN_IN_COOKIE = "cop_2fa_pending";
export const REMEMBERED_BROWSER_COOKIE = "cop_2fa_browser";

const attributes = { httpOnly: true, sameSite: "lax", secure: isProduction, path: "/" } as const;

export function readCookie(request: Request, name: string): string | null {
  const value = readCookies(request.headers.get("cookie"))[name];
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
}

export function pendingSignInCookie(token: string): string {
  return serialize(PENDING_SIGN_IN_COOKIE, token, { ...attributes, maxAge: PENDING_SIGN_IN_MINUTES * 60 });
}

export function rememberedBrowserCookie(token: string): string {
  return serialize(REMEMBERED_BROWSER_COOKIE, token, { ...attributes, maxAge: REMEMBER_BROWSER_DAYS * 86_400 });
}

export function clearCookie(name: string): string {
  return serialize(name, "", { ...attributes, maxAge: 0 });
}
