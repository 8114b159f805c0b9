import { sql, type ExpressionBuilder } from "kysely";
import type { Database } from "~db/schema";
import type { GroupRole, GroupVisibility } from "~/domain/vocabulary";
import type { GroupResource, ReadableScope } from "~/policies";
import type { Tx } from "~/utils/db.server";
import { categoryVisible, groupVisible } from "./visibility.server";

/** The columns that show a member beside what they did (app/components/member-card.tsx's MemberByline). */
export const MEMBER_BYLINE_COLUMNS = [
  "user.id",
  "user.username",
  "user.display_name",
  "user.organization",
  "user.country",
  "user.member_type",
] as const;

/** The slug of a group's discussion category. */
export const groupCategorySlug = (groupSlug: string) => `group-${groupSlug}`;

/** What the policies need to know about a group. */
export function groupResource(group: { id: number; visibility: GroupVisibility }): GroupResource {
  return { kind: "group", id: group.id, visibility: group.visibility };
}

/** When the group's documents, meetings or proposals last changed (a subquery about a working_group row). */
function latestUpdate(eb: ExpressionBuilder<Database, "working_group">, table: "document" | "meeting" | "proposal") {
  return eb
    .selectFrom(table)
    .select(sql<string>`max(${sql.ref(`${table}.updated_at`)})`.as("at"))
    .where(sql.ref(`${table}.group_id`), "=", sql.ref("working_group.id"));
}

/** Working groups the viewer may see, with their member count and the time of their latest activity. */
export async function listGroups(db: Tx, scope: ReadableScope) {
  const rows = await db
    .selectFrom("working_group")
    .select([
      "working_group.id",
      "working_group.slug",
      "working_group.name",
      "working_group.purpose",
      "working_group.visibility",
      "working_group.updated_at",
      (eb) =>
        eb
          .selectFrom("group_membership")
          .innerJoin("user", "user.id", "group_membership.user_id")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("group_membership.group_id", "=", "working_group.id")
          .where("user.status", "=", "approved")
          .as("member_count"),
      (eb) => latestUpdate(eb, "document").as("latest_document_at"),
      (eb) => latestUpdate(eb, "meeting").as("latest_meeting_at"),
      (eb) => latestUpdate(eb, "proposal").as("latest_proposal_at"),
      (eb) =>
        eb
          .selectFrom("category")
          .select(sql<string>`max(category.last_post_at)`.as("at"))
          .whereRef("category.group_id", "=", "working_group.id")
          .where(categoryVisible(scope))
          .as("latest_post_at"),
    ])
    .where(groupVisible(scope))
    .orderBy("working_group.position")
    .orderBy("working_group.name")
    .execute();
  return rows.map((row) => ({
    ...row,
    member_count: Number(row.member_count ?? 0),
    latest_activity_at:
      [row.updated_at, row.latest_document_at, row.latest_meeting_at, row.latest_proposal_at, row.latest_post_at]
        .filter((at): at is string => typeof at === "string" && at.length > 0)
        .sort()
        .pop() ?? null,
  }));
}

/** The groups the viewer may see, by name only (for menus and short lists): none of listGroups' counts. */
export async function listGroupNames(db: Tx, scope: ReadableScope) {
  return db
    .selectFrom("working_group")
    .select(["working_group.id", "working_group.slug", "working_group.name", "working_group.visibility"])
    .where(groupVisible(scope))
    .orderBy("working_group.position")
    .orderBy("working_group.name")
    .execute();
}

export async function findGroupBySlug(db: Tx, slug: string) {
  return db.selectFrom("working_group").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function findGroupById(db: Tx, id: number) {
  return db.selectFrom("working_group").selectAll().where("id", "=", id).executeTakeFirst();
}

/** True when a group, or the discussion category a new group would get, already uses this slug. */
export async function groupSlugTaken(db: Tx, slug: string) {
  const [group, category] = await Promise.all([
    db.selectFrom("working_group").select("id").where("slug", "=", slug).executeTakeFirst(),
    db.selectFrom("category").select("id").where("slug", "=", groupCategorySlug(slug)).executeTakeFirst(),
  ]);
  return Boolean(group || category);
}

export async function listGroupMembers(db: Tx, groupId: number) {
  return db
    .selectFrom("group_membership")
    .innerJoin("user", "user.id", "group_membership.user_id")
    .select([...MEMBER_BYLINE_COLUMNS, "group_membership.role", "group_membership.joined_at"])
    .where("group_membership.group_id", "=", groupId)
    .where("user.status", "=", "approved")
    .orderBy(sql`case group_membership.role when 'chair' then 0 when 'editor' then 1 else 2 end`)
    .orderBy("user.display_name")
    .execute();
}

export async function countGroupMembers(db: Tx, groupId: number) {
  const row = await db
    .selectFrom("group_membership")
    .innerJoin("user", "user.id", "group_membership.user_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("group_membership.group_id", "=", groupId)
    .where("user.status", "=", "approved")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listGroupsOfUser(db: Tx, userId: number, scope: ReadableScope) {
  return db
    .selectFrom("group_membership")
    .innerJoin("working_group", "working_group.id", "group_membership.group_id")
    .select(["working_group.slug", "working_group.name", "group_membership.role"])
    .where("group_membership.user_id", "=", userId)
    .where(groupVisible(scope))
    .orderBy("working_group.position")
    .execute();
}

export async function findMembership(db: Tx, groupId: number, userId: number) {
  return db
    .selectFrom("group_membership")
    .select(["group_id", "user_id", "role", "joined_at"])
    .where("group_id", "=", groupId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export type Membership = NonNullable<Awaited<ReturnType<typeof findMembership>>>;

export async function countChairs(db: Tx, groupId: number) {
  const row = await db
    .selectFrom("group_membership")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("group_id", "=", groupId)
    .where("role", "=", "chair")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listMemberIdsWithRole(db: Tx, groupId: number, roles: GroupRole[]) {
  const rows = await db
    .selectFrom("group_membership")
    .innerJoin("user", "user.id", "group_membership.user_id")
    .select("user.id")
    .where("group_membership.group_id", "=", groupId)
    .where("group_membership.role", "in", roles)
    .where("user.status", "=", "approved")
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Who is told of a group's new meetings, proposals and decisions: its members unless they stopped
 * watching, and (for groups that are not private) approved members who follow it.
 */
export async function listWatcherIds(db: Tx, group: { id: number; visibility: GroupVisibility }) {
  const members = await db
    .selectFrom("group_membership")
    .innerJoin("user", "user.id", "group_membership.user_id")
    .leftJoin("group_watch", (join) =>
      join
        .onRef("group_watch.group_id", "=", "group_membership.group_id")
        .onRef("group_watch.user_id", "=", "group_membership.user_id"),
    )
    .select("user.id")
    .where("group_membership.group_id", "=", group.id)
    .where("user.status", "=", "approved")
    .where((eb) => eb.or([eb("group_watch.watching", "is", null), eb("group_watch.watching", "=", 1)]))
    .execute();
  const ids = new Set(members.map((row) => row.id));
  if (group.visibility !== "private") {
    const followers = await db
      .selectFrom("group_watch")
      .innerJoin("user", "user.id", "group_watch.user_id")
      .select("user.id")
      .where("group_watch.group_id", "=", group.id)
      .where("group_watch.watching", "=", 1)
      .where("user.status", "=", "approved")
      .execute();
    for (const row of followers) ids.add(row.id);
  }
  return [...ids];
}

/** Whether a person is told of the group's news (members watch unless they turned it off). */
export async function isWatching(db: Tx, groupId: number, userId: number, isMember: boolean) {
  const row = await db
    .selectFrom("group_watch")
    .select("watching")
    .where("group_id", "=", groupId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ? row.watching === 1 : isMember;
}

export async function findCalendarToken(db: Tx, groupId: number, userId: number) {
  const row = await db
    .selectFrom("group_calendar_token")
    .select(["token", "created_at"])
    .where("group_id", "=", groupId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ?? null;
}

/** The member a calendar-feed token belongs to, while they are still an approved member of that group. */
export async function findCalendarTokenHolder(db: Tx, groupId: number, token: string) {
  return db
    .selectFrom("group_calendar_token")
    .innerJoin("group_membership", (join) =>
      join
        .onRef("group_membership.group_id", "=", "group_calendar_token.group_id")
        .onRef("group_membership.user_id", "=", "group_calendar_token.user_id"),
    )
    .innerJoin("user", "user.id", "group_calendar_token.user_id")
    .selectAll("user")
    .select("group_membership.role as group_role")
    .where("group_calendar_token.group_id", "=", groupId)
    .where("group_calendar_token.token", "=", token)
    .where("user.status", "=", "approved")
    .executeTakeFirst();
}
