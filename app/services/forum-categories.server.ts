// The administrators' work on forum categories: create, edit, reorder, archive. Audited.
import { recordAudit } from "~/models/audit.server";
import { categorySlugTaken, insertCategory, updateCategory, type CategoryFields } from "~/models/category.server";
import { writeTransaction, type DB } from "~/utils/db.server";
import { indexTopic } from "./search-indexers.server";
import { setTopicNotificationScope } from "~/models/notification.server";

export type CategoryResult = { ok: true; id: number } | { ok: false; reason: "slug_taken" | "gone" };

export async function createCategory(db: DB, adminId: number, fields: CategoryFields): Promise<CategoryResult> {
  return writeTransaction(db, async (trx) => {
    if (await categorySlugTaken(trx, fields.slug)) return { ok: false, reason: "slug_taken" };
    const id = await insertCategory(trx, fields);
    await recordAudit(trx, {
      actorId: adminId,
      action: "category.create",
      subjectType: "category",
      subjectId: id,
      data: { after: fields },
    });
    return { ok: true, id };
  });
}

export async function editCategory(db: DB, adminId: number, id: number, fields: CategoryFields): Promise<CategoryResult> {
  return writeTransaction(db, async (trx) => {
    const before = await trx.selectFrom("category").selectAll().where("id", "=", id).executeTakeFirst();
    if (!before) return { ok: false, reason: "gone" };
    if (await categorySlugTaken(trx, fields.slug, id)) return { ok: false, reason: "slug_taken" };
    await updateCategory(trx, id, fields);
    // Notifications about its topics follow the category's new visibility.
    const scope = {
      privateGroupId: fields.visibility === "private" ? fields.groupId : null,
      membersOnly: fields.visibility === "members",
    };
    const topicIds = (await trx.selectFrom("topic").select("id").where("category_id", "=", id).execute()).map((t) => t.id);
    for (const topicId of topicIds) await setTopicNotificationScope(trx, topicId, scope);
    // So do its entries in the search index, when who may read it changed.
    if (before.visibility !== fields.visibility || before.group_id !== fields.groupId || before.name !== fields.name) {
      for (const topicId of topicIds) await indexTopic(trx, topicId);
    }
    await recordAudit(trx, {
      actorId: adminId,
      action: "category.update",
      subjectType: "category",
      subjectId: id,
      data: {
        before: {
          slug: before.slug,
          name: before.name,
          visibility: before.visibility,
          groupId: before.group_id,
          qa: before.qa === 1,
        },
        after: { slug: fields.slug, name: fields.name, visibility: fields.visibility, groupId: fields.groupId, qa: fields.qa },
      },
    });
    return { ok: true, id };
  });
}

/** Moves a category one place up or down among the categories of the same kind (community or group spaces). */
export async function moveCategory(db: DB, adminId: number, id: number, direction: "up" | "down"): Promise<CategoryResult> {
  return writeTransaction(db, async (trx) => {
    const category = await trx
      .selectFrom("category")
      .select(["id", "position", "group_id"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!category) return { ok: false, reason: "gone" };
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
    if (index < 0 || swapWith < 0 || swapWith >= siblings.length) return { ok: true, id };
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
    await recordAudit(trx, {
      actorId: adminId,
      action: "category.reorder",
      subjectType: "category",
      subjectId: id,
      data: { direction },
    });
    return { ok: true, id };
  });
}

/** Archived categories leave the lists and take no new posts; their topics stay readable at their addresses. */
export async function setCategoryArchived(db: DB, adminId: number, id: number, archived: boolean): Promise<CategoryResult> {
  return writeTransaction(db, async (trx) => {
    const category = await trx.selectFrom("category").select(["id", "archived_at"]).where("id", "=", id).executeTakeFirst();
    if (!category) return { ok: false, reason: "gone" };
    if ((category.archived_at !== null) === archived) return { ok: true, id };
    await trx
      .updateTable("category")
      .set({ archived_at: archived ? new Date().toISOString() : null })
      .where("id", "=", id)
      .execute();
    // Archived categories stay readable at their address but leave the lists and the search.
    const topicIds = (await trx.selectFrom("topic").select("id").where("category_id", "=", id).execute()).map((t) => t.id);
    for (const topicId of topicIds) await indexTopic(trx, topicId);
    await recordAudit(trx, {
      actorId: adminId,
      action: archived ? "category.archive" : "category.unarchive",
      subjectType: "category",
      subjectId: id,
    });
    return { ok: true, id };
  });
}
