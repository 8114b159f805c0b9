// Requests a browser would never send, as an outside security test sent them: each gets a 4xx with
// a clear message, never a 500.
import { describe, expect, inject, it } from "vitest";
import { sessionCookieFor } from "./support/session";

const baseUrl = inject("baseUrl");

function postRaw(path: string, body: string, contentType: string, cookie = "") {
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: baseUrl, "content-type": contentType, ...(cookie ? { cookie } : {}) },
    body,
  });
}

describe("hostile input", () => {
  it("answers a POST that is not a form with 415 and a message, on every action", async () => {
    const chair = await sessionCookieFor(baseUrl, "chair@demo.test");
    const admin = await sessionCookieFor(baseUrl, "admin@demo.test");
    const targets: Array<[string, string]> = [
      ["/login", ""],
      ["/join", ""],
      ["/language", ""],
      ["/settings", chair],
      ["/notifications", chair],
      ["/groups/evaluation-procedures/watch", chair],
      ["/admin?index", admin],
      ["/admin/members", admin],
    ];
    for (const [path, cookie] of targets) {
      for (const [type, body] of [
        ["text/plain", "email=x"],
        ["application/json", '{"email":"x"}'],
      ]) {
        const res = await postRaw(path, body, type, cookie);
        expect(res.status, `${type} to ${path}`).toBe(415);
        const html = await res.text();
        if (path === "/login") expect(html).toContain("This page only accepts forms");
      }
    }
  });

  it("answers a malformed multipart body with 400, not 500", async () => {
    const res = await postRaw("/login", "not multipart at all", "multipart/form-data; boundary=zz");
    expect(res.status).toBe(400);
    const noBoundary = await postRaw("/login", "x", "multipart/form-data");
    expect(noBoundary.status).toBe(400);
  });

  it("percent-encodes a redirect target outside Latin-1 instead of failing on the Location header", async () => {
    const login = await postRaw(
      "/login",
      new URLSearchParams({ email: "editor@demo.test", password: "demo-password", redirectTo: "/search?q=€uro ụ" }).toString(),
      "application/x-www-form-urlencoded",
    );
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toBe("/search?q=%E2%82%ACuro%20%E1%BB%A5");

    const language = await postRaw(
      "/language",
      new URLSearchParams({ language: "fr", redirectTo: "/forums/€" }).toString(),
      "application/x-www-form-urlencoded",
    );
    expect(language.status).toBe(302);
    expect(language.headers.get("location")).toBe("/forums/%E2%82%AC");
    expect(language.headers.get("set-cookie")).toMatch(/^lang=fr;/);
  });

  it("refuses a language outside the list with 400, whatever its characters", async () => {
    for (const value of ["é", "€", "fr\r\nSet-Cookie: x=1"]) {
      const res = await postRaw(
        "/language",
        new URLSearchParams({ language: value, redirectTo: "/" }).toString(),
        "application/x-www-form-urlencoded",
      );
      expect(res.status, value).toBe(400);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("ignores an impossible date in a search, with a note", async () => {
    for (const query of ["to=2026-13-45", "from=2026-02-31", "to=0000-00-00", "from=99999-01-01"]) {
      const res = await fetch(`${baseUrl}/search?q=framework&${query}`);
      expect(res.status, query).toBe(200);
      expect(await res.text()).toContain("is not a valid date and was ignored");
    }
  });

  it("answers ids that are not numbers, or too large, with 404", async () => {
    for (const path of ["/t/abc", "/t/99999999999999999999999", "/t/1e400", "/groups/evaluation-procedures/meetings/1e400"]) {
      const res = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
      expect(res.status, path).toBe(404);
    }
  });
});
