// Which requests the page cache may answer for a signed-in member (app/utils/page-cache.server.ts).
import { describe, expect, it } from "vitest";
import { memberCacheable, sessionServable } from "~/utils/page-cache.server";

describe("memberCacheable", () => {
  it("takes the pages members read, and their single-fetch data", () => {
    for (const url of [
      "/",
      "/_root.data",
      "/forums",
      "/forums/evaluation?after=abc",
      "/t/12/some-topic?page=3",
      "/t/12/some-topic.data",
      "/library/x",
      "/groups/g/meetings",
      "/documents/d/compare?from=1&to=2",
      "/search?q=risk",
      "/search/suggest?q=ri",
      "/members/ravi",
    ]) {
      expect(memberCacheable(url), url).toBe(true);
    }
  });

  it("leaves settings, administration, notifications, forms and calendar feeds to be rendered", () => {
    for (const url of [
      "/settings",
      "/admin",
      "/admin/audit",
      "/notifications",
      "/login",
      "/join",
      "/language",
      "/health",
      "/documents/new",
      "/documents/d/edit",
      "/forums/c/new",
      "/groups/g/meetings/3/edit",
      "/groups/g/calendar.ics?token=t",
      "/groups/g/join",
      "/documents/d/publish",
      "/__bench/metrics",
    ]) {
      expect(memberCacheable(url), url).toBe(false);
    }
  });
});

describe("sessionServable", () => {
  const day = 86_400_000;
  const now = Date.parse("2026-11-28T12:00:00Z");
  const session = (overrides: Partial<{ expiresAt: number; createdAt: string; status: string }> = {}) => ({
    userId: 1,
    viewVersion: 0,
    status: "approved",
    createdAt: new Date(now - day).toISOString(),
    expiresAt: Math.floor((now + 13 * day) / 1000),
    ...overrides,
  });

  it("serves a live session of an approved member", () => {
    expect(sessionServable(session(), now)).toBe(true);
  });

  it("refuses expired sessions, sessions due for renewal, sessions past 90 days and members not approved", () => {
    expect(sessionServable(session({ expiresAt: Math.floor((now - 1000) / 1000) }), now)).toBe(false);
    expect(sessionServable(session({ expiresAt: Math.floor((now + 6 * day) / 1000) }), now)).toBe(false);
    expect(sessionServable(session({ createdAt: new Date(now - 91 * day).toISOString() }), now)).toBe(false);
    for (const status of ["pending", "rejected", "suspended"])
      expect(sessionServable(session({ status }), now), status).toBe(false);
  });
});
