import {
  cookieValue,
  demoCodes,
  PENDING_SIGN_IN_COOKIE,
  REMEMBERED_BROWSER_COOKIE,
  rememberedBrowser,
  storeRememberedBrowser,
} from "./two-factor";

// Signing in over plain HTTP (no browser): the session cookie to send with later requests (empty
// when the sign-in was refused). Accounts with two-factor sign-in (the demo admin and chairs) go
// through the second step with the demo key once per server, then as a remembered browser.
export async function sessionCookieFor(baseUrl: string, email: string, password = "demo-password"): Promise<string> {
  const remembered = rememberedBrowser(baseUrl, email);
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: {
      origin: baseUrl,
      "content-type": "application/x-www-form-urlencoded",
      ...(remembered ? { cookie: `${REMEMBERED_BROWSER_COOKIE}=${remembered}` } : {}),
    },
    body: new URLSearchParams({ email, password }),
  });
  if (!res.headers.get("location")?.startsWith("/login/two-factor")) return sessionCookies(res.headers.getSetCookie());
  const pending = cookieValue(res.headers.getSetCookie(), PENDING_SIGN_IN_COOKIE);
  for (const code of demoCodes()) {
    const step = await fetch(`${baseUrl}/login/two-factor`, {
      method: "POST",
      redirect: "manual",
      headers: {
        origin: baseUrl,
        "content-type": "application/x-www-form-urlencoded",
        cookie: `${PENDING_SIGN_IN_COOKIE}=${pending}`,
      },
      body: new URLSearchParams({ code, rememberBrowser: "on" }),
    });
    if (step.status !== 302) continue;
    const browser = cookieValue(step.headers.getSetCookie(), REMEMBERED_BROWSER_COOKIE);
    if (browser) storeRememberedBrowser(baseUrl, email, browser);
    return sessionCookies(step.headers.getSetCookie());
  }
  return "";
}

function sessionCookies(setCookies: string[]): string {
  return setCookies
    .map((c) => c.split(";")[0])
    .filter((c) => c.startsWith("cop_session="))
    .join("; ");
}
