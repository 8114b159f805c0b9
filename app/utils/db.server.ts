// The one place that opens the SQLite database and sets its pragmas.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql, type SqliteDatabase, type SqliteStatement, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { databasePath } from "./env.server";

export type DB = Kysely<Database>;
export type Tx = Transaction<Database> | Kysely<Database>;

export interface Connection {
  sqlite: SQLite.Database;
  db: DB;
}

/** How many distinct prepared statements a connection keeps for reuse. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Hands kysely the connection with its prepared statements kept by SQL text (least recently used
 * dropped first), so a query that runs on every request is compiled by SQLite once, not each time.
 * A statement still being iterated (a streamed select) is busy and cannot run twice at once: a
 * fresh one is prepared for that call instead.
 */
export function withStatementCache(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare(text: string): SqliteStatement {
      const cached = statements.get(text);
      if (cached) {
        statements.delete(text);
        statements.set(text, cached);
        return cached.busy ? sqlite.prepare(text) : cached;
      }
      const statement = sqlite.prepare(text);
      statements.set(text, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}

export function openDatabase(file: string): Connection {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // FULL: a write acknowledged to a member survives a power cut, at a small cost per commit.
  sqlite.pragma("synchronous = FULL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
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
