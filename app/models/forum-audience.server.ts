// Who a forum notification may go to: members looked up by username (mentions) or id (watchers),
// as viewers the policies can decide for (a member is only told about what they may read).
import type { Viewer } from "~/policies";
import type { Tx } from "~/utils/db.server";
import { rolesByGroup, VIEWER_COLUMNS, viewerFromRow } from "./viewer.server";

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
    .select(VIEWER_COLUMNS)
    .where("id", "in", ids)
    .where("status", "=", "approved")
    .execute();
  const memberships = await db
    .selectFrom("group_membership")
    .select(["user_id", "group_id", "role"])
    .where("user_id", "in", ids)
    .execute();
  return users.map((user) => viewerFromRow(user, rolesByGroup(memberships.filter((m) => m.user_id === user.id))));
}

/** Where a mention is being written: who may read it decides who is suggested. */
export interface MentionPlace {
  visibility: "public" | "members" | "private";
  groupId: number | null;
}

/**
 * Members to suggest after "@" in a composer: approved members who may read the place (a private
 * space's group members only), whose username starts with the query or whose name contains it.
 * Visibility is part of the query, never filtered afterwards.
 */
export async function mentionCandidates(db: Tx, query: string, place: MentionPlace, limit = 8) {
  // The route lets through letters, digits, spaces and . _ - only: nothing here is a LIKE wildcard
  // but "_" (any one character), which only widens the suggestions a little.
  const q = query.toLowerCase();
  let select = db
    .selectFrom("user")
    .select(["user.username", "user.display_name"])
    .where("user.status", "=", "approved")
    .where((eb) => eb.or([eb("user.username", "like", `${q}%`), eb(eb.fn("lower", ["user.display_name"]), "like", `%${q}%`)]));
  if (place.visibility === "private") {
    if (place.groupId === null) return [];
    select = select.innerJoin("group_membership", (join) =>
      join.onRef("group_membership.user_id", "=", "user.id").on("group_membership.group_id", "=", place.groupId!),
    );
  }
  // Usernames that start with what was typed first, then names, alphabetically.
  return select
    .orderBy((eb) => eb.case().when("user.username", "like", `${q}%`).then(0).else(1).end())
    .orderBy("user.username")
    .limit(limit)
    .execute();
}
