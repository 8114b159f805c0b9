// Rate limits stored in the database (so a restart does not reset them), as fixed-window
// counters. They are written through their own connection with synchronous=NORMAL: losing the
// last counts in a power cut is harmless, and a search should not wait for an fsync.
import SQLite from "better-sqlite3";
import { databasePath } from "~/utils/env.server";

export const RATE_LIMITS = {
  /** Applications to join, per client address. */
  join: { max: 5, windowSeconds: 3600 },
  /** New topics and replies, per member. */
  post: { max: 30, windowSeconds: 600 },
  /** Flags, per member. */
  flag: { max: 20, windowSeconds: 3600 },
  /** Searches, per member or client address. */
  search: { max: 120, windowSeconds: 60 },
} as const;
export type RateBucket = keyof typeof RATE_LIMITS;

let connection: { file: string; sqlite: SQLite.Database; hit: SQLite.Statement; prune: SQLite.Statement } | undefined;

function statements() {
  const file = databasePath();
  if (!connection || connection.file !== file) {
    connection?.sqlite.close();
    const sqlite = new SQLite(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    connection = {
      file,
      sqlite,
      hit: sqlite.prepare(
        `insert into rate_limit (bucket, subject, window_start, count) values (?, ?, ?, 1)
         on conflict (bucket, subject, window_start) do update set count = count + 1
         returning count`,
      ),
      prune: sqlite.prepare("delete from rate_limit where window_start < ?"),
    };
  }
  return connection;
}

export function closeRateLimits() {
  connection?.sqlite.close();
  connection = undefined;
}

/**
 * Counts one action of `subject` in `bucket`. Returns 0 when it is allowed, else the number of
 * seconds until the next window opens (for a 429 with Retry-After). RATE_LIMITS=off (benchmarks
 * only) disables every limit.
 */
export function rateLimit(bucket: RateBucket, subject: string, now = Date.now()): number {
  if (process.env.RATE_LIMITS === "off") return 0;
  const { max, windowSeconds } = RATE_LIMITS[bucket];
  const seconds = Math.floor(now / 1000);
  const windowStart = seconds - (seconds % windowSeconds);
  const { hit, prune } = statements();
  const { count } = hit.get(bucket, subject, windowStart) as { count: number };
  if (Math.random() < 0.01) prune.run(windowStart - 86_400);
  return count > max ? windowStart + windowSeconds - seconds : 0;
}
