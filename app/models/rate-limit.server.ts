// Rate limits stored in the database (so a restart does not reset them), as fixed-window
// counters. They share the site's connection (a second connection in the same process could wait
// on the first one's lock while blocking the event loop the first one needs), and are committed
// with relaxed durability: losing the last counts in a power cut is harmless, and a search should
// not wait for an fsync.
import { sql } from "kysely";
import { getDb, writeTransaction } from "~/utils/db.server";

export const RATE_LIMITS = {
  /** Applications to join, per client address. */
  join: { max: 5, windowSeconds: 3600 },
  /** New topics and replies, per member. */
  post: { max: 30, windowSeconds: 600 },
  /** Flags, per member. */
  flag: { max: 20, windowSeconds: 3600 },
  /** Searches, per member or client address. */
  search: { max: 120, windowSeconds: 60 },
  /** Codes typed at the second step of signing in, per account. */
  twoFactorAccount: { max: 10, windowSeconds: 900 },
  /** Codes typed at the second step of signing in, per client address. */
  twoFactorAddress: { max: 30, windowSeconds: 900 },
  /** Confirming an enrolment, regenerating recovery codes, turning two-factor off: per account. */
  twoFactorManage: { max: 10, windowSeconds: 900 },
} as const;
export type RateBucket = keyof typeof RATE_LIMITS;

/**
 * Counts one action of `subject` in `bucket`. Resolves to 0 when it is allowed, else the number of
 * seconds until the next window opens (for a 429 with Retry-After). RATE_LIMITS=off (benchmarks
 * and bulk tests only) disables every limit.
 */
export async function rateLimit(bucket: RateBucket, subject: string, now = Date.now()): Promise<number> {
  if (process.env.RATE_LIMITS === "off") return 0;
  const { max, windowSeconds } = RATE_LIMITS[bucket];
  const seconds = Math.floor(now / 1000);
  const windowStart = seconds - (seconds % windowSeconds);
  const count = await writeTransaction(
    getDb(),
    async (trx) => {
      const { rows } = await sql<{ count: number }>`insert into rate_limit (bucket, subject, window_start, count)
        values (${bucket}, ${subject}, ${windowStart}, 1)
        on conflict (bucket, subject, window_start) do update set count = count + 1
        returning count`.execute(trx);
      if (Math.random() < 0.01) await sql`delete from rate_limit where window_start < ${windowStart - 86_400}`.execute(trx);
      return rows[0]?.count ?? 1;
    },
    { durability: "relaxed" },
  );
  return count > max ? windowStart + windowSeconds - seconds : 0;
}
