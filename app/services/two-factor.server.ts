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
import { findUserById } from "~/models/user.server";
import { writeTransaction, type DB, type Tx } from "~/utils/db.server";

/**
 * Starts (or restarts) an enrolment: a new secret is kept until a code from it is confirmed.
 * Does nothing when two-factor sign-in is already on.
 */
export async function beginEnrolment(db: DB, userId: number): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user || user.two_factor_enabled_at) return;
    await trx.deleteFrom("two_factor").where("user_id", "=", userId).execute();
    await trx
      .insertInto("two_factor")
      .values({ user_id: userId, secret: newTotpSecret(), created_at: new Date().toISOString() })
      .execute();
  });
}

export async function cancelEnrolment(db: DB, userId: number): Promise<void> {
  await writeTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user || user.two_factor_enabled_at) return;
    await trx.deleteFrom("two_factor").where("user_id", "=", userId).execute();
  });
}

export type ConfirmResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: "wrong_code" | "not_enrolling" };

/** Turns two-factor sign-in on once a code of the new secret is right; returns the recovery codes, shown once. */
export async function confirmEnrolment(db: DB, userId: number, code: string, now = Date.now()): Promise<ConfirmResult> {
  return writeTransaction(db, async (trx): Promise<ConfirmResult> => {
    const user = await findUserById(trx, userId);
    const row = await findTwoFactor(trx, userId);
    if (!user || !row || user.two_factor_enabled_at) return { ok: false, reason: "not_enrolling" };
    const step = matchTotpStep(row.secret, code, now);
    if (step === null) return { ok: false, reason: "wrong_code" };
    const at = new Date(now).toISOString();
    await trx.updateTable("two_factor").set({ last_used_step: step }).where("user_id", "=", userId).execute();
    await trx.updateTable("user").set({ two_factor_enabled_at: at, updated_at: at }).where("id", "=", userId).execute();
    const recoveryCodes = await replaceRecoveryCodes(trx, userId);
    await recordAudit(trx, { actorId: userId, action: "two_factor.enabled", subjectType: "user", subjectId: userId });
    return { ok: true, recoveryCodes };
  });
}

/** New recovery codes replace every earlier one (used or not). */
export async function regenerateRecoveryCodes(db: DB, userId: number): Promise<string[] | null> {
  return writeTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user?.two_factor_enabled_at) return null;
    const codes = await replaceRecoveryCodes(trx, userId);
    await recordAudit(trx, {
      actorId: userId,
      action: "two_factor.recovery_codes_regenerated",
      subjectType: "user",
      subjectId: userId,
    });
    return codes;
  });
}

async function removeSecondFactor(trx: Tx, userId: number) {
  await trx.deleteFrom("two_factor").where("user_id", "=", userId).execute();
  await trx.deleteFrom("recovery_code").where("user_id", "=", userId).execute();
  await forgetBrowsers(trx, userId);
  const at = new Date().toISOString();
  await trx.updateTable("user").set({ two_factor_enabled_at: null, updated_at: at }).where("id", "=", userId).execute();
}

/** The member turns it off (the route has checked their password). */
export async function disableTwoFactor(db: DB, userId: number): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user?.two_factor_enabled_at) return false;
    await removeSecondFactor(trx, userId);
    await recordAudit(trx, { actorId: userId, action: "two_factor.disabled", subjectType: "user", subjectId: userId });
    return true;
  });
}

/**
 * An administrator (actorId) or the command line (null) removes a member's second factor, e.g.
 * after a lost phone: the member is signed out everywhere and enrols again.
 */
export async function resetTwoFactor(db: DB, actorId: number | null, userId: number, via: "admin" | "cli"): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) return false;
    const wasEnabled = user.two_factor_enabled_at !== null;
    await removeSecondFactor(trx, userId);
    await trx.deleteFrom("session").where("user_id", "=", userId).execute();
    await recordAudit(trx, {
      actorId,
      action: "two_factor.reset",
      subjectType: "user",
      subjectId: userId,
      data: { via, before: { enabled: wasEnabled }, after: { enabled: false } },
    });
    return true;
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

export type SecondStepResult =
  | { ok: true; userId: number; redirectTo: string; method: "totp" | "recovery_code" }
  | { ok: false; reason: "expired" }
  | { ok: false; reason: "wrong_code"; ended: boolean };

/**
 * Checks the code typed at the second step: a TOTP code of a step not used before, or an unused
 * recovery code. Five wrong codes end the pending sign-in; a right one ends it too (the caller
 * then starts the session).
 */
export async function completeSecondStep(db: DB, token: string, code: string, now = Date.now()): Promise<SecondStepResult> {
  return writeTransaction(db, async (trx): Promise<SecondStepResult> => {
    const pending = await findPendingSignIn(trx, token, now);
    if (!pending) return { ok: false, reason: "expired" };
    const row = await findTwoFactor(trx, pending.user_id);
    const user = await findUserById(trx, pending.user_id);
    if (!row || !user?.two_factor_enabled_at) {
      await trx.deleteFrom("pending_sign_in").where("token_hash", "=", pending.token_hash).execute();
      return { ok: false, reason: "expired" };
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
        return { ok: false, reason: "wrong_code", ended: true };
      }
      await trx.updateTable("pending_sign_in").set({ failures }).where("token_hash", "=", pending.token_hash).execute();
      return { ok: false, reason: "wrong_code", ended: false };
    }
    await trx.deleteFrom("pending_sign_in").where("token_hash", "=", pending.token_hash).execute();
    return { ok: true, userId: pending.user_id, redirectTo: pending.redirect_to, method };
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
export async function forgetRememberedBrowsers(db: DB, userId: number): Promise<void> {
  await writeTransaction(db, async (trx) => {
    await trx.deleteFrom("remembered_browser").where("user_id", "=", userId).execute();
    await recordAudit(trx, { actorId: userId, action: "two_factor.browsers_forgotten", subjectType: "user", subjectId: userId });
  });
}
