// Crash safety: a stream of writes to the real server, a SIGKILL in the middle of it, a restart on
// the same database file. The database must pass integrity_check and hold every write that was
// acknowledged to its sender.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { startServer } from "./support/server";

async function apply(base: string, n: number): Promise<boolean> {
  const res = await fetch(`${base}/join`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      email: `crash-${n}@example.org`,
      password: "a-long-enough-password",
      displayName: `Crash test ${n}`,
      username: `crash${n}`,
      organization: "Durability Office",
      country: "FR",
      memberType: "academia",
      language: "fr",
    }),
  });
  return res.status === 302;
}

async function reply(base: string, cookie: string, topicPath: string, n: number): Promise<boolean> {
  const res = await fetch(`${base}${topicPath}`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: base, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "reply", body: `Crash-test reply ${n}` }),
  });
  return res.status === 302;
}

describe("crash safety", () => {
  it("keeps every acknowledged write and an intact database after SIGKILL mid-stream", async () => {
    const server = await startServer({ env: { RATE_LIMITS: "off", WEB_CONCURRENCY: "1" } });
    const login = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "member@demo.test", password: "demo-password" }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const listing = await (await fetch(`${server.url}/forums/introductions`)).text();
    const topicPath = /href="\/t\/(\d+)\//.exec(listing)![0].slice(6, -1);
    const acknowledged: number[] = [];
    const acknowledgedReplies: number[] = [];
    let n = 0;
    let killed = false;
    // Applications (a new account each) and forum replies, side by side.
    const writers = Array.from({ length: 4 }, async (_, w) => {
      while (!killed) {
        const mine = n++;
        try {
          if (w % 2 === 0) {
            if (await apply(server.url, mine)) acknowledged.push(mine);
          } else if (await reply(server.url, cookie, topicPath, mine)) acknowledgedReplies.push(mine);
        } catch {
          // The connection died with the server: this write was never acknowledged.
        }
      }
    });
    // Let the writes flow, then kill the server without warning.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const exited = new Promise((resolve) => server.process.once("exit", resolve));
    server.process.kill("SIGKILL");
    killed = true;
    await Promise.all(writers);
    await exited;
    expect(acknowledged.length).toBeGreaterThan(5);

    const restarted = await startServer({ databaseFile: server.databaseFile });
    try {
      expect((await fetch(`${restarted.url}/health`)).status).toBe(200);
    } finally {
      await restarted.stop();
    }
    const db = new Database(server.databaseFile, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const found = new Set(
        (db.prepare("select email from user where email like 'crash-%'").all() as Array<{ email: string }>).map(
          (row) => row.email,
        ),
      );
      const missing = acknowledged.filter((i) => !found.has(`crash-${i}@example.org`));
      expect(missing).toEqual([]);
      const replies = new Set(
        (db.prepare("select body_md from post where body_md like 'Crash-test reply %'").all() as Array<{ body_md: string }>).map(
          (row) => row.body_md,
        ),
      );
      const missingReplies = acknowledgedReplies.filter((i) => !replies.has(`Crash-test reply ${i}`));
      expect(missingReplies).toEqual([]);
      expect(acknowledgedReplies.length).toBeGreaterThan(5);
      console.log(
        `crash safety: ${acknowledged.length + acknowledgedReplies.length} writes acknowledged ` +
          `(${acknowledged.length} applications, ${acknowledgedReplies.length} replies), ${found.size + replies.size} found after the restart`,
      );
    } finally {
      db.close();
    }
  });
});
