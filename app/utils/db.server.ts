// The one place that opens the SQLite database and sets its pragmas.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql, type SqliteDatabase, type SqliteStatement, type Transaction } from "kysely";
import type { Database } from "~db/schema";
import { databasePath } from "./env.server";

export type DB = Kysely<Database>;
export type Tx = Transaction<Database> | Kysely<Database>;

export interface Connection {
  sqlite: SQLite.Database;
  db: DB;
}

/** How long a write waits for another process's write lock before it fails. */
const WRITE_LOCK_TIMEOUT_MS = 5000;
const BUSY_TIMEOUT_MS = 5000;

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
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // FULL: a write acknowledged to a member survives a power cut, at a small cost per commit.
  sqlite.pragma("synchronous = FULL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { sqlite, db };
}

/**
 * A read-only connection of its own, for readers that must only ever see committed rows (the page
 * cache): the shared connection may be inside another request's transaction at any moment.
 */
export function openReadOnlyDatabase(file: string): SQLite.Database {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return sqlite;
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

export interface WriteOptions {
  /**
   * "relaxed": committed with synchronous=NORMAL, without waiting for an fsync. Only for state whose
   * last changes may be lost in a power cut without harm (read positions, counters); what members
   * write is always committed with synchronous=FULL.
   */
  durability?: "full" | "relaxed";
}

const RETRY = Symbol("retry");

type CommitHook = (trx: DB) => Promise<unknown>;
let beforeDurableCommit: CommitHook | undefined;

/**
 * Work added to every durable write transaction just before it commits, as part of it (the server
 * moves the page cache's version there, so no page can be served stale between a commit and the
 * increment). Relaxed transactions (read positions, counters) do not run it.
 */
export function runBeforeDurableCommit(hook: CommitHook | undefined) {
  beforeDurableCommit = hook;
}

/**
 * Runs `work` in a write transaction that takes the write lock up front (BEGIN IMMEDIATE), so a
 * read-then-write never fails half-way with SQLITE_BUSY when another process writes meanwhile.
 *
 * The lock is asked for without SQLite's busy handler, which would sleep inside the synchronous
 * driver and stall every request of this process; while another process holds the lock, this one
 * keeps serving and asks again a moment later.
 */
export async function writeTransaction<T>(db: DB, work: (trx: DB) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  const relaxed = options.durability === "relaxed";
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    const outcome = await db.connection().execute(async (conn): Promise<{ value: T } | typeof RETRY> => {
      // The safety level cannot change inside a transaction: set before it begins, reset after it ends.
      if (relaxed) await sql`pragma synchronous = NORMAL`.execute(conn);
      try {
        if (!(await beginImmediate(conn))) return RETRY;
        try {
          const value = await work(conn);
          if (!relaxed && beforeDurableCommit) await beforeDurableCommit(conn);
          await sql`commit`.execute(conn);
          return { value };
        } catch (error) {
          await sql`rollback`.execute(conn);
          throw error;
        }
      } finally {
        if (relaxed) await sql`pragma synchronous = FULL`.execute(conn);
      }
    });
    if (outcome !== RETRY) return outcome.value;
    if (Date.now() - started > WRITE_LOCK_TIMEOUT_MS)
      throw new Error("The database stayed locked by another process for too long.");
    await new Promise((resolve) => setTimeout(resolve, Math.min(8, 1 << Math.min(attempt, 3))));
  }
}

/** BEGIN IMMEDIATE without waiting: false when another process holds the write lock. */
async function beginImmediate(conn: DB): Promise<boolean> {
  await sql.raw(`pragma busy_timeout = 0`).execute(conn);
  try {
    await sql`begin immediate`.execute(conn);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return false;
    throw error;
  } finally {
    await sql.raw(`pragma busy_timeout = ${BUSY_TIMEOUT_MS}`).execute(conn);
  }
}

export const nowIso = () => new Date().toISOString();
