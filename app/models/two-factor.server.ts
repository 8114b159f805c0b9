// Two-factor sign-in (TOTP, RFC 6238) — the codes, the secrets and the rows that hold them.
// The multi-step operations (enrol, sign in, disable, reset) are in app/services/account/two-factor.server.ts.
import { createHash, randomBytes } from "node:crypto";
import { decodeBase32IgnorePadding, encodeBase32LowerCaseNoPadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP, verifyHOTP } from "@oslojs/otp";
import type { Tx } from "~/utils/db.server";

/** RFC 6238 defaults, the ones every authenticator app understands. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** A code of the step before or after the current one is accepted too (clock drift, typing time). */
export const TOTP_GRACE_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;
export const REMEMBER_BROWSER_DAYS = 30;
export const PENDING_SIGN_IN_MINUTES = 10;
/** Wrong codes after which a pending sign-in ends (the password must be typed again). */
export const MAX_PENDING_FAILURES = 5;
export const TOTP_ISSUER = "CoP Portal";

/** A new TOTP key: 160 random bits (RFC 4226's recommended length), in base32. */
export function newTotpSecret(): string {
  return encodeBase32UpperCaseNoPadding(randomBytes(20));
}

export function totpStep(now = Date.now()): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

export function totpCode(secret: string, step = totpStep()): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), TOTP_DIGITS);
}

/** The step (within the grace period around now) whose code this is, or null. */
export function matchTotpStep(secret: string, code: string, now = Date.now()): number | null {
  const digits = code.replace(/\s+/g, "");
  if (!/^[0-9]{6}$/.test(digits)) return null;
  const key = decodeBase32IgnorePadding(secret);
  const current = totpStep(now);
  for (let step = current - TOTP_GRACE_STEPS; step <= current + TOTP_GRACE_STEPS; step++) {
    if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, digits)) return step;
  }
  return null;
}

/** What authenticator apps scan: otpauth://totp/CoP%20Portal:ada%40example.org?secret=… */
export function totpUri(secret: string, accountName: string): string {
  return createTOTPKeyURI(TOTP_ISSUER, accountName, decodeBase32IgnorePadding(secret), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The key as people type it: groups of four characters. */
export function groupKey(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** A bearer token for a cookie (256 random bits); only its SHA-256 is stored. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Ten recovery codes like `k7m2q-x9p4d`: 50 random bits each, so a fast hash is enough. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const code = encodeBase32LowerCaseNoPadding(randomBytes(7)).slice(0, 10);
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** Recovery codes are compared without case, spaces or dashes. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, "");
}

export function looksLikeTotp(code: string): boolean {
  return /^[0-9]{6}$/.test(code.replace(/\s+/g, ""));
}

export async function findTwoFactor(db: Tx, userId: number) {
  return db.selectFrom("two_factor").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

export async function replaceRecoveryCodes(db: Tx, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.deleteFrom("recovery_code").where("user_id", "=", userId).execute();
  const now = new Date().toISOString();
  await db
    .insertInto("recovery_code")
    .values(codes.map((code) => ({ user_id: userId, code_hash: sha256Hex(normalizeRecoveryCode(code)), created_at: now })))
    .execute();
  return codes;
}

/** Marks an unused recovery code of this member used; false when there is none such. */
export async function useRecoveryCode(db: Tx, userId: number, code: string): Promise<boolean> {
  const normalized = normalizeRecoveryCode(code);
  if (!/^[a-z2-7]{10}$/.test(normalized)) return false;
  const result = await db
    .updateTable("recovery_code")
    .set({ used_at: new Date().toISOString() })
    .where("user_id", "=", userId)
    .where("code_hash", "=", sha256Hex(normalized))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function countUnusedRecoveryCodes(db: Tx, userId: number): Promise<number> {
  const row = await db
    .selectFrom("recovery_code")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countRememberedBrowsers(db: Tx, userId: number, now = Date.now()): Promise<number> {
  const row = await db
    .selectFrom("remembered_browser")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("expires_at", ">", new Date(now).toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether this cookie token is one of the member's remembered browsers, still within its 30 days. */
export async function isRememberedBrowser(db: Tx, userId: number, token: string, now = Date.now()): Promise<boolean> {
  const row = await db
    .selectFrom("remembered_browser")
    .select("id")
    .where("token_hash", "=", sha256Hex(token))
    .where("user_id", "=", userId)
    .where("expires_at", ">", new Date(now).toISOString())
    .executeTakeFirst();
  return row !== undefined;
}

/** Forgets every remembered browser and pending sign-in of the member. */
export async function forgetBrowsers(db: Tx, userId: number) {
  await db.deleteFrom("remembered_browser").where("user_id", "=", userId).execute();
  await db.deleteFrom("pending_sign_in").where("user_id", "=", userId).execute();
}

export async function findPendingSignIn(db: Tx, token: string, now = Date.now()) {
  return db
    .selectFrom("pending_sign_in")
    .selectAll()
    .where("token_hash", "=", sha256Hex(token))
    .where("expires_at", ">", new Date(now).toISOString())
    .executeTakeFirst();
}
