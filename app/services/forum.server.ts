// Every write of the forums goes through this file: topics, replies, edits, deletions, reactions,
// accepted answers, flags and moderation, watching, drafts and read positions. Each runs in one
// write transaction (BEGIN IMMEDIATE), so a reply and an edit never interleave half-way, and a
// search indexer can be hooked in at one place per write.
import type { ReactionKind, WatchLevel } from "~/domain/vocabulary";
import { recordAudit } from "~/models/audit.server";
import { categoryResource, countCategoryReply, refreshCategoryStats } from "~/models/category.server";
import { approvedUsersByUsername, loadViewers } from "~/models/forum-audience.server";
import {
  advanceTopicRead,
  deleteDraft,
  findWatch,
  markTopicNotificationsRead,
  replyDraftKey,
  setWatch,
  topicDraftKey,
  upsertDraft,
  watchersOf,
  watchIfUnset,
} from "~/models/forum-state.server";
import { hasOpenFlag, insertFlag, resolveFlags } from "~/models/flag.server";
import { aboutTopic, notify, setTopicNotificationScope } from "~/models/notification.server";
import { indexPost, indexTopic } from "./search-indexers.server";
import { excerptOf, findPost, nextPostNumber, postResource } from "~/models/post.server";
import {
  findTopic,
  notificationScope,
  postPath,
  countReply,
  refreshTopicStats,
  setTopicTags,
  topicResource,
  topicSlug,
  type FoundTopic,
} from "~/models/topic.server";
import { can, type Viewer } from "~/policies";
import { writeTransaction, type DB, type Tx, type WriteOptions } from "~/utils/db.server";
import { mentionCandidates, renderMarkdown } from "~/utils/markdown.server";

/** Runs `work` in a write transaction, or inside the caller's one (the demo seed runs in one). */
function inTransaction<T>(db: Tx, work: (trx: Tx) => Promise<T>, options?: WriteOptions): Promise<T> {
  return db.isTransaction ? work(db) : writeTransaction(db as DB, work, options);
}

const nowIso = () => new Date().toISOString();

/** Renders a post's markdown once, at write time, linking the @mentions of existing members. */
export async function renderPost(db: Tx, markdown: string) {
  const known = await approvedUsersByUsername(db, mentionCandidates(markdown));
  return renderMarkdown(markdown, { mentions: new Set(known.keys()) });
}

/** Moves a member's read position; the first time they read a topic counts as one view. */
async function markRead(trx: Tx, userId: number, topicId: number, number: number, at?: string) {
  const change = await advanceTopicRead(trx, userId, topicId, number, at);
  if (change === "first") {
    await trx
      .updateTable("topic")
      .set((eb) => ({ view_count: eb("view_count", "+", 1) }))
      .where("id", "=", topicId)
      .execute();
  }
}

interface Delivery {
  topic: FoundTopic;
  actorId: number;
  /** Members mentioned in the text (usernames), told with a "mention". */
  mentioned: string[];
  /** Members told with `kind` (watchers), unless they were mentioned. */
  watchers: number[];
  kind: "reply" | "watched_topic";
  number: number;
  excerpt: string;
}

/**
 * Tells mentioned members and watchers about a post. Nobody hears of what they may not read, nor
 * of a topic they muted; the notification carries the category's visibility so that it disappears
 * if the member later loses access.
 */
async function deliver(trx: Tx, delivery: Delivery) {
  const { topic, actorId } = delivery;
  const resource = topicResource(topic);
  const mentionedIds = [...(await approvedUsersByUsername(trx, delivery.mentioned)).values()];
  const muted = new Set(await watchersOf(trx, "topic", topic.id, "muted"));
  const audience = await loadViewers(trx, [...mentionedIds, ...delivery.watchers]);
  const mayRead = new Set(audience.filter((viewer) => can(viewer, "topic:read", resource)).map((viewer) => viewer.id));
  const url = postPath(topic, delivery.number);
  const common = { actorId, title: topic.title, excerpt: delivery.excerpt, url, ...notificationScope(topic) };
  const mentionRecipients = mentionedIds.filter((id) => mayRead.has(id) && !muted.has(id));
  await notify(trx, mentionRecipients, { kind: "mention", ...common });
  const told = new Set(mentionedIds);
  const watcherRecipients = delivery.watchers.filter((id) => mayRead.has(id) && !muted.has(id) && !told.has(id));
  await notify(trx, watcherRecipients, { kind: delivery.kind, ...common });
}

async function insertPostWithRevision(
  trx: Tx,
  input: { topicId: number; number: number; authorId: number; markdown: string; html: string; at: string; title?: string },
) {
  const { id } = await trx
    .insertInto("post")
    .values({
      topic_id: input.topicId,
      number: input.number,
      author_id: input.authorId,
      body_md: input.markdown,
      body_html: input.html,
      revision: 1,
      created_at: input.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("post_revision")
    .values({
      post_id: id,
      revision: 1,
      editor_id: input.authorId,
      title: input.title ?? null,
      body_md: input.markdown,
      created_at: input.at,
    })
    .execute();
  return id;
}

export interface NewTopic {
  title: string;
  body: string;
  tags: string[];
}

/** Starts a topic: its first post, tags; the author watches it and has read it; category watchers are told. */
export async function createTopic(db: Tx, viewer: Viewer, categoryId: number, input: NewTopic, options: { at?: string } = {}) {
  return inTransaction(db, async (trx) => {
    const at = options.at ?? nowIso();
    const slug = topicSlug(input.title);
    const { id: topicId } = await trx
      .insertInto("topic")
      .values({
        category_id: categoryId,
        title: input.title,
        slug,
        author_id: viewer.id,
        post_count: 1,
        last_post_number: 1,
        last_post_at: at,
        last_poster_id: viewer.id,
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rendered = await renderPost(trx, input.body);
    await insertPostWithRevision(trx, {
      topicId,
      number: 1,
      authorId: viewer.id,
      markdown: input.body,
      html: rendered.html,
      at,
      title: input.title,
    });
    await setTopicTags(trx, topicId, input.tags);
    await watchIfUnset(trx, viewer.id, topicId);
    await markRead(trx, viewer.id, topicId, 1, at);
    await deleteDraft(trx, viewer.id, topicDraftKey(categoryId));
    await refreshCategoryStats(trx, categoryId);
    await indexTopic(trx, topicId);
    const topic = (await findTopic(trx, topicId))!;
    const categoryWatchers = await watchersOf(trx, "category", categoryId, "watching");
    await deliver(trx, {
      topic,
      actorId: viewer.id,
      mentioned: rendered.mentions,
      watchers: categoryWatchers,
      kind: "watched_topic",
      number: 1,
      excerpt: excerptOf(input.body),
    });
    return { topicId, slug };
  });
}

export type ReplyResult = { ok: true; number: number; path: string } | { ok: false; reason: "refused" | "locked" | "gone" };

/** Adds a reply at the end of a topic (the number is taken inside the transaction: concurrent replies never collide). */
export async function replyToTopic(
  db: Tx,
  viewer: Viewer,
  topicId: number,
  body: string,
  options: { at?: string } = {},
): Promise<ReplyResult> {
  return inTransaction(db, async (trx) => {
    const topic = await findTopic(trx, topicId);
    if (!topic || topic.deleted_at) return { ok: false, reason: "gone" };
    if (!can(viewer, "topic:reply", topicResource(topic))) return { ok: false, reason: topic.locked ? "locked" : "refused" };
    const at = options.at ?? nowIso();
    const number = await nextPostNumber(trx, topicId);
    const rendered = await renderPost(trx, body);
    const postId = await insertPostWithRevision(trx, {
      topicId,
      number,
      authorId: viewer.id,
      markdown: body,
      html: rendered.html,
      at,
    });
    await indexPost(trx, postId);
    await countReply(trx, topicId, { number, authorId: viewer.id, at });
    await countCategoryReply(trx, topic.category_id, at);
    await watchIfUnset(trx, viewer.id, topicId);
    await markRead(trx, viewer.id, topicId, number, at);
    await deleteDraft(trx, viewer.id, replyDraftKey(topicId));
    const topicWatchers = await watchersOf(trx, "topic", topicId, "watching");
    const categoryWatchers = await watchersOf(trx, "category", topic.category_id, "watching");
    await deliver(trx, {
      topic,
      actorId: viewer.id,
      mentioned: rendered.mentions,
      watchers: [...topicWatchers, ...categoryWatchers],
      kind: "reply",
      number,
      excerpt: excerptOf(body),
    });
    return { ok: true, number, path: postPath(topic, number) };
  });
}

export interface PostEdit {
  body: string;
  /** The revision the editor started from: a different current revision is a conflict. */
  baseRevision: number;
  reason?: string;
  /** First posts only: the topic's title and tags. */
  title?: string;
  tags?: string[];
}

export type EditResult =
  | { ok: true; path: string }
  | { ok: false; reason: "refused" | "gone" }
  | {
      ok: false;
      reason: "conflict";
      current: { body: string; revision: number; editedBy: string | null; editedAt: string | null; title: string };
    };

/**
 * Edits a post, keeping the previous text as a revision. An edit based on an older revision than
 * the current one (someone, e.g. a moderator, edited meanwhile) is refused with the current text.
 */
export async function editPost(db: Tx, viewer: Viewer, topicId: number, number: number, edit: PostEdit): Promise<EditResult> {
  return inTransaction(db, async (trx) => {
    const topic = await findTopic(trx, topicId);
    const post = topic ? await findPost(trx, topicId, number) : undefined;
    if (!topic || !post) return { ok: false, reason: "gone" };
    const resource = postResource(post, topicResource(topic));
    if (!can(viewer, "post:edit", resource)) return { ok: false, reason: post.deleted_at ? "gone" : "refused" };
    if (post.revision !== edit.baseRevision) {
      const editor = post.edited_by
        ? await trx.selectFrom("user").select("display_name").where("id", "=", post.edited_by).executeTakeFirst()
        : undefined;
      return {
        ok: false,
        reason: "conflict",
        current: {
          body: post.body_md,
          revision: post.revision,
          editedBy: editor?.display_name ?? null,
          editedAt: post.edited_at,
          title: topic.title,
        },
      };
    }
    const retitle = number === 1 && edit.title !== undefined && can(viewer, "topic:edit-title", topicResource(topic));
    const title = retitle ? edit.title! : topic.title;
    const unchanged = post.body_md === edit.body && title === topic.title;
    const at = nowIso();
    if (!unchanged) {
      const rendered = await renderPost(trx, edit.body);
      const before = await renderPost(trx, post.body_md);
      const revision = post.revision + 1;
      await trx
        .updateTable("post")
        .set({ body_md: edit.body, body_html: rendered.html, revision, edited_at: at, edited_by: viewer.id })
        .where("id", "=", post.id)
        .execute();
      await trx
        .insertInto("post_revision")
        .values({
          post_id: post.id,
          revision,
          editor_id: viewer.id,
          title: number === 1 ? title : null,
          body_md: edit.body,
          reason: edit.reason ?? "",
          created_at: at,
        })
        .execute();
      if (retitle && title !== topic.title) {
        await trx
          .updateTable("topic")
          .set({ title, slug: topicSlug(title) })
          .where("id", "=", topicId)
          .execute();
        await indexTopic(trx, topicId);
      } else {
        await indexPost(trx, post.id);
      }
      // Members mentioned for the first time in this edit are told, as in a new post.
      const newlyMentioned = rendered.mentions.filter((name) => !before.mentions.includes(name));
      if (newlyMentioned.length) {
        const fresh = (await findTopic(trx, topicId))!;
        await deliver(trx, {
          topic: fresh,
          actorId: viewer.id,
          mentioned: newlyMentioned,
          watchers: [],
          kind: "reply",
          number,
          excerpt: excerptOf(edit.body),
        });
      }
    }
    if (retitle && edit.tags) await setTopicTags(trx, topicId, edit.tags);
    // A moderator changing someone else's words is a moderation action.
    if (!unchanged && post.author_id !== viewer.id) {
      await recordAudit(trx, {
        actorId: viewer.id,
        action: "post.edit",
        subjectType: "post",
        subjectId: post.id,
        data: {
          topicId,
          number,
          before: { revision: post.revision },
          after: { revision: post.revision + 1 },
          reason: edit.reason ?? "",
        },
      });
    }
    const updated = (await findTopic(trx, topicId))!;
    return { ok: true, path: postPath(updated, number) };
  });
}

type Outcome = { ok: true } | { ok: false; reason: "refused" | "gone" };

async function loadPostForChange(trx: Tx, topicId: number, number: number) {
  const topic = await findTopic(trx, topicId);
  const post = topic ? await findPost(trx, topicId, number) : undefined;
  if (!topic || !post) return undefined;
  return { topic, post, resource: postResource(post, topicResource(topic)) };
}

/** Soft-deletes a reply (shown as deleted; moderators can restore it). */
export async function deletePost(db: Tx, viewer: Viewer, topicId: number, number: number): Promise<Outcome> {
  return inTransaction(db, async (trx) => {
    const found = await loadPostForChange(trx, topicId, number);
    if (!found) return { ok: false, reason: "gone" };
    if (!can(viewer, "post:delete", found.resource)) return { ok: false, reason: "refused" };
    await trx.updateTable("post").set({ deleted_at: nowIso(), deleted_by: viewer.id }).where("id", "=", found.post.id).execute();
    await indexPost(trx, found.post.id);
    if (found.topic.accepted_post_number === number) {
      await trx.updateTable("topic").set({ accepted_post_number: null }).where("id", "=", topicId).execute();
    }
    await refreshTopicStats(trx, topicId);
    await refreshCategoryStats(trx, found.topic.category_id);
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "post.delete",
      subjectType: "post",
      subjectId: found.post.id,
      data: { topicId, number, author: found.post.author_username, own: found.post.author_id === viewer.id },
    });
    return { ok: true };
  });
}

export async function restorePost(db: Tx, viewer: Viewer, topicId: number, number: number): Promise<Outcome> {
  return inTransaction(db, async (trx) => {
    const found = await loadPostForChange(trx, topicId, number);
    if (!found) return { ok: false, reason: "gone" };
    if (!can(viewer, "post:restore", found.resource)) return { ok: false, reason: "refused" };
    await trx.updateTable("post").set({ deleted_at: null, deleted_by: null }).where("id", "=", found.post.id).execute();
    await indexPost(trx, found.post.id);
    await refreshTopicStats(trx, topicId);
    await refreshCategoryStats(trx, found.topic.category_id);
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "post.restore",
      subjectType: "post",
      subjectId: found.post.id,
      data: { topicId, number },
    });
    return { ok: true };
  });
}

/** Deletes a whole topic (soft: moderators can still open and restore it). */
export async function deleteTopic(db: Tx, viewer: Viewer, topicId: number): Promise<Outcome> {
  return inTransaction(db, async (trx) => {
    const topic = await findTopic(trx, topicId);
    if (!topic) return { ok: false, reason: "gone" };
    if (!can(viewer, "topic:delete", topicResource(topic))) return { ok: false, reason: "refused" };
    await trx.updateTable("topic").set({ deleted_at: nowIso(), deleted_by: viewer.id }).where("id", "=", topicId).execute();
    await refreshCategoryStats(trx, topic.category_id);
    await indexTopic(trx, topicId);
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "topic.delete",
      subjectType: "topic",
      subjectId: topicId,
      data: { title: topic.title, own: topic.author_id === viewer.id },
    });
    return { ok: true };
  });
}

export async function restoreTopic(db: Tx, viewer: Viewer, topicId: number): Promise<Outcome> {
  return inTransaction(db, async (trx) => {
    const topic = await findTopic(trx, topicId);
    if (!topic) return { ok: false, reason: "gone" };
    if (!can(viewer, "topic:restore", topicResource(topic))) return { ok: false, reason: "refused" };
    await trx.updateTable("topic").set({ deleted_at: null, deleted_by: null }).where("id", "=", topicId).execute();
    await refreshCategoryStats(trx, topic.category_id);
    await indexTopic(trx, topicId);
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "topic.restore",
      subjectType: "topic",
      subjectId: topicId,
      data: { title: topic.title },
    });
    return { ok: true };
  });
}

/** Adds the viewer's reaction of this kind to a post, or takes it back if they had given it. */
export async function toggleReaction(
  db: Tx,
  viewer: Viewer,
  topicId: number,
  number: number,
  kind: ReactionKind,
  options: { at?: string } = {},
) {
  return inTransaction(db, async (trx): Promise<Outcome & { added?: boolean }> => {
    const found = await loadPostForChange(trx, topicId, number);
    if (!found) return { ok: false, reason: "gone" };
    if (!can(viewer, "post:react", found.resource)) return { ok: false, reason: "refused" };
    const removed = await trx
      .deleteFrom("reaction")
      .where("post_id", "=", found.post.id)
      .where("user_id", "=", viewer.id)
      .where("kind", "=", kind)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) return { ok: true, added: false };
    await trx
      .insertInto("reaction")
      .values({ post_id: found.post.id, user_id: viewer.id, kind, created_at: options.at ?? nowIso() })
      .execute();
    if (found.post.author_id !== null && (await findWatch(trx, found.post.author_id, "topic", topicId)) !== "muted") {
      await notify(trx, [found.post.author_id], {
        kind: "reaction",
        actorId: viewer.id,
        title: found.topic.title,
        excerpt: excerptOf(found.post.body_md, 120),
        url: postPath(found.topic, number),
        ...notificationScope(found.topic),
      });
    }
    return { ok: true, added: true };
  });
}

/** Marks a reply as the accepted answer of a Q&A topic (null: no accepted answer). */
export async function setAcceptedAnswer(db: Tx, viewer: Viewer, topicId: number, number: number | null): Promise<Outcome> {
  return inTransaction(db, async (trx) => {
    const topic = await findTopic(trx, topicId);
    if (!topic) return { ok: false, reason: "gone" };
    if (!can(viewer, "topic:accept-answer", topicResource(topic))) return { ok: false, reason: "refused" };
    const post = number === null ? undefined : await findPost(trx, topicId, number);
    if (number !== null && (!post || number === 1 || post.deleted_at || post.hidden)) return { ok: false, reason: "gone" };
    await trx.updateTable("topic").set({ accepted_post_number: number }).where("id", "=", topicId).execute();
    if (topic.author_id !== viewer.id) {
      await recordAudit(trx, {
        actorId: viewer.id,
        action: number === null ? "topic.unaccept" : "topic.accept",
        subjectType: "topic",
        subjectId: topicId,
        data: { before: { accepted: topic.accepted_post_number }, after: { accepted: number } },
      });
    }
    if (post && post.author_id !== null && number !== topic.accepted_post_number) {
      await notify(trx, [post.author_id], {
        kind: "answer_accepted",
        actorId: viewer.id,
        title: topic.title,
        excerpt: excerptOf(post.body_md, 120),
        url: postPath(topic, post.number),
        ...notificationScope(topic),
      });
    }
    return { ok: true };
  });
}

export type FlagResult = Outcome | { ok: false; reason: "duplicate" };

/** A member flags a post for the moderators, with a reason. One open flag per member and post. */
export async function flagPost(
  db: Tx,
  viewer: Viewer,
  topicId: number,
  number: number,
  reason: string,
  options: { at?: string } = {},
): Promise<FlagResult> {
  return inTransaction(db, async (trx) => {
    const found = await loadPostForChange(trx, topicId, number);
    if (!found) return { ok: false, reason: "gone" };
    if (!can(viewer, "post:flag", found.resource)) return { ok: false, reason: "refused" };
    if (await hasOpenFlag(trx, found.post.id, viewer.id)) return { ok: false, reason: "duplicate" };
    const id = await insertFlag(trx, found.post.id, viewer.id, reason);
    if (options.at) await trx.updateTable("flag").set({ created_at: options.at }).where("id", "=", id).execute();
    return { ok: true };
  });
}

/** Hides a post from members (its author and moderators still see it); its open flags are closed as "hidden". */
export async function hidePost(
  db: Tx,
  viewer: Viewer,
  topicId: number,
  number: number,
  options: { reason?: string } = {},
): Promise<Outcome> {
  return inTransaction(db, async (trx) => {
    const found = await loadPostForChange(trx, topicId, number);
    if (!found) return { ok: false, reason: "gone" };
    if (!can(viewer, "post:hide", found.resource)) return { ok: false, reason: "refused" };
    await trx
      .updateTable("post")
      .set({ hidden: 1, hidden_at: nowIso(), hidden_by: viewer.id })
      .where("id", "=", found.post.id)
      .execute();
    await indexPost(trx, found.post.id);
    const flags = await resolveFlags(trx, found.post.id, "hidden", viewer.id);
    if (found.topic.accepted_post_number === number) {
      await trx.updateTable("topic").set({ accepted_post_number: null }).where("id", "=", topicId).execute();
    }
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "post.hide",
      subjectType: "post",
      subjectId: found.post.id,
      data: { topicId, number, author: found.post.author_username, flags, reason: options.reason ?? "" },
    });
    if (found.post.author_id !== null) {
      await notify(trx, [found.post.author_id], {
        kind: "post_hidden",
        actorId: viewer.id,
        title: found.topic.title,
        url: postPath(found.topic, number),
        ...notificationScope(found.topic),
      });
    }
    return { ok: true };
  });
}

/** Shows a hidden post again; open flags on it are closed as "restored". */
export async function unhidePost(db: Tx, viewer: Viewer, topicId: number, number: number): Promise<Outcome> {
  return inTransaction(db, async (trx) => {
    const found = await loadPostForChange(trx, topicId, number);
    if (!found) return { ok: false, reason: "gone" };
    if (!can(viewer, "post:unhide", found.resource)) return { ok: false, reason: "refused" };
    await trx.updateTable("post").set({ hidden: 0, hidden_at: null, hidden_by: null }).where("id", "=", found.post.id).execute();
    await indexPost(trx, found.post.id);
    const flags = await resolveFlags(trx, found.post.id, "restored", viewer.id);
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "post.unhide",
      subjectType: "post",
      subjectId: found.post.id,
      data: { topicId, number, flags },
    });
    return { ok: true };
  });
}

/** Closes a post's open flags without acting on the post. */
export async function dismissFlags(db: Tx, viewer: Viewer, topicId: number, number: number): Promise<Outcome> {
  return inTransaction(db, async (trx) => {
    const found = await loadPostForChange(trx, topicId, number);
    if (!found) return { ok: false, reason: "gone" };
    if (!can(viewer, "topic:moderate", found.resource.topic)) return { ok: false, reason: "refused" };
    const flags = await resolveFlags(trx, found.post.id, "dismissed", viewer.id);
    if (!flags) return { ok: false, reason: "gone" };
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "flag.dismiss",
      subjectType: "post",
      subjectId: found.post.id,
      data: { topicId, number, flags },
    });
    return { ok: true };
  });
}

/** Pins or unpins, locks or unlocks a topic. */
export async function setTopicFlag(
  db: Tx,
  viewer: Viewer,
  topicId: number,
  flag: "pinned" | "locked",
  value: boolean,
): Promise<Outcome> {
  return inTransaction(db, async (trx) => {
    const topic = await findTopic(trx, topicId);
    if (!topic) return { ok: false, reason: "gone" };
    if (!can(viewer, "topic:moderate", topicResource(topic))) return { ok: false, reason: "refused" };
    if ((topic[flag] === 1) === value) return { ok: true };
    await trx
      .updateTable("topic")
      .set({ [flag]: value ? 1 : 0 })
      .where("id", "=", topicId)
      .execute();
    const action = flag === "pinned" ? (value ? "topic.pin" : "topic.unpin") : value ? "topic.lock" : "topic.unlock";
    await recordAudit(trx, {
      actorId: viewer.id,
      action,
      subjectType: "topic",
      subjectId: topicId,
      data: { title: topic.title, before: { [flag]: topic[flag] === 1 }, after: { [flag]: value } },
    });
    return { ok: true };
  });
}

/** Moves a topic to another category the moderator may moderate; its notifications follow the new visibility. */
export async function moveTopic(db: Tx, viewer: Viewer, topicId: number, categoryId: number): Promise<Outcome> {
  return inTransaction(db, async (trx) => {
    const topic = await findTopic(trx, topicId);
    const target = await trx.selectFrom("category").selectAll().where("id", "=", categoryId).executeTakeFirst();
    if (!topic || !target) return { ok: false, reason: "gone" };
    if (
      !can(viewer, "topic:moderate", topicResource(topic)) ||
      !can(viewer, "forum:moderate", categoryResource(target)) ||
      target.archived_at
    ) {
      return { ok: false, reason: "refused" };
    }
    if (target.id === topic.category_id) return { ok: true };
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
    await recordAudit(trx, {
      actorId: viewer.id,
      action: "topic.move",
      subjectType: "topic",
      subjectId: topicId,
      data: { title: topic.title, before: { category: topic.category_slug }, after: { category: target.slug } },
    });
    return { ok: true };
  });
}

/** Watch (told of every reply / new topic), mute (told of nothing), or back to normal (null). */
export async function setTopicWatch(db: Tx, viewer: Viewer, topicId: number, level: WatchLevel | null) {
  await inTransaction(db, (trx) => setWatch(trx, viewer.id, "topic", topicId, level));
}

export async function setCategoryWatch(db: Tx, viewer: Viewer, categoryId: number, level: WatchLevel | null) {
  await inTransaction(db, (trx) => setWatch(trx, viewer.id, "category", categoryId, level));
}

/** Saves what a member is writing (an empty form clears the draft instead). */
export async function saveTopicDraft(
  db: Tx,
  viewer: Viewer,
  categoryId: number,
  fields: { title: string; body: string; tags: string },
) {
  const key = topicDraftKey(categoryId);
  const empty = !fields.title.trim() && !fields.body.trim() && !fields.tags.trim();
  await inTransaction(db, (trx) => (empty ? deleteDraft(trx, viewer.id, key) : upsertDraft(trx, viewer.id, key, fields)));
}

export async function saveReplyDraft(db: Tx, viewer: Viewer, topicId: number, body: string) {
  const key = replyDraftKey(topicId);
  await inTransaction(db, (trx) => (body.trim() ? upsertDraft(trx, viewer.id, key, { body }) : deleteDraft(trx, viewer.id, key)));
}

export async function discardDraft(db: Tx, viewer: Viewer, key: string) {
  await inTransaction(db, (trx) => deleteDraft(trx, viewer.id, key));
}

/**
 * Records that a member has seen a topic up to post `number`: their read position moves forward,
 * the first visit counts as a view, and their notifications about the topic are marked read.
 * Written only when something changes, so re-reading a topic costs no write.
 */
export async function recordTopicSeen(db: Tx, viewer: Viewer, topicId: number, number: number) {
  const hasUnreadNotifications = await db
    .selectFrom("notification")
    .select("id")
    .where("user_id", "=", viewer.id)
    .where("read_at", "is", null)
    .where(aboutTopic(topicId))
    .limit(1)
    .executeTakeFirst();
  const read = await db
    .selectFrom("topic_read")
    .select("last_read_number")
    .where("user_id", "=", viewer.id)
    .where("topic_id", "=", topicId)
    .executeTakeFirst();
  if (!hasUnreadNotifications && read && read.last_read_number >= number) return;
  // Read positions and read marks may lose their last moves in a power cut: no fsync for them.
  await inTransaction(
    db,
    async (trx) => {
      await markRead(trx, viewer.id, topicId, number);
      if (hasUnreadNotifications) await markTopicNotificationsRead(trx, viewer.id, topicId);
    },
    { durability: "relaxed" },
  );
}
