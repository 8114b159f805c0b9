import { afterEach, describe, expect, it } from "vitest";
import { originAllowed } from "~/utils/origin.server";
import { safeRedirect } from "~/utils/safe-redirect";

const request = (method: string, origin?: string) =>
  new Request("http://portal.test/login", { method, headers: origin ? { origin } : {} });

describe("the Origin check", () => {
  afterEach(() => {
    delete process.env.PUBLIC_ORIGIN;
  });

  it("lets safe methods through", () => {
    expect(originAllowed(request("GET"))).toBe(true);
    expect(originAllowed(request("HEAD"))).toBe(true);
  });

  it("refuses a POST with a foreign, null or missing Origin", () => {
    expect(originAllowed(request("POST", "http://portal.test"))).toBe(true);
    expect(originAllowed(request("POST", "https://evil.example"))).toBe(false);
    expect(originAllowed(request("POST", "http://portal.test.evil.example"))).toBe(false);
    expect(originAllowed(request("POST", "null"))).toBe(false);
    expect(originAllowed(request("POST"))).toBe(false);
    expect(originAllowed(request("DELETE", "https://evil.example"))).toBe(false);
  });

  it("uses PUBLIC_ORIGIN behind a proxy", () => {
    process.env.PUBLIC_ORIGIN = "https://cop.example.org";
    expect(originAllowed(request("POST", "https://cop.example.org"))).toBe(true);
    expect(originAllowed(request("POST", "http://portal.test"))).toBe(false);
  });
});

describe("safeRedirect", () => {
  it("keeps local paths and refuses everything else", () => {
    expect(safeRedirect("/library?x=1")).toBe("/library?x=1");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/ok\nSet-Cookie: x")).toBe("/");
    expect(safeRedirect(null, "/home")).toBe("/home");
  });
});
