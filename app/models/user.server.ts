import type { MemberType, SiteRole, UserStatus, Language } from "~/domain/vocabulary";
import { sql, type Updateable } from "kysely";
import type { UserTable } from "~db/schema";
import type { UserResource } from "~/policies";
import type { Tx } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { keysetPage } from "./keyset.server";

export const PUBLIC_PROFILE_COLUMNS = [
  "user.id",
  "user.username",
  "user.display_name",
  "user.organization",
  "user.country",
  "user.member_type",
  "user.site_role",
  "user.status",
  "user.bio",
  "user.created_at",
] as const;

/** What the policies decide about a member (app/policies: user:change-role, user:suspend …). */
export function userResource(user: { id: number; status: UserStatus; site_role: SiteRole }): UserResource {
  return { kind: "user", id: user.id, status: user.status, siteRole: user.site_role };
}

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

export function normalizeUsername(username: string) {
  return username.trim().toLowerCase();
}

export async function findUserByEmail(db: Tx, email: string) {
  return db.selectFrom("user").selectAll().where("email", "=", normalizeEmail(email)).executeTakeFirst();
}

export async function findUserById(db: Tx, id: number) {
  return db.selectFrom("user").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findProfileByUsername(db: Tx, username: string) {
  return db
    .selectFrom("user")
    .select(PUBLIC_PROFILE_COLUMNS)
    .where("username", "=", normalizeUsername(username))
    .executeTakeFirst();
}

export async function emailOrUsernameTaken(db: Tx, email: string, username: string) {
  const rows = await db
    .selectFrom("user")
    .select(["email", "username"])
    .where((eb) => eb.or([eb("email", "=", normalizeEmail(email)), eb("username", "=", normalizeUsername(username))]))
    .execute();
  return {
    email: rows.some((row) => row.email === normalizeEmail(email)),
    username: rows.some((row) => row.username === normalizeUsername(username)),
  };
}

export interface NewAccount {
  email: string;
  passwordHash: string;
  displayName: string;
  username: string;
  organization: string;
  country: string;
  memberType: MemberType;
  language: Language;
  /** An IANA zone under its current name; UTC when not given. */
  timeZone?: string;
  status?: UserStatus;
  siteRole?: SiteRole;
}

export async function insertUser(db: Tx, account: NewAccount): Promise<number> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto("user")
    .values({
      email: normalizeEmail(account.email),
      username: normalizeUsername(account.username),
      display_name: account.displayName.trim(),
      organization: account.organization.trim(),
      country: account.country.toUpperCase(),
      member_type: account.memberType,
      language: account.language,
      time_zone: account.timeZone ?? "UTC",
      password_hash: account.passwordHash,
      status: account.status ?? "pending",
      site_role: account.siteRole ?? "member",
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export const MEMBERS_PAGE_SIZE = 50;

/** Approved members, by name; `after` is the keyset of the last row of the previous page. */
export async function listMembers(
  db: Tx,
  options: { q?: string; memberType?: MemberType; after?: { name: string; id: number } } = {},
) {
  let query = db
    .selectFrom("user")
    .select(PUBLIC_PROFILE_COLUMNS)
    .where("status", "=", "approved")
    .orderBy("display_name")
    .orderBy("id")
    .limit(MEMBERS_PAGE_SIZE + 1);
  if (options.memberType) query = query.where("member_type", "=", options.memberType);
  if (options.q) {
    const like = `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(
      sql<boolean>`(display_name like ${like} escape '\\' or organization like ${like} escape '\\' or username like ${like} escape '\\')`,
    );
  }
  if (options.after) {
    const after = options.after;
    query = query.where((eb) =>
      eb.or([eb("display_name", ">", after.name), eb.and([eb("display_name", "=", after.name), eb("id", ">", after.id)])]),
    );
  }
  const rows = await query.execute();
  return { members: rows.slice(0, MEMBERS_PAGE_SIZE), hasMore: rows.length > MEMBERS_PAGE_SIZE };
}

export async function listUsersByStatus(db: Tx, status: UserStatus, limit = 200) {
  return db
    .selectFrom("user")
    .select([...PUBLIC_PROFILE_COLUMNS, "user.email", "user.rejection_reason", "user.reviewed_at"])
    .where("status", "=", status)
    .orderBy("created_at", status === "pending" ? "asc" : "desc")
    .limit(limit)
    .execute();
}

export async function countUsersByStatus(db: Tx) {
  const rows = await db
    .selectFrom("user")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)])) as Partial<Record<UserStatus, number>>;
}

export const ADMIN_USERS_PAGE_SIZE = 100;

/** Every account for the administrators' list, optionally by status, newest first. */
export async function listUsersForAdmin(db: Tx, options: { status?: UserStatus; q?: string; before?: number } = {}) {
  let query = db
    .selectFrom("user")
    .select([...PUBLIC_PROFILE_COLUMNS, "user.email", "user.two_factor_enabled_at"])
    .orderBy("id", "desc")
    .limit(ADMIN_USERS_PAGE_SIZE + 1);
  if (options.status) query = query.where("status", "=", options.status);
  if (options.before) query = query.where("id", "<", options.before);
  if (options.q) {
    const like = `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(
      sql<boolean>`(display_name like ${like} escape '\\' or email like ${like} escape '\\' or username like ${like} escape '\\' or organization like ${like} escape '\\')`,
    );
  }
  const rows = await query.execute();
  const { items: users, next: nextBefore } = keysetPage(rows, ADMIN_USERS_PAGE_SIZE, (user) => user.id);
  return { users, nextBefore };
}

/**
 * Called in the transaction of a write made while reading a page (a read position moving forward):
 * the member's cached pages rendered before it are no longer served.
 */
export async function bumpViewVersion(db: Tx, userId: number) {
  await db
    .updateTable("user")
    .set((eb) => ({ view_version: eb("view_version", "+", 1) }))
    .where("id", "=", userId)
    .execute();
}

/**
 * Changes a member's row (and its updated_at, unless `set` gives it) and records who did it and why in the audit log.
 * Call it in the transaction of the change.
 */
export async function updateUserAudited(
  db: Tx,
  userId: number,
  set: Updateable<UserTable>,
  audit: { actorId: number | null; action: string; data?: Record<string, unknown> },
) {
  await db
    .updateTable("user")
    .set({ updated_at: new Date().toISOString(), ...set })
    .where("id", "=", userId)
    .execute();
  await recordAudit(db, { ...audit, subjectType: "user", subjectId: userId });
}

/** Ends the member's sessions (all but `keepSessionId`): the next request signs in afresh. */
export async function endSessions(db: Tx, userId: number, keepSessionId?: string | null) {
  let ending = db.deleteFrom("session").where("user_id", "=", userId);
  if (keepSessionId) ending = ending.where("id", "!=", keepSessionId);
  await ending.execute();
}
