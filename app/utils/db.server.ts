// The one place that opens the SQLite database and sets its pragmas.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { databasePath } from "./env.server";

export type DB = Kysely<Database>;
export type Tx = Transaction<Database> | Kysely<Database>;

export interface Connection {
  sqlite: SQLite.Database;
  db: DB;
}

export function openDatabase(file: string): Connection {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // FULL: a write acknowledged to a member survives a power cut, at a small cost per commit.
  sqlite.pragma("synchronous = FULL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { sqlite, db };
}

let connection: (Connection & { file: string }) | undefined;

/** The process-wide connection to the database named by DATABASE_URL. */
export function getConnection(): Connection {
  const file = databasePath();
  if (!connection || connection.file !== file) {
    connection?.sqlite.close();
    connection = { ...openDatabase(file), file };
  }
  return connection;
}

export function getDb(): DB {
  return getConnection().db;
}

export function closeDatabase() {
  connection?.sqlite.close();
  connection = undefined;
}

/**
 * Runs `work` in a write transaction that takes the write lock up front (BEGIN IMMEDIATE), so a
 * read-then-write never fails half-way with SQLITE_BUSY when another process writes meanwhile.
 */
export async function writeTransaction<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

export const nowIso = () => new Date().toISOString();
