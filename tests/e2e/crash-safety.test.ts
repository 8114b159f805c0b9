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

describe("crash safety", () => {
  it("keeps every acknowledged write and an intact database after SIGKILL mid-stream", async () => {
    const server = await startServer({ env: { RATE_LIMITS: "off", WEB_CONCURRENCY: "1" } });
    const acknowledged: number[] = [];
    let n = 0;
    let killed = false;
    const writers = Array.from({ length: 4 }, async () => {
      while (!killed) {
        const mine = n++;
        try {
          if (await apply(server.url, mine)) acknowledged.push(mine);
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
        (db.prepare("select email from user where email like 'crash-%'").all() as Array<{ email: string }>).map((row) => row.email),
      );
      const missing = acknowledged.filter((i) => !found.has(`crash-${i}@example.org`));
      expect(missing).toEqual([]);
      console.log(`crash safety: ${acknowledged.length} writes acknowledged, ${found.size} found after the restart`);
    } finally {
      db.close();
    }
  });
});
