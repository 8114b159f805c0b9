// Forum categories: the discussion spaces, with their visibility (public, members, or private to
// one working group), Q&A flag, order and counters (kept by the forum services).
import { sql } from "kysely";
import type { CategoryVisibility } from "~/domain/vocabulary";
import type { ReadableScope } from "~/policies";
import type { ForumCategoryResource } from "~/policies/forums";
import type { Tx } from "~/utils/db.server";
import { categoryVisible } from "./visibility.server";

/** The open categories the viewer may read, in the forum's order. */
function openCategories(db: Tx, scope: ReadableScope) {
  return db
    .selectFrom("category")
    .where("category.archived_at", "is", null)
    .where(categoryVisible(scope))
    .orderBy("category.position")
    .orderBy("category.id");
}

export async function listCategories(db: Tx, scope: ReadableScope) {
  return openCategories(db, scope)
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
    .execute();
}

/** The open categories the viewer may read, by name only (for menus), in listCategories' order. */
export async function listCategoryNames(db: Tx, scope: ReadableScope) {
  return openCategories(db, scope).select(["category.id", "category.slug", "category.name"]).execute();
}

/** Whole category rows, with the slug and name of the working group that owns the space (if any). */
function categoriesWithGroup(db: Tx) {
  return db
    .selectFrom("category")
    .leftJoin("working_group", "working_group.id", "category.group_id")
    .selectAll("category")
    .select(["working_group.slug as group_slug", "working_group.name as group_name"]);
}

export async function findCategoryBySlug(db: Tx, slug: string) {
  return categoriesWithGroup(db).where("category.slug", "=", slug).executeTakeFirst();
}

export async function findCategoryById(db: Tx, id: number) {
  return categoriesWithGroup(db).where("category.id", "=", id).executeTakeFirst();
}

/** What the policies need to know about a category. */
export function categoryResource(category: {
  visibility: CategoryVisibility;
  group_id: number | null;
  archived_at: string | null;
  qa: number;
}): ForumCategoryResource {
  return {
    kind: "category",
    visibility: category.visibility,
    groupId: category.group_id,
    archived: category.archived_at !== null,
    qa: category.qa === 1,
  };
}

/** Readable, open categories (for moving a topic, or choosing where to post). */
export async function listOpenCategories(db: Tx, scope: ReadableScope) {
  return db
    .selectFrom("category")
    .select(["id", "slug", "name", "visibility", "group_id", "qa", "archived_at"])
    .where("archived_at", "is", null)
    .where(categoryVisible(scope))
    .orderBy("position")
    .orderBy("id")
    .execute();
}

/** The discussion spaces of one working group, its own space (group-<slug>) first. */
export async function listCategoriesOfGroup(db: Tx, groupId: number, groupSlug: string, scope: ReadableScope) {
  return db
    .selectFrom("category")
    .selectAll()
    .where("group_id", "=", groupId)
    .where("archived_at", "is", null)
    .where(categoryVisible(scope))
    .orderBy(sql`slug = ${`group-${groupSlug}`}`, "desc")
    .orderBy("position")
    .execute();
}

/**
 * Every category the administrator may read, archived ones included. Private spaces of groups the
 * administrator does not belong to stay invisible here too (DESIGN.md §1).
 */
export async function listCategoriesForAdmin(db: Tx, scope: ReadableScope) {
  return categoriesWithGroup(db)
    .where(categoryVisible(scope))
    .orderBy(sql`category.archived_at is not null`)
    .orderBy("category.position")
    .orderBy("category.id")
    .execute();
}

export async function categorySlugTaken(db: Tx, slug: string, exceptId?: number) {
  let query = db.selectFrom("category").select("id").where("slug", "=", slug);
  if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface CategoryFields {
  slug: string;
  name: string;
  description: string;
  visibility: CategoryVisibility;
  groupId: number | null;
  qa: boolean;
}

export async function insertCategory(db: Tx, fields: CategoryFields) {
  const last = await db
    .selectFrom("category")
    .select((eb) => eb.fn.max("position").as("p"))
    .where("group_id", "is", null)
    .executeTakeFirst();
  const { id } = await db
    .insertInto("category")
    .values({
      slug: fields.slug,
      name: fields.name,
      description: fields.description,
      visibility: fields.visibility,
      group_id: fields.groupId,
      qa: fields.qa ? 1 : 0,
      position: Number(last?.p ?? 0) + 1,
      created_at: new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateCategory(db: Tx, id: number, fields: CategoryFields) {
  await db
    .updateTable("category")
    .set({
      slug: fields.slug,
      name: fields.name,
      description: fields.description,
      visibility: fields.visibility,
      group_id: fields.groupId,
      qa: fields.qa ? 1 : 0,
    })
    .where("id", "=", id)
    .execute();
}

/** Counts a reply just added in one of the category's topics, without recounting its topics. */
export async function countCategoryReply(db: Tx, categoryId: number, at: string) {
  await db
    .updateTable("category")
    .set((eb) => ({
      post_count: eb("post_count", "+", 1),
      last_post_at: sql<string>`max(coalesce(${eb.ref("last_post_at")}, ''), ${at})`,
    }))
    .where("id", "=", categoryId)
    .execute();
}

/** Recounts a category's topics, posts and last activity from its topics (deleted ones excluded). */
export async function refreshCategoryStats(db: Tx, categoryId: number) {
  const stats = await db
    .selectFrom("topic")
    .select((eb) => [
      eb.fn.countAll<number>().as("topics"),
      eb.fn.coalesce(eb.fn.sum<number>("topic.post_count"), sql<number>`0`).as("posts"),
      eb.fn.max("topic.last_post_at").as("last"),
    ])
    .where("category_id", "=", categoryId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  await db
    .updateTable("category")
    .set({ topic_count: Number(stats?.topics ?? 0), post_count: Number(stats?.posts ?? 0), last_post_at: stats?.last ?? null })
    .where("id", "=", categoryId)
    .execute();
}
