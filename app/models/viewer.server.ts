// The one place a policy Viewer is built from a member's row: sign-in, notification audiences and
// calendar-feed tokens all describe the member the same way.
import type { Selectable } from "kysely";
import type { UserTable } from "~db/schema";
import type { GroupRole } from "~/domain/vocabulary";
import type { Viewer } from "~/policies";
import { currentZoneName } from "~/utils/time-zones";

/** The columns of `user` a viewer is made of. */
export const VIEWER_COLUMNS = [
  "id",
  "username",
  "display_name",
  "email",
  "status",
  "site_role",
  "language",
  "time_zone",
  "two_factor_enabled_at",
] as const;

export type ViewerRow = Pick<Selectable<UserTable>, (typeof VIEWER_COLUMNS)[number]>;

/** Working-group roles by group id, from membership rows. */
export function rolesByGroup(memberships: ReadonlyArray<{ group_id: number; role: string }>): Record<number, GroupRole> {
  return Object.fromEntries(memberships.map((m) => [m.group_id, m.role as GroupRole]));
}

export function viewerFromRow(row: ViewerRow, groupRoles: Record<number, GroupRole>): Viewer {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    status: row.status,
    siteRole: row.site_role,
    language: row.language,
    timeZone: currentZoneName(row.time_zone),
    groupRoles,
    twoFactorEnabled: row.two_factor_enabled_at !== null,
  };
}
