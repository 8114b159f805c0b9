// Who a forum notification may go to: members looked up by username (mentions) or id (watchers),
// as viewers the policies can decide for (a member is only told about what they may read).
import type { GroupRole } from "../../db/schema";
import type { Viewer } from "~/policies";
import type { Tx } from "~/utils/db.server";
import { currentZoneName } from "~/utils/time-zones";

/** Approved members with these usernames (lower case), by username. */
export async function approvedUsersByUsername(db: Tx, usernames: string[]) {
  const map = new Map<string, number>();
  if (!usernames.length) return map;
  const rows = await db
    .selectFrom("user")
    .select(["id", "username"])
    .where("username", "in", usernames.slice(0, 200))
    .where("status", "=", "approved")
    .execute();
  for (const row of rows) map.set(row.username, row.id);
  return map;
}

/** Approved members as policy viewers (with their working-group roles). */
export async function loadViewers(db: Tx, userIds: number[]): Promise<Viewer[]> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return [];
  const users = await db
    .selectFrom("user")
    .select(["id", "username", "display_name", "email", "status", "site_role", "language", "time_zone"])
    .where("id", "in", ids)
    .where("status", "=", "approved")
    .execute();
  const memberships = await db.selectFrom("group_membership").select(["user_id", "group_id", "role"]).where("user_id", "in", ids).execute();
  return users.map((user) => ({
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    email: user.email,
    status: user.status,
    siteRole: user.site_role,
    language: user.language,
    timeZone: currentZoneName(user.time_zone),
    groupRoles: Object.fromEntries(memberships.filter((m) => m.user_id === user.id).map((m) => [m.group_id, m.role as GroupRole])),
  }));
}
