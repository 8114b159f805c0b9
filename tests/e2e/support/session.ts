// Signing in over plain HTTP (no browser): the session cookie to send with later requests (empty
// when the sign-in was refused).
export async function sessionCookieFor(baseUrl: string, email: string, password = "demo-password"): Promise<string> {
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }),
  });
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}
