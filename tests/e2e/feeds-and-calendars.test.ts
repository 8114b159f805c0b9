// Feeds and calendars as feed readers and calendar applications use them: conditional requests
// answered 304, the language they vary on, autodiscovery, refresh hints, and plain 404s that leave
// nothing in the server's log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./support/server";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMITS: "off" } });
});

afterAll(async () => {
  await server?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers, redirect: "manual" });

describe("feeds and calendars", () => {
  for (const path of ["/library/feed.xml", "/forums/introductions/feed.xml", "/groups/evaluation-procedures/calendar.ics"]) {
    it(`answer ${path} with validators, and 304 when the client's copy is current`, async () => {
      const first = await get(path);
      expect(first.status).toBe(200);
      const etag = first.headers.get("etag");
      const lastModified = first.headers.get("last-modified");
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(lastModified).toMatch(/GMT$/);
      // Rendered, then from the page cache: both answer the condition.
      for (let round = 0; round < 2; round++) {
        const again = await get(path, { "if-none-match": etag! });
        expect(again.status, `round ${round}`).toBe(304);
        expect(again.headers.get("etag")).toBe(etag);
        expect(await again.text()).toBe("");
      }
      expect((await get(path, { "if-modified-since": lastModified! })).status).toBe(304);
      expect((await get(path, { "if-none-match": '"something-else"' })).status).toBe(200);
    });
  }

  it("say which language the library feed is in, and vary on what chooses it", async () => {
    const byHeader = await get("/library/feed.xml", { "accept-language": "fr" });
    expect(byHeader.headers.get("vary")).toMatch(/Accept-Language/);
    expect(await byHeader.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">');
    const byAddress = await get("/library/feed.xml?lang=vi", { "accept-language": "fr" });
    expect(byAddress.headers.get("vary")).toBeNull();
    const xml = await byAddress.text();
    expect(xml).toContain('xml:lang="vi">');
    expect(xml).toMatch(/<entry xml:lang="(en|fr|vi)">/);
  });

  it("let feed readers discover a public category's feed from its page, and only a public one's", async () => {
    const page = await (await get("/forums/introductions")).text();
    expect(page).toMatch(/<link rel="alternate" type="application\/atom\+xml" href="\/forums\/introductions\/feed.xml"/);
    const membersOnly = await (await get("/forums/data-protection")).text();
    expect(membersOnly).not.toContain("application/atom+xml");
  });

  it("ask calendar applications to refresh subscribed feeds hourly", async () => {
    const ics = await (await get("/groups/evaluation-procedures/calendar.ics")).text();
    expect(ics).toContain("X-PUBLISHED-TTL:PT1H");
    expect(ics).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(ics).toMatch(new RegExp(`UID:meeting-\\d+@${new URL(server.url).host.replace(/[.:]/g, "\\$&")}`));
  });

  it("answer unknown and private feeds and calendars with a plain 404, and log nothing", async () => {
    const before = server.output().length;
    for (const path of [
      "/forums/nope/feed.xml",
      "/forums/pilot-coordination-internal/feed.xml",
      "/forums/data-protection/feed.xml",
      "/groups/nope/calendar.ics",
      "/groups/pilot-coordination/calendar.ics",
      "/groups/pilot-coordination/calendar.ics?token=forged",
      "/groups/evaluation-procedures/meetings/999999/meeting.ics",
      "/groups/evaluation-procedures/meetings/abc/meeting.ics",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toBe("text/plain; charset=utf-8");
      expect(await res.text(), path).toBe("Not found.\n");
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the log reach us
    expect(server.output().slice(before)).toBe("");
  });
});
