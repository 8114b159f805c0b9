// Two-factor sign-in: enrolment, the second step of signing in, remembered browsers, recovery
// codes, turning it off and an administrator's reset. Every change is audited in its transaction.
import { recordAudit } from "~/models/audit.server";
import {
  findPendingSignIn,
  findTwoFactor,
  forgetBrowsers,
  looksLikeTotp,
  matchTotpStep,
  MAX_PENDING_FAILURES,
  newToken,
  newTotpSecret,
  PENDING_SIGN_IN_MINUTES,
  REMEMBER_BROWSER_DAYS,
  replaceRecoveryCodes,
  sha256Hex,
  useRecoveryCode,
} from "~/models/two-factor.server";
import { endSessions, findUserById, updateUserAudited, userResource } from "~/models/user.server";
import { can, type Viewer } from "~/policies";
import { writeTransaction, type DB, type Tx } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";

/** The viewer's own account row, when they may manage their second factor. */
async function ownAccount(trx: Tx, viewer: Viewer) {
  if (!can(viewer, "two-factor:manage")) return fail("forbidden");
  const user = await findUserById(trx, viewer.id);
  return user ? ok(user) : fail("forbidden");
}

/** Changes the viewer's pending enrolment, if two-factor sign-in is not on yet. */
async function whileNotEnabled(db: DB, viewer: Viewer, change: (trx: Tx) => Promise<void>) {
  return writeTransaction(db, async (trx): Promise<Result<undefined, "forbidden" | "already_enabled">> => {
    const account = await ownAccount(trx, viewer);
    if (!account.ok) return account;
    if (account.value.two_factor_enabled_at) return fail("already_enabled");
    await change(trx);
    return ok();
  });
}

/**
 * Starts (or restarts) an enrolment: a new secret is kept until a code from it is confirmed.
 * Does nothing when two-factor sign-in is already on.
 */
export const beginEnrolment = (db: DB, viewer: Viewer) =>
  whileNotEnabled(db, viewer, async (trx) => {
    await trx.deleteFrom("two_factor").where("user_id", "=", viewer.id).execute();
    await trx
      .insertInto("two_factor")
      .values({ user_id: viewer.id, secret: newTotpSecret(), created_at: new Date().toISOString() })
      .execute();
  });

export const cancelEnrolment = (db: DB, viewer: Viewer) =>
  whileNotEnabled(db, viewer, async (trx) => {
    await trx.deleteFrom("two_factor").where("user_id", "=", viewer.id).execute();
  });

/** Turns two-factor sign-in on once a code of the new secret is right; answers the recovery codes, shown once. */
export async function confirmEnrolment(
  db: DB,
  viewer: Viewer,
  code: string,
  now = Date.now(),
): Promise<Result<{ recoveryCodes: string[] }, "forbidden" | "wrong_code" | "not_enrolling">> {
  return writeTransaction(db, async (trx) => {
    const account = await ownAccount(trx, viewer);
    if (!account.ok) return account;
    const row = await findTwoFactor(trx, viewer.id);
    if (!row || account.value.two_factor_enabled_at) return fail("not_enrolling");
    const step = matchTotpStep(row.secret, code, now);
    if (step === null) return fail("wrong_code");
    const at = new Date(now).toISOString();
    await trx.updateTable("two_factor").set({ last_used_step: step }).where("user_id", "=", viewer.id).execute();
    await updateUserAudited(
      trx,
      viewer.id,
      { two_factor_enabled_at: at, updated_at: at },
      { actorId: viewer.id, action: "two_factor.enabled" },
    );
    return ok({ recoveryCodes: await replaceRecoveryCodes(trx, viewer.id) });
  });
}

/** New recovery codes replace every earlier one (used or not). */
export async function regenerateRecoveryCodes(db: DB, viewer: Viewer): Promise<Result<string[], "forbidden" | "not_enabled">> {
  return writeTransaction(db, async (trx) => {
    const account = await ownAccount(trx, viewer);
    if (!account.ok) return account;
    if (!account.value.two_factor_enabled_at) return fail("not_enabled");
    const codes = await replaceRecoveryCodes(trx, viewer.id);
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "two_factor.recovery_codes_regenerated",
      subjectType: "user",
      subjectId: viewer.id,
    });
    return ok(codes);
  });
}

/** Removes the account's second factor (secret, recovery codes, remembered browsers) and audits it. */
async function removeSecondFactor(
  trx: Tx,
  userId: number,
  audit: { actorId: number | null; action: string; data?: Record<string, unknown> },
) {
  await trx.deleteFrom("two_factor").where("user_id", "=", userId).execute();
  await trx.deleteFrom("recovery_code").where("user_id", "=", userId).execute();
  await forgetBrowsers(trx, userId);
  await updateUserAudited(trx, userId, { two_factor_enabled_at: null }, audit);
}

/** The member turns it off (the route has checked their password). */
export async function disableTwoFactor(db: DB, viewer: Viewer): Promise<Result<undefined, "forbidden" | "not_enabled">> {
  return writeTransaction(db, async (trx) => {
    const account = await ownAccount(trx, viewer);
    if (!account.ok) return account;
    if (!account.value.two_factor_enabled_at) return fail("not_enabled");
    await removeSecondFactor(trx, viewer.id, { actorId: viewer.id, action: "two_factor.disabled" });
    return ok();
  });
}

/**
 * An administrator or the command line (no viewer) removes a member's second factor, e.g. after a
 * lost phone: the member is signed out everywhere and enrols again.
 */
export async function resetTwoFactor(
  db: DB,
  actor: Viewer,
  userId: number,
  via: "admin",
): Promise<Result<undefined, "not_found" | "forbidden">>;
export async function resetTwoFactor(
  db: DB,
  actor: null,
  userId: number,
  via: "cli",
): Promise<Result<undefined, "not_found" | "forbidden">>;
export async function resetTwoFactor(
  db: DB,
  actor: Viewer | null,
  userId: number,
  via: "admin" | "cli",
): Promise<Result<undefined, "not_found" | "forbidden">> {
  return writeTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) return fail("not_found");
    // Whoever runs the command line holds the server; an administrator is checked like any action.
    if (via === "admin" && !can(actor, "user:reset-two-factor", userResource(user))) return fail("forbidden");
    const wasEnabled = user.two_factor_enabled_at !== null;
    await removeSecondFactor(trx, userId, {
      actorId: actor?.id ?? null,
      action: "two_factor.reset",
      data: { via, before: { enabled: wasEnabled }, after: { enabled: false } },
    });
    await endSessions(trx, userId);
    return ok();
  });
}

// ---- The second step of signing in ----

/** After a right password: a pending sign-in (not a session) and the token for its cookie. */
export async function startPendingSignIn(
  db: DB,
  userId: number,
  redirectTo: string,
  ipAddress: string,
  now = Date.now(),
): Promise<string> {
  const token = newToken();
  await writeTransaction(db, async (trx) => {
    // Expired pending sign-ins are only kept until the next one starts.
    await trx.deleteFrom("pending_sign_in").where("expires_at", "<=", new Date(now).toISOString()).execute();
    await trx
      .insertInto("pending_sign_in")
      .values({
        token_hash: sha256Hex(token),
        user_id: userId,
        redirect_to: redirectTo.slice(0, 2000),
        ip_address: ipAddress,
        created_at: new Date(now).toISOString(),
        expires_at: new Date(now + PENDING_SIGN_IN_MINUTES * 60_000).toISOString(),
      })
      .execute();
  });
  return token;
}

export { findPendingSignIn };

export type SecondStepResult = Result<
  { userId: number; redirectTo: string; method: "totp" | "recovery_code" },
  "sign_in_expired" | "sign_in_wrong_code" | "sign_in_ended"
>;

/**
 * Checks the code typed at the second step: a TOTP code of a step not used before, or an unused
 * recovery code. Five wrong codes end the pending sign-in; a right one ends it too (the caller
 * then starts the session).
 */
export async function completeSecondStep(db: DB, token: string, code: string, now = Date.now()): Promise<SecondStepResult> {
  return writeTransaction(db, async (trx): Promise<SecondStepResult> => {
    const pending = await findPendingSignIn(trx, token, now);
    if (!pending) return fail("sign_in_expired");
    const row = await findTwoFactor(trx, pending.user_id);
    const user = await findUserById(trx, pending.user_id);
    if (!row || !user?.two_factor_enabled_at) {
      await trx.deleteFrom("pending_sign_in").where("token_hash", "=", pending.token_hash).execute();
      return fail("sign_in_expired");
    }
    let method: "totp" | "recovery_code" | null = null;
    if (looksLikeTotp(code)) {
      const step = matchTotpStep(row.secret, code, now);
      // A code is accepted once: a step at or before the last one used is a replay.
      if (step !== null && (row.last_used_step === null || step > row.last_used_step)) {
        await trx.updateTable("two_factor").set({ last_used_step: step }).where("user_id", "=", row.user_id).execute();
        method = "totp";
      }
    } else if (await useRecoveryCode(trx, pending.user_id, code)) {
      method = "recovery_code";
      await recordAudit(trx, {
        actorId: pending.user_id,
        action: "two_factor.recovery_code_used",
        subjectType: "user",
        subjectId: pending.user_id,
      });
    }
    if (!method) {
      const failures = pending.failures + 1;
      if (failures >= MAX_PENDING_FAILURES) {
        await trx.deleteFrom("pending_sign_in").where("token_hash", "=", pending.token_hash).execute();
        await recordAudit(trx, {
          actorId: null,
          action: "two_factor.sign_in_ended",
          subjectType: "user",
          subjectId: pending.user_id,
          data: { failures, ipAddress: pending.ip_address },
        });
        return fail("sign_in_ended");
      }
      await trx.updateTable("pending_sign_in").set({ failures }).where("token_hash", "=", pending.token_hash).execute();
      return fail("sign_in_wrong_code");
    }
    await trx.deleteFrom("pending_sign_in").where("token_hash", "=", pending.token_hash).execute();
    return ok({ userId: pending.user_id, redirectTo: pending.redirect_to, method });
  });
}

/** Remembers this browser for 30 days: the token for its cookie. */
export async function rememberBrowser(
  db: DB,
  userId: number,
  userAgent: string,
  ipAddress: string,
  now = Date.now(),
): Promise<string> {
  const token = newToken();
  await writeTransaction(db, async (trx) => {
    await trx
      .deleteFrom("remembered_browser")
      .where("user_id", "=", userId)
      .where("expires_at", "<=", new Date(now).toISOString())
      .execute();
    await trx
      .insertInto("remembered_browser")
      .values({
        user_id: userId,
        token_hash: sha256Hex(token),
        user_agent: userAgent.slice(0, 300),
        ip_address: ipAddress,
        created_at: new Date(now).toISOString(),
        expires_at: new Date(now + REMEMBER_BROWSER_DAYS * 86_400_000).toISOString(),
      })
      .execute();
    await recordAudit(trx, {
      actorId: userId,
      action: "two_factor.browser_remembered",
      subjectType: "user",
      subjectId: userId,
      data: { userAgent: userAgent.slice(0, 120), ipAddress },
    });
  });
  return token;
}

/** The member forgets every browser they asked to be remembered. */
export async function forgetRememberedBrowsers(db: DB, viewer: Viewer): Promise<Result<undefined, "forbidden">> {
  return writeTransaction(db, async (trx) => {
    const account = await ownAccount(trx, viewer);
    if (!account.ok) return account;
    await trx.deleteFrom("remembered_browser").where("user_id", "=", viewer.id).execute();
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "two_factor.browsers_forgotten",
      subjectType: "user",
      subjectId: viewer.id,
    });
    return ok();
  });
}
