import { sql } from "kysely";
import type { ReadableScope } from "~/policies";
import type { Tx } from "~/utils/db.server";
import { groupVisible } from "./visibility.server";

export async function listGroups(db: Tx, scope: ReadableScope) {
  return db
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
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("group_membership.group_id", "=", "working_group.id")
          .as("member_count"),
      (eb) =>
        eb
          .selectFrom("document")
          .select(sql<string>`max(document.updated_at)`.as("at"))
          .whereRef("document.group_id", "=", "working_group.id")
          .as("latest_document_at"),
    ])
    .where(groupVisible(scope))
    .orderBy("working_group.position")
    .orderBy("working_group.name")
    .execute();
}

export async function findGroupBySlug(db: Tx, slug: string) {
  return db.selectFrom("working_group").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function listGroupMembers(db: Tx, groupId: number) {
  return db
    .selectFrom("group_membership")
    .innerJoin("user", "user.id", "group_membership.user_id")
    .select([
      "user.id",
      "user.username",
      "user.display_name",
      "user.organization",
      "user.country",
      "user.member_type",
      "group_membership.role",
      "group_membership.joined_at",
    ])
    .where("group_membership.group_id", "=", groupId)
    .where("user.status", "=", "approved")
    .orderBy(sql`case group_membership.role when 'chair' then 0 when 'editor' then 1 else 2 end`)
    .orderBy("user.display_name")
    .execute();
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
