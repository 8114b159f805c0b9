// Multi-step operations on accounts: applications, their review, roles, profile and password. Each
// answers a Result (reasons in ./account/failures.ts) and checks the policy in its transaction.
import { createHash } from "node:crypto";
import type { Language, MemberType, SiteRole } from "~/domain/vocabulary";
import { recordAudit } from "~/models/audit.server";
import { forgetBrowsers } from "~/models/two-factor.server";
import {
  emailOrUsernameTaken,
  endSessions,
  findUserById,
  insertUser,
  updateUserAudited,
  userResource,
} from "~/models/user.server";
import { can, type Viewer } from "~/policies";
import { writeTransaction, type DB, type Tx } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { fail, ok, type Fail, type Result } from "~/utils/result";
import type { AccountReason } from "./failures";
import { indexMember } from "~/services/search/indexers.server";

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

export type Taken = { taken: { email: boolean; username: boolean } };

/** Registers an application to join: the account is pending until an admin reviews it. */
export async function applyToJoin(db: DB, application: Application): Promise<Result<{ userId: number }, "taken", Taken>> {
  const passwordHash = await hashPassword(application.password);
  return writeTransaction(db, async (trx) => {
    const taken = await emailOrUsernameTaken(trx, application.email, application.username);
    if (taken.email || taken.username) return fail("taken", { taken });
    const userId = await insertUser(trx, { ...application, passwordHash, status: "pending" });
    await recordAudit(trx, { actorId: userId, action: "user.apply", subjectType: "user", subjectId: userId });
    return ok({ userId });
  });
}

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;
export type ReviewFailure = Fail<Extract<AccountReason, "not_found" | "not_pending" | "forbidden">>;

/**
 * Whether the viewer may review this application now: it exists, is still pending (a stale page
 * answers not_pending) and the viewer is an administrator. The route asks before its confirmation
 * page; the review asks again in its transaction.
 */
export function checkApplicationReview(viewer: Viewer, user: UserRow | undefined): Result<UserRow, ReviewFailure["reason"]> {
  if (!user) return fail("not_found");
  if (user.status !== "pending") return fail("not_pending");
  if (!can(viewer, "application:review", userResource(user))) return fail("forbidden");
  return ok(user);
}

/** Approves (reason null) or rejects (with the reason the applicant sees) a pending application. */
async function reviewApplication(db: DB, viewer: Viewer, userId: number, rejection: string | null) {
  return writeTransaction(db, async (trx): Promise<Result<undefined, ReviewFailure["reason"]>> => {
    const check = checkApplicationReview(viewer, await findUserById(trx, userId));
    if (!check.ok) return check;
    const status = rejection === null ? "approved" : "rejected";
    const now = new Date().toISOString();
    await updateUserAudited(
      trx,
      userId,
      { status, rejection_reason: rejection, reviewed_by: viewer.id, reviewed_at: now },
      {
        actorId: viewer.id,
        action: rejection === null ? "user.approve" : "user.reject",
        data: { before: { status: check.value.status }, after: { status }, ...(rejection === null ? {} : { reason: rejection }) },
      },
    );
    if (rejection === null) await indexMember(trx, userId);
    return ok();
  });
}

export const approveApplication = (db: DB, viewer: Viewer, userId: number) => reviewApplication(db, viewer, userId, null);

export const rejectApplication = (db: DB, viewer: Viewer, userId: number, reason: string) =>
  reviewApplication(db, viewer, userId, reason);

/**
 * An administrator's change to a member: in one transaction, the member is found, the policy
 * asked (`action`), and `change` applied to their row.
 */
async function manageMember(
  db: DB,
  viewer: Viewer,
  userId: number,
  action: "user:change-role" | "user:suspend",
  change: (trx: Tx, user: UserRow) => Promise<void>,
): Promise<Result<undefined, "not_found" | "forbidden">> {
  return writeTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) return fail("not_found");
    if (!can(viewer, action, userResource(user))) return fail("forbidden");
    await change(trx, user);
    return ok();
  });
}

export const changeSiteRole = (db: DB, viewer: Viewer, userId: number, role: SiteRole) =>
  manageMember(db, viewer, userId, "user:change-role", async (trx, user) => {
    if (user.site_role === role) return;
    await updateUserAudited(
      trx,
      userId,
      { site_role: role },
      { actorId: viewer.id, action: "user.role", data: { before: { siteRole: user.site_role }, after: { siteRole: role } } },
    );
    // A change of privilege ends the member's sessions: the next sign-in starts a fresh one.
    await endSessions(trx, userId);
  });

export const setSuspended = (db: DB, viewer: Viewer, userId: number, suspended: boolean, reason: string) =>
  manageMember(db, viewer, userId, "user:suspend", async (trx, user) => {
    const status = suspended ? "suspended" : "approved";
    if (user.status === status) return;
    await updateUserAudited(
      trx,
      userId,
      { status },
      {
        actorId: viewer.id,
        action: suspended ? "user.suspend" : "user.reinstate",
        data: { before: { status: user.status }, after: { status }, reason },
      },
    );
    if (suspended) await endSessions(trx, userId);
    await indexMember(trx, userId);
  });

/** What a member edits directly. Member type and organisation are vetted: see profile-changes.server.ts. */
export interface ProfileChange {
  displayName: string;
  country: string;
  language: Language;
  timeZone: string;
  bio: string;
}

export async function updateProfile(db: DB, viewer: Viewer, change: ProfileChange): Promise<Result<undefined, "forbidden">> {
  if (!can(viewer, "settings:edit")) return fail("forbidden");
  const userId = viewer.id;
  return writeTransaction(db, async (trx) => {
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
    return ok();
  });
}

/** Sets a new password, ends every other session of the account and forgets its remembered browsers. */
export async function changePassword(
  db: DB,
  viewer: Viewer,
  newPassword: string,
  keepSessionId: string | null,
): Promise<Result<undefined, "forbidden">> {
  if (!can(viewer, "settings:edit")) return fail("forbidden");
  const passwordHash = await hashPassword(newPassword);
  return writeTransaction(db, async (trx) => {
    await updateUserAudited(trx, viewer.id, { password_hash: passwordHash }, { actorId: viewer.id, action: "user.password" });
    await endSessions(trx, viewer.id, keepSessionId);
    // Browsers remembered for two-factor sign-in ask for a code again after a password change.
    await forgetBrowsers(trx, viewer.id);
    return ok();
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

/** Ends one of the member's own sessions, named by its handle (not_found: it had ended already). */
export async function revokeSession(db: DB, viewer: Viewer, handle: string): Promise<Result<undefined, "not_found">> {
  const sessions = await listSessions(db, viewer.id);
  const target = sessions.find((session) => session.handle === handle);
  if (!target) return fail("not_found");
  await db.deleteFrom("session").where("id", "=", target.sessionId).where("user_id", "=", viewer.id).execute();
  return ok();
}

export async function setLanguage(db: DB, userId: number, language: Language) {
  await db.updateTable("user").set({ language }).where("id", "=", userId).execute();
}
