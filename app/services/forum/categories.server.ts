// The administrators' work on forum categories: create, edit, reorder, archive. Each re-checks
// can(viewer, "category:manage") inside its transaction, and is audited.
import { recordAudit } from "~/models/audit.server";
import { categorySlugTaken, insertCategory, updateCategory, type CategoryFields } from "~/models/category.server";
import { setTopicNotificationScope } from "~/models/notification.server";
import { notificationScope } from "~/models/topic.server";
import { can, type Viewer } from "~/policies";
import { indexTopic } from "~/services/search/indexers.server";
import { nowIso, writeTransaction, type DB, type Tx } from "~/utils/db.server";
import { fail, ok, type Fail, type Ok } from "~/utils/result";

export type CategoryResult = Ok<{ id: number }> | Fail<"forbidden" | "not_found" | "slug_taken">;

/** Runs an administrator's change in one transaction, once can() agreed inside it. */
function manage(db: DB, viewer: Viewer, work: (trx: Tx) => Promise<CategoryResult>): Promise<CategoryResult> {
  return writeTransaction(db, (trx) => (can(viewer, "category:manage") ? work(trx) : Promise.resolve(fail("forbidden"))));
}

const audit = (trx: Tx, viewer: Viewer, action: string, id: number, data?: Record<string, unknown>) =>
  recordAudit(trx, { actorId: viewer.id, action, subjectType: "category", subjectId: id, data });

async function topicsOf(trx: Tx, categoryId: number) {
  return (await trx.selectFrom("topic").select("id").where("category_id", "=", categoryId).execute()).map((t) => t.id);
}

export function createCategory(db: DB, viewer: Viewer, fields: CategoryFields): Promise<CategoryResult> {
  return manage(db, viewer, async (trx) => {
    if (await categorySlugTaken(trx, fields.slug)) return fail("slug_taken");
    const id = await insertCategory(trx, fields);
    await audit(trx, viewer, "category.create", id, { after: fields });
    return ok({ id });
  });
}

export function editCategory(db: DB, viewer: Viewer, id: number, fields: CategoryFields): Promise<CategoryResult> {
  return manage(db, viewer, async (trx) => {
    const before = await trx.selectFrom("category").selectAll().where("id", "=", id).executeTakeFirst();
    if (!before) return fail("not_found");
    if (await categorySlugTaken(trx, fields.slug, id)) return fail("slug_taken");
    await updateCategory(trx, id, fields);
    // Notifications about its topics follow the category's new visibility.
    const scope = notificationScope({ category_visibility: fields.visibility, category_group_id: fields.groupId });
    const topicIds = await topicsOf(trx, id);
    for (const topicId of topicIds) await setTopicNotificationScope(trx, topicId, scope);
    // So do its entries in the search index, when who may read it changed.
    if (before.visibility !== fields.visibility || before.group_id !== fields.groupId || before.name !== fields.name) {
      for (const topicId of topicIds) await indexTopic(trx, topicId);
    }
    await audit(trx, viewer, "category.update", id, {
      before: {
        slug: before.slug,
        name: before.name,
        visibility: before.visibility,
        groupId: before.group_id,
        qa: before.qa === 1,
      },
      after: { slug: fields.slug, name: fields.name, visibility: fields.visibility, groupId: fields.groupId, qa: fields.qa },
    });
    return ok({ id });
  });
}

/** Moves a category one place up or down among the categories of the same kind (community or group spaces). */
export function moveCategory(db: DB, viewer: Viewer, id: number, direction: "up" | "down"): Promise<CategoryResult> {
  return manage(db, viewer, async (trx) => {
    const category = await trx
      .selectFrom("category")
      .select(["id", "position", "group_id"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!category) return fail("not_found");
    const siblings = await trx
      .selectFrom("category")
      .select(["id", "position"])
      .where("archived_at", "is", null)
      .where("group_id", category.group_id === null ? "is" : "is not", null)
      .orderBy("position")
      .orderBy("id")
      .execute();
    const index = siblings.findIndex((s) => s.id === id);
    const swapWith = direction === "up" ? index - 1 : index + 1;
    if (index < 0 || swapWith < 0 || swapWith >= siblings.length) return ok({ id });
    [siblings[index], siblings[swapWith]] = [siblings[swapWith], siblings[index]];
    // Renumber the whole run so equal positions can never tie again.
    const base = category.group_id === null ? 1 : 100;
    for (let i = 0; i < siblings.length; i++) {
      await trx
        .updateTable("category")
        .set({ position: base + i })
        .where("id", "=", siblings[i].id)
        .execute();
    }
    await audit(trx, viewer, "category.reorder", id, { direction });
    return ok({ id });
  });
}

/** Archived categories leave the lists and take no new posts; their topics stay readable at their addresses. */
export function setCategoryArchived(db: DB, viewer: Viewer, id: number, archived: boolean): Promise<CategoryResult> {
  return manage(db, viewer, async (trx) => {
    const category = await trx.selectFrom("category").select(["id", "archived_at"]).where("id", "=", id).executeTakeFirst();
    if (!category) return fail("not_found");
    if ((category.archived_at !== null) === archived) return ok({ id });
    await trx
      .updateTable("category")
      .set({ archived_at: archived ? nowIso() : null })
      .where("id", "=", id)
      .execute();
    // Archived categories stay readable at their address but leave the lists and the search.
    for (const topicId of await topicsOf(trx, id)) await indexTopic(trx, topicId);
    await audit(trx, viewer, archived ? "category.archive" : "category.unarchive", id);
    return ok({ id });
  });
}
