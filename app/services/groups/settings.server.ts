// Creating a working group (administrators) and changing its settings (its chairs). A group
// comes with its discussion space and its first chair; it never becomes private or stops being
// private. Both are audited and indexed for search.
import type { GroupVisibility } from "~/domain/vocabulary";
import { findGroupById, groupCategorySlug, groupResource, groupSlugTaken } from "~/models/group.server";
import { can, type Viewer } from "~/policies";
import { indexGroup } from "~/services/search/indexers.server";
import { writeTransaction, type DB } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { groupPath } from "~/utils/paths";
import { fail, ok, type Result } from "~/utils/result";
import type { GroupSettingsReason } from "./failures";
import { visibilityChoices } from "./rules.server";
import { auditGroup, notifyAboutGroup } from "./shared.server";

/** Slugs that name pages under /groups rather than groups. */
export const RESERVED_GROUP_SLUGS = new Set(["new", "edit", "feed", "calendar"]);

export interface NewGroup {
  name: string;
  slug: string;
  purpose: string;
  visibility: GroupVisibility;
  charter: string;
  /** The first chair: an approved member (null when the form named nobody who exists). */
  chairId: number | null;
}

/** Creates a group, its discussion category (private for a private group, else public) and its first chair. */
export async function createGroup(
  db: DB,
  viewer: Viewer,
  input: NewGroup,
): Promise<Result<{ id: number }, "forbidden" | GroupSettingsReason>> {
  return writeTransaction(db, async (trx) => {
    if (!can(viewer, "group:create")) return fail("forbidden");
    const chair =
      input.chairId === null
        ? undefined
        : await trx.selectFrom("user").select(["id", "status"]).where("id", "=", input.chairId).executeTakeFirst();
    if (!chair || chair.status !== "approved") return fail("unknown_chair");
    if (RESERVED_GROUP_SLUGS.has(input.slug)) return fail("slug_reserved");
    if (await groupSlugTaken(trx, input.slug)) return fail("slug_taken");
    const last = await trx
      .selectFrom("working_group")
      .select((eb) => eb.fn.max("position").as("p"))
      .executeTakeFirst();
    const position = Number(last?.p ?? 0) + 1;
    const now = new Date().toISOString();
    const { id } = await trx
      .insertInto("working_group")
      .values({
        slug: input.slug,
        name: input.name,
        purpose: input.purpose,
        visibility: input.visibility,
        charter_md: input.charter,
        charter_html: renderMarkdown(input.charter).html,
        position,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("category")
      .values({
        slug: groupCategorySlug(input.slug),
        name: input.name,
        description: input.purpose,
        visibility: input.visibility === "private" ? "private" : "public",
        group_id: id,
        position: 100 + position,
        created_at: now,
      })
      .execute();
    await trx.insertInto("group_membership").values({ group_id: id, user_id: chair.id, role: "chair", joined_at: now }).execute();
    await auditGroup(trx, viewer.id, { id }, "group.create", {
      slug: input.slug,
      visibility: input.visibility,
      chairId: chair.id,
    });
    await indexGroup(trx, id);
    await notifyAboutGroup(
      trx,
      [chair.id],
      { id, visibility: input.visibility },
      {
        kind: "group_invited",
        actorId: viewer.id,
        title: input.name,
        url: groupPath(input.slug),
      },
    );
    return ok({ id });
  });
}

export interface GroupSettings {
  name: string;
  purpose: string;
  visibility: GroupVisibility;
  charter: string;
}

/**
 * Saves a group's name, purpose and charter. Open and closed groups may switch between the two;
 * a group never becomes private or stops being private (its record would be exposed or hidden
 * after the fact): create a new group instead.
 */
export async function updateGroup(
  db: DB,
  viewer: Viewer,
  groupId: number,
  input: GroupSettings,
): Promise<Result<undefined, "forbidden" | GroupSettingsReason>> {
  return writeTransaction(db, async (trx) => {
    const group = await findGroupById(trx, groupId);
    if (!group || !can(viewer, "group:edit", groupResource(group))) return fail("forbidden");
    if (!visibilityChoices(group.visibility).includes(input.visibility)) return fail("visibility_locked");
    const now = new Date().toISOString();
    await trx
      .updateTable("working_group")
      .set({
        name: input.name,
        purpose: input.purpose,
        visibility: input.visibility,
        charter_md: input.charter,
        charter_html: renderMarkdown(input.charter).html,
        updated_at: now,
      })
      .where("id", "=", group.id)
      .execute();
    if (input.name !== group.name) {
      await trx
        .updateTable("category")
        .set({ name: input.name })
        .where("slug", "=", groupCategorySlug(group.slug))
        .where("group_id", "=", group.id)
        .execute();
    }
    const changed = (["name", "purpose", "visibility"] as const).filter((key) => input[key] !== group[key]);
    await auditGroup(trx, viewer.id, group, "group.update", {
      before: Object.fromEntries(changed.map((key) => [key, group[key]])),
      after: Object.fromEntries(changed.map((key) => [key, input[key]])),
      charterChanged: input.charter !== group.charter_md,
    });
    await indexGroup(trx, group.id);
    return ok();
  });
}
