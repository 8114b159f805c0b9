// The moderators' work on topics and posts: the flags members raise and their closing, hiding and
// showing posts, pinning, locking, moving, deleting and restoring topics. Each runs in one write
// transaction that re-checks can() on the rows as they are inside it; decisions leave an audit entry.
import { categoryResource, refreshCategoryStats } from "~/models/category.server";
import { hasOpenFlag, insertFlag, resolveFlags } from "~/models/flag.server";
import { setTopicNotificationScope } from "~/models/notification.server";
import { notificationScope } from "~/models/topic.server";
import { can, type Viewer } from "~/policies";
import { indexPost, indexTopic } from "~/services/search/indexers.server";
import { nowIso, type Tx } from "~/utils/db.server";
import { fail, ok, type Fail, type Ok } from "~/utils/result";
import { audit, changePost, changeTopic, notifyAuthor, throttle, type Refusal } from "./shared.server";

/** A member flags a post for the moderators, with a reason. One open flag per member and post. */
export async function flagPost(
  db: Tx,
  viewer: Viewer,
  topicId: number,
  number: number,
  reason: string,
  options: { at?: string } = {},
): Promise<Ok<undefined> | Refusal | Fail<"flag_duplicate"> | Fail<"too_many_flags", { retryAfter: number }>> {
  const retryAfter = await throttle(db, "flag", viewer);
  if (retryAfter) return fail("too_many_flags", { retryAfter });
  return changePost(db, viewer, topicId, number, "post:flag", async (trx, { post }) => {
    if (await hasOpenFlag(trx, post.id, viewer.id)) return fail("flag_duplicate");
    const id = await insertFlag(trx, post.id, viewer.id, reason);
    if (options.at) await trx.updateTable("flag").set({ created_at: options.at }).where("id", "=", id).execute();
    return ok();
  });
}

/** Hides a post from members (its author and moderators still see it); its open flags are closed as "hidden". */
export function hidePost(db: Tx, viewer: Viewer, topicId: number, number: number, options: { reason?: string } = {}) {
  return changePost(db, viewer, topicId, number, "post:hide", async (trx, { topic, post }) => {
    await trx
      .updateTable("post")
      .set({ hidden: 1, hidden_at: nowIso(), hidden_by: viewer.id })
      .where("id", "=", post.id)
      .execute();
    await indexPost(trx, post.id);
    const flags = await resolveFlags(trx, post.id, "hidden", viewer.id);
    if (topic.accepted_post_number === number) {
      await trx.updateTable("topic").set({ accepted_post_number: null }).where("id", "=", topicId).execute();
    }
    await audit(trx, viewer, "post.hide", "post", post.id, {
      topicId,
      number,
      author: post.author_username,
      flags,
      reason: options.reason ?? "",
    });
    await notifyAuthor(trx, viewer, topic, post, "post_hidden");
    return ok();
  });
}

/** Shows a hidden post again; open flags on it are closed as "restored". */
export function unhidePost(db: Tx, viewer: Viewer, topicId: number, number: number) {
  return changePost(db, viewer, topicId, number, "post:unhide", async (trx, { post }) => {
    await trx.updateTable("post").set({ hidden: 0, hidden_at: null, hidden_by: null }).where("id", "=", post.id).execute();
    await indexPost(trx, post.id);
    const flags = await resolveFlags(trx, post.id, "restored", viewer.id);
    await audit(trx, viewer, "post.unhide", "post", post.id, { topicId, number, flags });
    return ok();
  });
}

/** Closes a post's open flags without acting on the post (none open: not_found). */
export function dismissFlags(db: Tx, viewer: Viewer, topicId: number, number: number) {
  return changePost(db, viewer, topicId, number, "topic:moderate", async (trx, { post }) => {
    const flags = await resolveFlags(trx, post.id, "dismissed", viewer.id);
    if (!flags) return fail("not_found");
    await audit(trx, viewer, "flag.dismiss", "post", post.id, { topicId, number, flags });
    return ok();
  });
}

const FLAG_ACTIONS = {
  pinned: { true: "topic.pin", false: "topic.unpin" },
  locked: { true: "topic.lock", false: "topic.unlock" },
} as const;

/** Pins or unpins, locks or unlocks a topic. */
export function setTopicFlag(db: Tx, viewer: Viewer, topicId: number, flag: "pinned" | "locked", value: boolean) {
  return changeTopic(db, viewer, topicId, "topic:moderate", async (trx, { topic }) => {
    if ((topic[flag] === 1) === value) return ok();
    await trx
      .updateTable("topic")
      .set({ [flag]: value ? 1 : 0 })
      .where("id", "=", topicId)
      .execute();
    await audit(trx, viewer, FLAG_ACTIONS[flag][`${value}`], "topic", topicId, {
      title: topic.title,
      before: { [flag]: topic[flag] === 1 },
      after: { [flag]: value },
    });
    return ok();
  });
}

/** Moves a topic to another open category the moderator may moderate; its notifications follow the new visibility. */
export function moveTopic(db: Tx, viewer: Viewer, topicId: number, categoryId: number) {
  return changeTopic(db, viewer, topicId, "topic:moderate", async (trx, { topic }) => {
    const target = await trx.selectFrom("category").selectAll().where("id", "=", categoryId).executeTakeFirst();
    if (!target) return fail("not_found");
    if (!can(viewer, "forum:moderate", categoryResource(target)) || target.archived_at) return fail("forbidden");
    if (target.id === topic.category_id) return ok();
    await trx.updateTable("topic").set({ category_id: target.id }).where("id", "=", topicId).execute();
    if (!target.qa && topic.accepted_post_number !== null) {
      await trx.updateTable("topic").set({ accepted_post_number: null }).where("id", "=", topicId).execute();
    }
    await refreshCategoryStats(trx, topic.category_id);
    await refreshCategoryStats(trx, target.id);
    // Its entries in the search index take the new category's visibility.
    await indexTopic(trx, topicId);
    const scope = notificationScope({ category_visibility: target.visibility, category_group_id: target.group_id });
    await setTopicNotificationScope(trx, topicId, scope);
    await audit(trx, viewer, "topic.move", "topic", topicId, {
      title: topic.title,
      before: { category: topic.category_slug },
      after: { category: target.slug },
    });
    return ok();
  });
}

/** Deletes a whole topic (soft: moderators can still open and restore it). */
export function deleteTopic(db: Tx, viewer: Viewer, topicId: number) {
  return changeTopic(db, viewer, topicId, "topic:delete", async (trx, { topic }) => {
    await trx.updateTable("topic").set({ deleted_at: nowIso(), deleted_by: viewer.id }).where("id", "=", topicId).execute();
    await refreshCategoryStats(trx, topic.category_id);
    await indexTopic(trx, topicId);
    await audit(trx, viewer, "topic.delete", "topic", topicId, { title: topic.title, own: topic.author_id === viewer.id });
    return ok();
  });
}

export function restoreTopic(db: Tx, viewer: Viewer, topicId: number) {
  return changeTopic(db, viewer, topicId, "topic:restore", async (trx, { topic }) => {
    await trx.updateTable("topic").set({ deleted_at: null, deleted_by: null }).where("id", "=", topicId).execute();
    await refreshCategoryStats(trx, topic.category_id);
    await indexTopic(trx, topicId);
    await audit(trx, viewer, "topic.restore", "topic", topicId, { title: topic.title });
    return ok();
  });
}
