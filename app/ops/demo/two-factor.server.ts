// Two-factor sign-in of the demo community. Administrators and working-group chairs must sign in
// with a second factor (app/policies/security.ts), so the demo's admin and chairs are enrolled with
// one fixed, published TOTP key (see the README): add it to an authenticator app to sign in as them.
// Never use it anywhere else: it is public.
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";

export const DEMO_TOTP_SECRET = "COPPORTALDEMOTOTPSECRETKEY234567";

/** The demo accounts that hold an administrator's or a chair's keys. */
export function demoNeedsSecondFactor(account: { siteRole: string; groups?: Record<string, string> }): boolean {
  return account.siteRole === "admin" || Object.values(account.groups ?? {}).includes("chair");
}

export async function seedDemoTwoFactor(db: Kysely<Database>, userIds: number[], enrolledAt: string) {
  for (const userId of userIds) {
    await db.insertInto("two_factor").values({ user_id: userId, secret: DEMO_TOTP_SECRET, created_at: enrolledAt }).execute();
    await db.updateTable("user").set({ two_factor_enabled_at: enrolledAt }).where("id", "=", userId).execute();
  }
}
