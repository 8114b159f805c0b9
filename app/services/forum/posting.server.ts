// What members write in the forums: topics, replies and edits (each with its revision), deleting
// and restoring posts, reactions and accepted answers. Each runs in one write transaction
// (BEGIN IMMEDIATE) that re-checks can() and the state rules (a locked or deleted topic, a deleted
// or hidden post, the author's undo window…) on the rows as they are inside it.
import type { ReactionKind } from "~/domain/vocabulary";
import { categoryResource, countCategoryReply, findCategoryById, refreshCategoryStats } from "~/models/category.server";
import { approvedUsersByUsername } from "~/models/forum-audience.server";
import { deleteDraft, findWatch, replyDraftKey, topicDraftKey, watchersOf, watchIfUnset } from "~/models/forum-state.server";
import { excerptOf, findPost, nextPostNumber } from "~/models/post.server";
import {
  countReply,
  findTopic,
  postAddress,
  refreshTopicStats,
  setTopicTags,
  topicResource,
  topicSlug,
  type FoundTopic,
} from "~/models/topic.server";
import { can, type Viewer } from "~/policies";
import { indexPost, indexTopic } from "~/services/search/indexers.server";
import { nowIso, type Tx } from "~/utils/db.server";
import { mentionCandidates, renderMarkdown } from "~/utils/markdown.server";
import { fail, ok, type Fail, type Ok } from "~/utils/result";
import { markRead } from "./reading-state.server";
import {
  audit,
  changePost,
  changeTopic,
  deliver,
  inTransaction,
  loadPost,
  notifyAuthor,
  throttle,
  type Refusal,
} from "./shared.server";

/** Renders a post's markdown once, at write time, linking the @mentions of existing members. */
export async function renderPost(db: Tx, markdown: string) {
  const known = await approvedUsersByUsername(db, mentionCandidates(markdown));
  return renderMarkdown(markdown, { mentions: new Set(known.keys()) });
}

type Throttled = Fail<"too_many_posts", { retryAfter: number }>;

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
export async function createTopic(
  db: Tx,
  viewer: Viewer,
  categoryId: number,
  input: NewTopic,
  options: { at?: string } = {},
): Promise<Ok<{ topicId: number; slug: string }> | Refusal | Throttled> {
  const retryAfter = await throttle(db, "post", viewer);
  if (retryAfter) return fail("too_many_posts", { retryAfter });
  return inTransaction(db, async (trx) => {
    const category = await findCategoryById(trx, categoryId);
    if (!category) return fail("not_found");
    if (!can(viewer, "topic:create", categoryResource(category))) return fail("forbidden");
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
    await deliver(trx, {
      topic: (await findTopic(trx, topicId))!,
      actorId: viewer.id,
      mentioned: rendered.mentions,
      watchers: await watchersOf(trx, "category", categoryId, "watching"),
      kind: "watched_topic",
      number: 1,
      excerpt: excerptOf(input.body),
    });
    return ok({ topicId, slug });
  });
}

/** Why the viewer may not reply to the topic as it is (its lock, or anything else), or null when they may. */
export function replyRefusal(viewer: Viewer | null, topic: FoundTopic): "topic_locked" | "forbidden" | null {
  if (can(viewer, "topic:reply", topicResource(topic))) return null;
  return topic.locked ? "topic_locked" : "forbidden";
}

/** Adds a reply at the end of a topic (the number is taken inside the transaction: concurrent replies never collide). */
export async function replyToTopic(
  db: Tx,
  viewer: Viewer,
  topicId: number,
  body: string,
  options: { at?: string } = {},
): Promise<Ok<{ number: number; path: string }> | Fail<"not_found" | "topic_locked" | "forbidden"> | Throttled> {
  const retryAfter = await throttle(db, "post", viewer);
  if (retryAfter) return fail("too_many_posts", { retryAfter });
  return inTransaction(db, async (trx) => {
    const topic = await findTopic(trx, topicId);
    if (!topic || topic.deleted_at) return fail("not_found");
    const refusal = replyRefusal(viewer, topic);
    if (refusal) return fail(refusal);
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
    return ok({ number, path: postAddress(topic, number) });
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

export interface CurrentText {
  body: string;
  revision: number;
  editedBy: string | null;
  editedAt: string | null;
  title: string;
}

/**
 * Edits a post, keeping the previous text as a revision. An edit based on an older revision than
 * the current one (someone, e.g. a moderator, edited meanwhile) is refused with the current text.
 */
export async function editPost(
  db: Tx,
  viewer: Viewer,
  topicId: number,
  number: number,
  edit: PostEdit,
): Promise<Ok<{ path: string }> | Refusal | Fail<"conflict", { current: CurrentText }>> {
  return inTransaction(db, async (trx) => {
    const found = await loadPost(trx, topicId, number);
    if (!found) return fail("not_found");
    const { topic, post } = found;
    if (!can(viewer, "post:edit", found.resource)) return fail(post.deleted_at ? "not_found" : "forbidden");
    if (post.revision !== edit.baseRevision) {
      const editor = post.edited_by
        ? await trx.selectFrom("user").select("display_name").where("id", "=", post.edited_by).executeTakeFirst()
        : undefined;
      const current = {
        body: post.body_md,
        revision: post.revision,
        editedBy: editor?.display_name ?? null,
        editedAt: post.edited_at,
        title: topic.title,
      };
      return fail("conflict", { current });
    }
    const retitle = number === 1 && edit.title !== undefined && can(viewer, "topic:edit-title", found.resource.topic);
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
        await deliver(trx, {
          topic: (await findTopic(trx, topicId))!,
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
      await audit(trx, viewer, "post.edit", "post", post.id, {
        topicId,
        number,
        before: { revision: post.revision },
        after: { revision: post.revision + 1 },
        reason: edit.reason ?? "",
      });
    }
    const updated = (await findTopic(trx, topicId))!;
    return ok({ path: postAddress(updated, number) });
  });
}

/** Soft-deletes a reply (shown as deleted; moderators can restore it, its author may undo it for a while). */
export function deletePost(db: Tx, viewer: Viewer, topicId: number, number: number) {
  return changePost(db, viewer, topicId, number, "post:delete", async (trx, { topic, post }) => {
    await trx.updateTable("post").set({ deleted_at: nowIso(), deleted_by: viewer.id }).where("id", "=", post.id).execute();
    await indexPost(trx, post.id);
    if (topic.accepted_post_number === number) {
      await trx.updateTable("topic").set({ accepted_post_number: null }).where("id", "=", topicId).execute();
    }
    await refreshTopicStats(trx, topicId);
    await refreshCategoryStats(trx, topic.category_id);
    const own = post.author_id === viewer.id;
    await audit(trx, viewer, "post.delete", "post", post.id, { topicId, number, author: post.author_username, own });
    return ok();
  });
}

export function restorePost(db: Tx, viewer: Viewer, topicId: number, number: number) {
  return changePost(db, viewer, topicId, number, "post:restore", async (trx, { topic, post }) => {
    await trx.updateTable("post").set({ deleted_at: null, deleted_by: null }).where("id", "=", post.id).execute();
    await indexPost(trx, post.id);
    await refreshTopicStats(trx, topicId);
    await refreshCategoryStats(trx, topic.category_id);
    await audit(trx, viewer, "post.restore", "post", post.id, { topicId, number });
    return ok();
  });
}

/** Adds the viewer's reaction of this kind to a post, or takes it back if they had given it. */
export function toggleReaction(
  db: Tx,
  viewer: Viewer,
  topicId: number,
  number: number,
  kind: ReactionKind,
  options: { at?: string } = {},
) {
  return changePost(db, viewer, topicId, number, "post:react", async (trx, { topic, post }) => {
    const removed = await trx
      .deleteFrom("reaction")
      .where("post_id", "=", post.id)
      .where("user_id", "=", viewer.id)
      .where("kind", "=", kind)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) return ok({ added: false });
    await trx
      .insertInto("reaction")
      .values({ post_id: post.id, user_id: viewer.id, kind, created_at: options.at ?? nowIso() })
      .execute();
    if (post.author_id !== null && (await findWatch(trx, post.author_id, "topic", topicId)) !== "muted") {
      await notifyAuthor(trx, viewer, topic, post, "reaction");
    }
    return ok({ added: true });
  });
}

/** Marks a reply as the accepted answer of a Q&A topic (null: no accepted answer). */
export function setAcceptedAnswer(db: Tx, viewer: Viewer, topicId: number, number: number | null) {
  return changeTopic(db, viewer, topicId, "topic:accept-answer", async (trx, { topic }) => {
    const post = number === null ? undefined : await findPost(trx, topicId, number);
    if (number !== null && (!post || number === 1 || post.deleted_at || post.hidden)) return fail("not_found");
    await trx.updateTable("topic").set({ accepted_post_number: number }).where("id", "=", topicId).execute();
    if (topic.author_id !== viewer.id) {
      await audit(trx, viewer, number === null ? "topic.unaccept" : "topic.accept", "topic", topicId, {
        before: { accepted: topic.accepted_post_number },
        after: { accepted: number },
      });
    }
    if (post && number !== topic.accepted_post_number) await notifyAuthor(trx, viewer, topic, post, "answer_accepted");
    return ok();
  });
}
