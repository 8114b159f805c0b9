// writeTransaction (app/utils/db.server.ts): how a write behaves while another process holds the
// database's write lock, and what relaxed durability changes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, writeTransaction, type Connection } from "~/utils/db.server";

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close();
});

function freshDatabase(): { file: string; app: Connection; other: Database.Database } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cop-write-")), "portal.sqlite");
  const app = openDatabase(file);
  app.sqlite.exec("create table ledger (id integer primary key, note text not null)");
  // Another server process, as far as SQLite can tell: its own connection to the same file.
  const other = new Database(file);
  other.pragma("busy_timeout = 0");
  opened.push(app.sqlite, other);
  return { file, app, other };
}

describe("writeTransaction", () => {
  it("waits for another process's write lock without stalling this process, then writes", async () => {
    const { app, other } = freshDatabase();
    other.exec("begin immediate");
    other.prepare("insert into ledger (note) values ('theirs')").run();

    // Timers keep firing while the write waits: the process goes on serving other requests.
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    setTimeout(() => other.exec("commit"), 120);
    const started = Date.now();
    const id = await writeTransaction(app.db, async (trx) => {
      const { rows } = await sql<{ id: number }>`insert into ledger (note) values ('ours') returning id`.execute(trx);
      return rows[0].id;
    });
    clearInterval(ticker);

    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(ticks).toBeGreaterThanOrEqual(10);
    expect(id).toBe(2);
    expect(app.sqlite.prepare("select note from ledger order by id").pluck().all()).toEqual(["theirs", "ours"]);
  });

  it("rolls back the whole transaction when its work fails, leaving the connection usable", async () => {
    const { app } = freshDatabase();
    await expect(
      writeTransaction(app.db, async (trx) => {
        await sql`insert into ledger (note) values ('half')`.execute(trx);
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(app.sqlite.prepare("select count(*) from ledger").pluck().get()).toBe(0);
    await writeTransaction(app.db, (trx) => sql`insert into ledger (note) values ('whole')`.execute(trx), {
      durability: "relaxed",
    });
    expect(app.sqlite.prepare("select note from ledger").pluck().all()).toEqual(["whole"]);
    // Relaxed durability lasts for its transaction only.
    expect(app.sqlite.pragma("synchronous", { simple: true })).toBe(2);
  });
});
