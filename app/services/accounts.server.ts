import { createHash } from "node:crypto";
// Multi-step operations on accounts: applications, their review, roles, profile and password.
import type { Language, MemberType, SiteRole } from "~/domain/vocabulary";
import { recordAudit } from "~/models/audit.server";
import { forgetBrowsers } from "~/models/two-factor.server";
import { emailOrUsernameTaken, findUserById, insertUser } from "~/models/user.server";
import { writeTransaction, type DB } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { indexMember } from "./search-indexers.server";

export interface Application {
  email: string;
  password: string;
  displayName: string;
  username: string;
  organization: string;
  country: string;
  memberType: MemberType;
  language: Language;
  /** Already checked and under its current name (joinSchema). */
  timeZone?: string;
}

export type ApplyResult = { ok: true; userId: number } | { ok: false; taken: { email: boolean; username: boolean } };

/** Registers an application to join: the account is pending until an admin reviews it. */
export async function applyToJoin(db: DB, application: Application): Promise<ApplyResult> {
  const passwordHash = await hashPassword(application.password);
  return writeTransaction(db, async (trx) => {
    const taken = await emailOrUsernameTaken(trx, application.email, application.username);
    if (taken.email || taken.username) return { ok: false, taken };
    const userId = await insertUser(trx, { ...application, passwordHash, status: "pending" });
    await recordAudit(trx, { actorId: userId, action: "user.apply", subjectType: "user", subjectId: userId });
    return { ok: true, userId };
  });
}

export async function approveApplication(db: DB, adminId: number, userId: number) {
  await writeTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user || user.status !== "pending") throw new Error("not pending");
    const now = new Date().toISOString();
    await trx
      .updateTable("user")
      .set({ status: "approved", rejection_reason: null, reviewed_by: adminId, reviewed_at: now, updated_at: now })
      .where("id", "=", userId)
      .execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: "user.approve",
      subjectType: "user",
      subjectId: userId,
      data: { before: { status: user.status }, after: { status: "approved" } },
    });
    await indexMember(trx, userId);
  });
}

export async function rejectApplication(db: DB, adminId: number, userId: number, reason: string) {
  await writeTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user || user.status !== "pending") throw new Error("not pending");
    const now = new Date().toISOString();
    await trx
      .updateTable("user")
      .set({ status: "rejected", rejection_reason: reason, reviewed_by: adminId, reviewed_at: now, updated_at: now })
      .where("id", "=", userId)
      .execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: "user.reject",
      subjectType: "user",
      subjectId: userId,
      data: { before: { status: user.status }, after: { status: "rejected" }, reason },
    });
  });
}

export async function changeSiteRole(db: DB, adminId: number, userId: number, role: SiteRole) {
  await writeTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new Error("no such user");
    if (user.site_role === role) return;
    await trx
      .updateTable("user")
      .set({ site_role: role, updated_at: new Date().toISOString() })
      .where("id", "=", userId)
      .execute();
    // A change of privilege ends the member's sessions: the next sign-in starts a fresh one.
    await trx.deleteFrom("session").where("user_id", "=", userId).execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: "user.role",
      subjectType: "user",
      subjectId: userId,
      data: { before: { siteRole: user.site_role }, after: { siteRole: role } },
    });
  });
}

export async function setSuspended(db: DB, adminId: number, userId: number, suspended: boolean, reason: string) {
  await writeTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new Error("no such user");
    const status = suspended ? "suspended" : "approved";
    if (user.status === status) return;
    await trx.updateTable("user").set({ status, updated_at: new Date().toISOString() }).where("id", "=", userId).execute();
    if (suspended) await trx.deleteFrom("session").where("user_id", "=", userId).execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: suspended ? "user.suspend" : "user.reinstate",
      subjectType: "user",
      subjectId: userId,
      data: { before: { status: user.status }, after: { status }, reason },
    });
    await indexMember(trx, userId);
  });
}

/** What a member edits directly. Member type and organisation are vetted: see profile-changes.server.ts. */
export interface ProfileChange {
  displayName: string;
  country: string;
  language: Language;
  timeZone: string;
  bio: string;
}

export async function updateProfile(db: DB, userId: number, change: ProfileChange) {
  await writeTransaction(db, async (trx) => {
    await trx
      .updateTable("user")
      .set({
        display_name: change.displayName.trim(),
        country: change.country.toUpperCase(),
        language: change.language,
        time_zone: change.timeZone,
        bio: change.bio.trim(),
        updated_at: new Date().toISOString(),
      })
      .where("id", "=", userId)
      .execute();
    await indexMember(trx, userId);
  });
}

/** Sets a new password, ends every other session of the account and forgets its remembered browsers. */
export async function changePassword(db: DB, userId: number, newPassword: string, keepSessionId: string | null) {
  const passwordHash = await hashPassword(newPassword);
  await writeTransaction(db, async (trx) => {
    await trx
      .updateTable("user")
      .set({ password_hash: passwordHash, updated_at: new Date().toISOString() })
      .where("id", "=", userId)
      .execute();
    let ending = trx.deleteFrom("session").where("user_id", "=", userId);
    if (keepSessionId) ending = ending.where("id", "!=", keepSessionId);
    await ending.execute();
    // Browsers remembered for two-factor sign-in ask for a code again after a password change.
    await forgetBrowsers(trx, userId);
    await recordAudit(trx, { actorId: userId, action: "user.password", subjectType: "user", subjectId: userId });
  });
}

/** A session's id is its bearer secret: pages name a session by a digest of it instead. */
export function sessionHandle(sessionId: string) {
  return createHash("sha256").update(sessionId).digest("base64url").slice(0, 22);
}

export async function listSessions(db: DB, userId: number) {
  const rows = await db
    .selectFrom("session")
    .select(["id", "created_at", "expires_at", "user_agent", "ip_address"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", Math.floor(Date.now() / 1000))
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(({ id, ...row }) => ({ ...row, handle: sessionHandle(id), sessionId: id }));
}

/** Ends one of the member's own sessions, named by its handle. */
export async function revokeSession(db: DB, userId: number, handle: string) {
  const sessions = await listSessions(db, userId);
  const target = sessions.find((session) => session.handle === handle);
  if (!target) return false;
  await db.deleteFrom("session").where("id", "=", target.sessionId).where("user_id", "=", userId).execute();
  return true;
}

export async function setLanguage(db: DB, userId: number, language: Language) {
  await db.updateTable("user").set({ language }).where("id", "=", userId).execute();
}
