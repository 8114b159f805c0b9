// safeRedirect (app/utils/safe-redirect.ts): no spelling of a target leaves the site.
import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/utils/safe-redirect";

const SITE = "https://cop.example.org";

/** Where a browser goes when it gets this Location on a page of the site. */
const landsOn = (location: string) => new URL(location, `${SITE}/login`).origin;

describe("safeRedirect", () => {
  // Known bypasses of "starts with one slash" checks: backslashes, dot segments, encodings, control
  // characters, schemes. Each is given as it arrives (already decoded from a query or a form).
  const bypasses = [
    "//evil.com",
    "/\\evil.com",
    "\\\\evil.com",
    "/./\\evil.com",
    "/a/../\\evil.com",
    "/.//evil.com",
    "/./%5Cevil.com",
    "/%2E/%5Cevil.com",
    "/%2e%2e/%5cevil.com",
    "/a/..//evil.com",
    "/%2F%2Fevil.com",
    "/%5C%5Cevil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
    "/\u0000/evil.com",
    "/\\/evil.com",
    "/\\\\evil.com",
    "https://evil.com",
    "http:evil.com",
    "javascript:alert(1)",
    "evil.com",
    " /\\evil.com",
    "/..%2F..%2F%2Fevil.com",
    "/.\\.\\/evil.com",
    "/%252F%252Fevil.com/..%2F",
  ];

  it.each(bypasses)("keeps %j on the site", (target) => {
    const location = safeRedirect(target);
    expect(landsOn(location)).toBe(SITE);
    expect(location.startsWith("//")).toBe(false);
    expect(location.startsWith("/\\")).toBe(false);
    // Already in its resolved form: a router that resolves it again (Remix does) gets the same path.
    expect(safeRedirect(location)).toBe(location);
    expect(location.split("?")[0].split("/")).not.toContain("..");
    expect(location.split("?")[0].split("/")).not.toContain(".");
  });

  it("refuses the bypasses outright, with the fallback", () => {
    for (const target of [
      "//evil.com",
      "/./\\evil.com",
      "/a/../\\evil.com",
      "/.//evil.com",
      "/%2E/%5Cevil.com",
      "/%2F%2Fevil.com",
      "/\t/evil.com",
    ]) {
      expect(safeRedirect(target, "/home"), target).toBe("/home");
    }
  });

  it("keeps ordinary targets, with their query and fragment", () => {
    expect(safeRedirect("/t/12/a-topic?page=2#post-30")).toBe("/t/12/a-topic?page=2#post-30");
    expect(safeRedirect("/groups/g/meetings")).toBe("/groups/g/meetings");
    expect(safeRedirect("/search?q=risk+management")).toBe("/search?q=risk+management");
    expect(safeRedirect("/a/./b/../c")).toBe("/a/c");
  });

  it("answers an ASCII path a Location header can carry, for any characters", () => {
    const location = safeRedirect("/search?q=điều chỉnh#mục-1");
    expect(location).toMatch(/^[\x21-\x7e]+$/);
    expect(decodeURIComponent(location)).toBe("/search?q=điều chỉnh#mục-1");
    expect(safeRedirect("/tài-liệu")).toBe("/t%C3%A0i-li%E1%BB%87u");
    expect(safeRedirect("/forums/€")).toBe("/forums/%E2%82%AC");
    // A lone surrogate (forged: no keyboard types one) becomes the replacement character.
    expect(safeRedirect("/a\uD800b")).toBe("/a%EF%BF%BDb");
  });

  it("falls back for what is not a string or is empty", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/x")).toBe("/x");
    expect(safeRedirect("")).toBe("/");
  });
});
