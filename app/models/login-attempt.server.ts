// Sign-in throttling, stored in the database so that a restart does not reset it.
//
// Failures are counted three ways over a sliding 15-minute window (docs/decisions/004):
// - per account *and* address: a tight limit (5); a success from that address starts it over;
// - per address, whatever the account: a broader limit (20), against trying many accounts;
// - per account from every address: a progressive delay after 10 failures (1 s, 2 s, 4 s … at
//   most 60 s between attempts) and a ceiling of 30. An address that signed in to the account in
//   the last 30 days is exempt, so attackers elsewhere cannot lock the owner out.
// The check and the count are one step: the attempt is reserved (written as a failure) inside a
// BEGIN IMMEDIATE transaction before the password is verified, and settled afterwards. Concurrent
// attempts therefore see each other: 12 at once against a limit of 5 let exactly 5 through.
import { sql } from "kysely";
import { getDb, writeTransaction, type Tx } from "~/utils/db.server";

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_PAIR = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const ACCOUNT_SLOWDOWN_AFTER = 10;
export const ACCOUNT_MAX_DELAY_SECONDS = 60;
export const MAX_FAILURES_PER_ACCOUNT = 30;
export const KNOWN_ADDRESS_DAYS = 30;

export type LoginReservation = { allowed: true; attemptId: number } | { allowed: false; retryAfter: number };

/**
 * Seconds until one more attempt fits `limit` failures in the window, given the failures counted
 * (newest first), or 0 when it fits now.
 */
function windowWait(failures: string[], limit: number, now: number): number {
  if (failures.length < limit) return 0;
  const oldestCounted = Date.parse(failures[limit - 1]);
  return Math.max(1, Math.ceil((oldestCounted + LOGIN_WINDOW_MINUTES * 60_000 - now) / 1000));
}

async function failuresSince(
  db: Tx,
  where: { email?: string; ipAddress?: string },
  since: string,
  limit: number,
): Promise<string[]> {
  let query = db.selectFrom("login_attempt").select("at").where("succeeded", "=", 0).where("at", ">", since);
  if (where.email !== undefined) query = query.where("email", "=", where.email);
  if (where.ipAddress !== undefined) query = query.where("ip_address", "=", where.ipAddress);
  const rows = await query.orderBy("at", "desc").limit(limit).execute();
  return rows.map((row) => row.at);
}

/** Seconds to wait before this attempt may be made, 0 when it may be made now. Read inside the reserving transaction. */
export async function loginWait(db: Tx, email: string, ipAddress: string, now = Date.now()): Promise<number> {
  const windowStart = new Date(now - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  const lastPairSuccess = await db
    .selectFrom("login_attempt")
    .select((eb) => eb.fn.max("at").as("at"))
    .where("email", "=", email)
    .where("ip_address", "=", ipAddress)
    .where("succeeded", "=", 1)
    .executeTakeFirst();
  const knownSince = new Date(now - KNOWN_ADDRESS_DAYS * 86_400_000).toISOString();
  const known = Boolean(lastPairSuccess?.at && lastPairSuccess.at > knownSince);
  // The pair's count starts over at its last success.
  const pairSince = lastPairSuccess?.at && lastPairSuccess.at > windowStart ? lastPairSuccess.at : windowStart;
  const waits = [
    windowWait(await failuresSince(db, { email, ipAddress }, pairSince, MAX_FAILURES_PER_PAIR), MAX_FAILURES_PER_PAIR, now),
    windowWait(await failuresSince(db, { ipAddress }, windowStart, MAX_FAILURES_PER_ADDRESS), MAX_FAILURES_PER_ADDRESS, now),
  ];
  if (!known) {
    const account = await failuresSince(db, { email }, windowStart, MAX_FAILURES_PER_ACCOUNT);
    waits.push(windowWait(account, MAX_FAILURES_PER_ACCOUNT, now));
    if (account.length >= ACCOUNT_SLOWDOWN_AFTER) {
      const delay = Math.min(2 ** (account.length - ACCOUNT_SLOWDOWN_AFTER), ACCOUNT_MAX_DELAY_SECONDS);
      const wait = Date.parse(account[0]) + delay * 1000 - now;
      if (wait > 0) waits.push(Math.ceil(wait / 1000));
    }
  }
  return Math.max(...waits);
}

/**
 * Checks the limits and, when the attempt is allowed, counts it as a failure in the same
 * BEGIN IMMEDIATE transaction, before the password is verified. Settle it with settleLoginAttempt.
 */
export async function reserveLoginAttempt(email: string, ipAddress: string, now = Date.now()): Promise<LoginReservation> {
  if (process.env.RATE_LIMITS === "off") {
    const row = await getDb()
      .insertInto("login_attempt")
      .values({ email, ip_address: ipAddress, succeeded: 0, at: new Date(now).toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { allowed: true, attemptId: row.id };
  }
  return writeTransaction(
    getDb(),
    async (trx) => {
      const retryAfter = await loginWait(trx, email, ipAddress, now);
      if (retryAfter > 0) return { allowed: false, retryAfter };
      const row = await trx
        .insertInto("login_attempt")
        .values({ email, ip_address: ipAddress, succeeded: 0, at: new Date(now).toISOString() })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (Math.random() < 0.01) await pruneLoginAttempts(trx, now);
      return { allowed: true, attemptId: row.id };
    },
    { durability: "relaxed" },
  );
}

/** Records the outcome of a reserved attempt: a success makes the address known for the account. */
export async function settleLoginAttempt(attemptId: number, succeeded: boolean) {
  if (!succeeded) return;
  await writeTransaction(
    getDb(),
    (trx) => trx.updateTable("login_attempt").set({ succeeded: 1 }).where("id", "=", attemptId).execute(),
    {
      durability: "relaxed",
    },
  );
}

/** Failures are kept as long as the window needs them; successes as long as they make an address known. */
export async function pruneLoginAttempts(db: Tx, now = Date.now()) {
  const failuresBefore = new Date(now - 24 * 3600_000).toISOString();
  const successesBefore = new Date(now - KNOWN_ADDRESS_DAYS * 86_400_000).toISOString();
  await sql`delete from login_attempt where (succeeded = 0 and at < ${failuresBefore}) or at < ${successesBefore}`.execute(db);
}
