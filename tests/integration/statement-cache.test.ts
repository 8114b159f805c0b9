import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase, withStatementCache, writeTransaction } from "~/utils/db.server";

function scratch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cop-stmt-"));
  return path.join(dir, "portal.sqlite");
}

describe("prepared statements kept per connection", () => {
  it("prepares a query once and reuses it, dropping the least recently used beyond its size", () => {
    const sqlite = new SQLite(":memory:");
    let prepared = 0;
    const original = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((text: string) => {
      prepared++;
      return original(text);
    }) as typeof sqlite.prepare;
    const cache = withStatementCache(sqlite, 2);
    const one = cache.prepare("select 1");
    expect(cache.prepare("select 1")).toBe(one);
    expect(prepared).toBe(1);
    cache.prepare("select 2");
    cache.prepare("select 1"); // now the most recently used
    cache.prepare("select 3"); // drops "select 2"
    expect(prepared).toBe(3);
    expect(cache.prepare("select 1")).toBe(one);
    cache.prepare("select 2");
    expect(prepared).toBe(4);
    cache.close();
  });

  it("answers the same query while an iteration of it is still open, and streams through kysely", async () => {
    const sqlite = new SQLite(":memory:");
    sqlite.exec("create table item (id integer primary key, name text)");
    sqlite.exec("insert into item (name) values ('a'), ('b'), ('c')");
    const cache = withStatementCache(sqlite);
    const text = "select name from item order by id";
    const seen: unknown[] = [];
    for (const row of cache.prepare(text).iterate([])) {
      expect(cache.prepare(text).all([])).toHaveLength(3);
      seen.push(row);
    }
    expect(seen).toHaveLength(3);
    const db = new Kysely<{ item: { id: number; name: string } }>({ dialect: new SqliteDialect({ database: cache }) });
    const streamed: string[] = [];
    for await (const row of db.selectFrom("item").select("name").orderBy("id").stream()) streamed.push(row.name);
    expect(streamed).toEqual(["a", "b", "c"]);
    expect(await db.selectFrom("item").select("name").orderBy("id").execute()).toHaveLength(3);
    await db.destroy();
  });

  it("keeps transactions working: a rolled-back write leaves nothing, a committed one stays", async () => {
    const file = scratch();
    const { db, sqlite } = openDatabase(file);
    sqlite.exec("create table ledger (id integer primary key, note text not null)");
    const insert = (trx: typeof db, note: string) =>
      trx
        .insertInto("ledger" as never)
        .values({ note } as never)
        .execute();
    await expect(
      writeTransaction(db, async (trx) => {
        await insert(trx, "lost");
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    for (let i = 0; i < 3; i++) await writeTransaction(db, (trx) => insert(trx, `kept ${i}`));
    const { rows } = await sql<{ note: string }>`select note from ledger order by id`.execute(db);
    expect(rows.map((r) => r.note)).toEqual(["kept 0", "kept 1", "kept 2"]);
    await db.destroy();
  });
});
