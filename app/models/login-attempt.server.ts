// Sign-in throttling, stored in the database so that a restart does not reset it.
import type { Tx } from "~/utils/db.server";

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export async function recordLoginAttempt(db: Tx, email: string, ipAddress: string, succeeded: boolean) {
  await db
    .insertInto("login_attempt")
    .values({ email, ip_address: ipAddress, succeeded: succeeded ? 1 : 0, at: new Date().toISOString() })
    .execute();
}

/**
 * Seconds until another attempt is allowed for this account or address, or 0 when allowed now.
 * Failures age out of a sliding window, so throttling never becomes a permanent lock-out.
 */
export async function loginRetryAfter(db: Tx, email: string, ipAddress: string, now = Date.now()): Promise<number> {
  const since = new Date(now - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  const check = async (column: "email" | "ip_address", value: string, limit: number) => {
    const failures = await db
      .selectFrom("login_attempt")
      .select("at")
      .where(column, "=", value)
      .where("succeeded", "=", 0)
      .where("at", ">", since)
      .orderBy("at", "desc")
      .limit(limit)
      .execute();
    if (failures.length < limit) return 0;
    const oldestCounted = Date.parse(failures[failures.length - 1].at);
    return Math.max(1, Math.ceil((oldestCounted + LOGIN_WINDOW_MINUTES * 60_000 - now) / 1000));
  };
  return Math.max(
    await check("email", email, MAX_FAILURES_PER_ACCOUNT),
    await check("ip_address", ipAddress, MAX_FAILURES_PER_ADDRESS),
  );
}

/** Old attempts are only kept as long as the window needs them. */
export async function pruneLoginAttempts(db: Tx, now = Date.now()) {
  const before = new Date(now - 24 * 3600_000).toISOString();
  await db.deleteFrom("login_attempt").where("at", "<", before).execute();
}
