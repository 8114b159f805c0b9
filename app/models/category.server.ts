import type { ReadableScope } from "~/policies";
import type { Tx } from "~/utils/db.server";
import { categoryVisible } from "./visibility.server";

export async function listCategories(db: Tx, scope: ReadableScope) {
  return db
    .selectFrom("category")
    .leftJoin("working_group", "working_group.id", "category.group_id")
    .select([
      "category.id",
      "category.slug",
      "category.name",
      "category.description",
      "category.visibility",
      "category.group_id",
      "category.qa",
      "category.topic_count",
      "category.post_count",
      "category.last_post_at",
      "working_group.slug as group_slug",
      "working_group.name as group_name",
    ])
    .where("category.archived_at", "is", null)
    .where(categoryVisible(scope))
    .orderBy("category.position")
    .orderBy("category.id")
    .execute();
}

export async function findCategoryBySlug(db: Tx, slug: string) {
  return db
    .selectFrom("category")
    .leftJoin("working_group", "working_group.id", "category.group_id")
    .selectAll("category")
    .select(["working_group.slug as group_slug", "working_group.name as group_name"])
    .where("category.slug", "=", slug)
    .executeTakeFirst();
}
