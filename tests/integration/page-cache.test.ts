// The page cache's view of the database (app/utils/page-cache.server.ts): it reads committed rows
// only, moves with every durable write in that write's own transaction, and finds who a request is
// with the same reading of the Cookie header as sign-in.
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { databasePath } from "~/utils/env.server";
import { getDb, openReadOnlyDatabase, runBeforeDurableCommit, writeTransaction } from "~/utils/db.server";
import { PageCache } from "~/utils/page-cache.server";
import { getLucia } from "~/utils/auth.server";

const bump = (trx: Parameters<Parameters<typeof writeTransaction>[1]>[0]) =>
  sql`update content_version set version = version + 1 where id = 1`.execute(trx);
const newCache = () => new PageCache(openReadOnlyDatabase(databasePath()), getDb());
const target = (path: string) => new URL(`http://cop.test${path}`);

afterEach(() => runBeforeDurableCommit(undefined));

describe("the page cache's version", () => {
  it("never reads another request's uncommitted transaction", async () => {
    const cache = newCache();
    const before = cache.currentVersion();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    const write = writeTransaction(getDb(), async (trx) => {
      await bump(trx);
      inside();
      await held;
    });
    await entered;
    // The shared connection is inside the transaction; the cache must still see the committed version.
    expect(cache.currentVersion()).toBe(before);
    release();
    await write;
    expect(cache.currentVersion()).toBe(before + 1);
  });

  it("moves inside every durable write transaction, and not when it rolls back or is relaxed", async () => {
    const cache = newCache();
    runBeforeDurableCommit(bump);
    const start = cache.currentVersion();
    await writeTransaction(getDb(), async () => undefined);
    expect(cache.currentVersion()).toBe(start + 1);
    await expect(
      writeTransaction(getDb(), async () => {
        throw new Error("refused half-way");
      }),
    ).rejects.toThrow("refused half-way");
    expect(cache.currentVersion()).toBe(start + 1);
    await writeTransaction(getDb(), async () => undefined, { durability: "relaxed" });
    expect(cache.currentVersion()).toBe(start + 1);
  });
});

describe("where a request's answer is cached", () => {
  it("keys anonymous pages by host, language and address; a session cookie spelled two ways gets no slot", async () => {
    const cache = newCache();
    const anonymous = cache.slotFor("GET", target("/library"), { "accept-language": "fr" });
    expect(anonymous).toEqual({ key: "anonymous fr cop.test /library", owner: null });
    const otherHost = cache.slotFor("GET", new URL("http://evil.example/library"), { "accept-language": "fr" });
    expect(otherHost!.key).not.toBe(anonymous!.key);
    for (const cookie of ["cop_session=a; cop_session=b", "cop%5Fsession=a", "COP_SESSION=a"]) {
      expect(cache.slotFor("GET", target("/library"), { cookie }), cookie).toBeNull();
    }
    expect(cache.slotFor("POST", target("/library"), {})).toBeNull();
    expect(cache.slotFor("GET", target("/search?q=x"), {})).toBeNull();
  });

  it("gives a member's reading page a slot of their own, and personal pages none, however the path is spelled", async () => {
    const db = getDb();
    const member = await db.selectFrom("user").select("id").where("email", "=", "member@demo.test").executeTakeFirstOrThrow();
    const session = await getLucia().createSession(member.id, {
      created_at: new Date().toISOString(),
      user_agent: "",
      ip_address: "",
    });
    const cache = newCache();
    const cookie = `lang=vi;cop_session=${session.id};`;
    const slot = cache.slotFor("GET", target("/groups"), { cookie });
    expect(slot?.owner).toBe(member.id);
    expect(slot?.key).toContain(`member ${member.id} `);
    for (const path of ["/settings", "/t/%2e%2e/settings", "/SETTINGS", "/%73ettings", "/settings.data", "/admin/audit"]) {
      expect(cache.slotFor("GET", target(path), { cookie }), path).toBeNull();
    }
  });
});
