// The page cache for signed-in members (app/utils/page-cache.server.ts): a member's reading pages
// come from memory until something changes what that member would see, and never reach anyone else.
// Its own server, because the tests change sessions and read positions directly in the database,
// as an operator's script would, where no write request invalidates anything.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./support/server";
import { sessionCookieFor } from "./support/session";

let server: RunningServer;
let db: Database.Database;

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMITS: "off" } });
  db = new Database(server.databaseFile);
});

afterAll(async () => {
  db?.close();
  await server?.stop();
});

const signIn = (email: string) => sessionCookieFor(server.url, email);

const get = (path: string, cookie?: string) =>
  fetch(`${server.url}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
/** Follows redirects (a topic's canonical address, then the first unread post) to the page itself. */
async function view(path: string, cookie: string): Promise<{ res: Response; path: string }> {
  for (let hops = 0; hops < 5; hops++) {
    const res = await get(path, cookie);
    const location = res.headers.get("location");
    if (res.status < 300 || res.status >= 400 || !location) return { res, path };
    path = location.split("#")[0];
  }
  throw new Error(`too many redirects from ${path}`);
}
const sessionId = (cookie: string) => /cop_session=([^;]+)/.exec(cookie)![1];

/** The row of a topic table that links to the topic. */
function topicRow(html: string, topicId: number): string {
  const row = [...html.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((tr) => tr.includes(`href="/t/${topicId}/`));
  expect(row, `topic ${topicId} is listed`).toBeDefined();
  return row!;
}

describe("the page cache for signed-in members", () => {
  it("answers a member's second view of a page from memory and never gives it to anyone else", async () => {
    const chair = await signIn("chair@demo.test");
    expect((await get("/groups", chair)).headers.get("x-cache")).toBe("miss");
    const hit = await get("/groups", chair);
    expect(hit.headers.get("x-cache")).toBe("hit");
    expect(hit.headers.get("set-cookie")).toBeNull();
    const html = await hit.text();
    expect(html).toContain("Pilot programme coordination group");
    expect(html).toContain("Nguyễn Thị Lan");

    // Another member renders their own page, without the private group or the chair's name.
    const member = await signIn("member@demo.test");
    const theirs = await get("/groups", member);
    expect(theirs.headers.get("x-cache")).toBe("miss");
    const theirHtml = await theirs.text();
    expect(theirHtml).not.toContain("Pilot programme coordination group");
    expect(theirHtml).toContain("Tan Wei Ming");
    expect(theirHtml).not.toContain("Nguyễn Thị Lan");
    const anonymous = await (await get("/groups")).text();
    expect(anonymous).not.toContain("Pilot programme coordination group");
  });

  it("renders settings, administration and notifications every time", async () => {
    const admin = await signIn("admin@demo.test");
    for (const path of ["/settings", "/admin", "/notifications"]) {
      await get(path, admin);
      expect((await get(path, admin)).headers.get("x-cache"), path).toBeNull();
    }
  });

  it("stops answering from memory the moment the session ends, is suspended or is due for renewal", async () => {
    const memberId = (db.prepare("select id from user where email = 'member@demo.test'").get() as { id: number }).id;

    // Expired in the database (no write request, so nothing else invalidates the cache).
    let cookie = await signIn("member@demo.test");
    await get("/library", cookie);
    expect((await get("/library", cookie)).headers.get("x-cache")).toBe("hit");
    db.prepare("update session set expires_at = ? where id = ?").run(Math.floor(Date.now() / 1000) - 1, sessionId(cookie));
    let res = await get("/library", cookie);
    expect(res.headers.get("x-cache")).not.toBe("hit");
    expect(await res.text()).not.toContain("Tan Wei Ming");

    // Suspended behind the application's back.
    cookie = await signIn("member@demo.test");
    await get("/library", cookie);
    expect((await get("/library", cookie)).headers.get("x-cache")).toBe("hit");
    db.prepare("update user set status = 'suspended' where id = ?").run(memberId);
    try {
      res = await get("/library", cookie);
      expect(res.headers.get("x-cache")).not.toBe("hit");
      expect(await res.text()).not.toContain("Tan Wei Ming");
    } finally {
      db.prepare("update user set status = 'approved' where id = ?").run(memberId);
    }

    // In the second half of its life a session is renewed, which only a rendered answer can do.
    cookie = await signIn("member@demo.test");
    await get("/library", cookie);
    expect((await get("/library", cookie)).headers.get("x-cache")).toBe("hit");
    db.prepare("update session set expires_at = ? where id = ?").run(
      Math.floor(Date.now() / 1000) + 3 * 86_400,
      sessionId(cookie),
    );
    res = await get("/library", cookie);
    expect(res.headers.get("x-cache")).not.toBe("hit");
    expect(res.headers.getSetCookie().some((c) => c.startsWith("cop_session="))).toBe(true);
    expect(await res.text()).toContain("Tan Wei Ming");
  });

  it("shows a topic list that follows the member's reading, not the one cached before it", async () => {
    const member = await signIn("member@demo.test");
    const memberId = (db.prepare("select id from user where email = 'member@demo.test'").get() as { id: number }).id;
    const topic = db
      .prepare(
        `select t.id, c.slug as category from topic t join category c on c.id = t.category_id
         where c.visibility = 'public' and t.deleted_at is null and t.post_count between 3 and 20
         order by t.last_post_at desc limit 1`,
      )
      .get() as { id: number; category: string };
    expect(topic).toBeDefined();
    // The member has read the first post only.
    db.prepare("delete from topic_read where user_id = ? and topic_id = ?").run(memberId, topic.id);
    db.prepare("insert into topic_read (user_id, topic_id, last_read_number, updated_at) values (?, ?, 1, ?)").run(
      memberId,
      topic.id,
      new Date().toISOString(),
    );

    // A list rendered after that direct change would still be served from an earlier render, so
    // render twice with a write in between to start from a fresh cache.
    await fetch(`${server.url}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: server.url, cookie: member, "content-type": "application/x-www-form-urlencoded" },
      body: "language=en&redirectTo=/",
    });
    const list = `/forums/${topic.category}`;
    expect((await get(list, member)).headers.get("x-cache")).toBe("miss");
    const before = await get(list, member);
    expect(before.headers.get("x-cache")).toBe("hit");
    expect(topicRow(await before.text(), topic.id)).toContain("unread-badge");

    // Reading the topic moves the read position (a GET), so the cached list is not served again.
    const read = await view(`/t/${topic.id}`, member);
    expect(read.res.status).toBe(200);
    const after = await get(list, member);
    expect(after.headers.get("x-cache")).toBe("miss");
    expect(topicRow(await after.text(), topic.id)).not.toContain("unread-badge");
    expect((await get(list, member)).headers.get("x-cache")).toBe("hit");
  });

  it("shows every member the reply another member has just posted", async () => {
    const member = await signIn("member@demo.test");
    const chair = await signIn("chair@demo.test");
    const topic = db
      .prepare(
        `select t.id from topic t join category c on c.id = t.category_id
         where c.visibility = 'public' and t.deleted_at is null and t.locked = 0 and t.post_count < 20 order by t.id limit 1`,
      )
      .get() as { id: number };
    const { path: page } = await view(`/t/${topic.id}`, member);
    await get(page, member);
    expect((await get(page, member)).headers.get("x-cache")).toBe("hit");
    const reply = await fetch(`${server.url}/t/${topic.id}`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: server.url, cookie: chair, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "reply", body: "A reply the cache must not hide: calibration drift log." }),
    });
    expect(reply.status).toBe(302);
    // The member is taken to the new post, rendered afresh.
    const fresh = await view(page, member);
    expect(fresh.res.headers.get("x-cache")).toBe("miss");
    expect(await fresh.res.text()).toContain("calibration drift log");
  });
});
