// What every forum write shares: the transaction it runs in, the topic or post it changes (loaded
// inside that transaction, with its policy resource, and checked with can() there), its audit entry,
// and the notifications it sends (a new post to mentioned members and watchers, a change to a
// post's author).
import type { ForumRules, PostResource, TopicResource } from "~/policies/forums";
import { recordAudit } from "~/models/audit.server";
import { approvedUsersByUsername, loadViewers } from "~/models/forum-audience.server";
import { watchersOf } from "~/models/forum-state.server";
import { notify } from "~/models/notification.server";
import { excerptOf, findPost, postResource } from "~/models/post.server";
import { findTopic, notificationScope, postAddress, topicResource, type FoundTopic } from "~/models/topic.server";
import { rateLimit } from "~/models/rate-limit.server";
import { can, type Viewer } from "~/policies";
import { writeTransaction, type DB, type Tx, type WriteOptions } from "~/utils/db.server";
import { fail, type Fail } from "~/utils/result";

/** Runs `work` in a write transaction, or inside the caller's one (the demo seed runs in one). */
export function inTransaction<T>(db: Tx, work: (trx: Tx) => Promise<T>, options?: WriteOptions): Promise<T> {
  return db.isTransaction ? work(db) : writeTransaction(db as DB, work, options);
}

/**
 * Counts one more post or flag of the member: 0 when allowed, else the seconds to wait. The counter
 * commits on its own (a write that waits for it cannot hold the write lock meanwhile), so a write
 * running inside a caller's transaction (the demo seed) is not counted.
 */
export async function throttle(db: Tx, bucket: "post" | "flag", viewer: Viewer): Promise<number> {
  return db.isTransaction ? 0 : rateLimit(bucket, `user:${viewer.id}`);
}

/** A refusal every change may answer: the thing is gone, or the viewer may not do this to it. */
export type Refusal = Fail<"not_found"> | Fail<"forbidden">;

type ActionOn<R> = { [A in keyof ForumRules]: ForumRules[A] extends R ? A : never }[keyof ForumRules];
export type TopicAction = ActionOn<TopicResource>;
export type PostAction = ActionOn<PostResource>;

export interface TopicInHand {
  topic: FoundTopic;
  resource: TopicResource;
}

export type FoundPost = NonNullable<Awaited<ReturnType<typeof findPost>>>;

export interface PostInHand {
  topic: FoundTopic;
  post: FoundPost;
  resource: PostResource;
}

/** A topic and its post `number`, as they are now (call inside the write's transaction). */
export async function loadPost(trx: Tx, topicId: number, number: number): Promise<PostInHand | undefined> {
  const topic = await findTopic(trx, topicId);
  const post = topic ? await findPost(trx, topicId, number) : undefined;
  if (!topic || !post) return undefined;
  return { topic, post, resource: postResource(post, topicResource(topic)) };
}

/** Runs `work` on a topic the viewer may act on, in one transaction; else not_found or forbidden. */
export function changeTopic<W>(
  db: Tx,
  viewer: Viewer,
  topicId: number,
  action: TopicAction,
  work: (trx: Tx, found: TopicInHand) => Promise<W>,
  options?: WriteOptions,
): Promise<W | Refusal> {
  return inTransaction(
    db,
    async (trx) => {
      const topic = await findTopic(trx, topicId);
      if (!topic) return fail("not_found");
      const resource = topicResource(topic);
      if (!can(viewer, action, resource)) return fail("forbidden");
      return work(trx, { topic, resource });
    },
    options,
  );
}

/** Runs `work` on a post the viewer may act on (a post action, or a topic action on its topic). */
export function changePost<W>(
  db: Tx,
  viewer: Viewer,
  topicId: number,
  number: number,
  action: PostAction | TopicAction,
  work: (trx: Tx, found: PostInHand) => Promise<W>,
): Promise<W | Refusal> {
  return inTransaction(db, async (trx) => {
    const found = await loadPost(trx, topicId, number);
    if (!found) return fail("not_found");
    const allowed = action.startsWith("post:")
      ? can(viewer, action as PostAction, found.resource)
      : can(viewer, action as TopicAction, found.resource.topic);
    if (!allowed) return fail("forbidden");
    return work(trx, found);
  });
}

/** Records a moderation (or otherwise audited) action on a post or a topic, by the viewer. */
export function audit(
  trx: Tx,
  viewer: Viewer,
  action: string,
  subject: "post" | "topic",
  id: number,
  data?: Record<string, unknown>,
) {
  return recordAudit(trx, { actorId: viewer.id, action, subjectType: subject, subjectId: id, data });
}

/** Tells a post's author what someone did to it (a reaction, an accepted answer, a hidden post). */
export async function notifyAuthor(
  trx: Tx,
  viewer: Viewer,
  topic: FoundTopic,
  post: { author_id: number | null; number: number; body_md: string },
  kind: "reaction" | "answer_accepted" | "post_hidden",
) {
  if (post.author_id === null) return;
  await notify(trx, [post.author_id], {
    kind,
    actorId: viewer.id,
    title: topic.title,
    ...(kind === "post_hidden" ? {} : { excerpt: excerptOf(post.body_md, 120) }),
    url: postAddress(topic, post.number),
    ...notificationScope(topic),
  });
}

export interface Delivery {
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
export async function deliver(trx: Tx, delivery: Delivery) {
  const { topic, actorId } = delivery;
  const resource = topicResource(topic);
  const mentionedIds = [...(await approvedUsersByUsername(trx, delivery.mentioned)).values()];
  const muted = new Set(await watchersOf(trx, "topic", topic.id, "muted"));
  const audience = await loadViewers(trx, [...mentionedIds, ...delivery.watchers]);
  const mayRead = new Set(audience.filter((viewer) => can(viewer, "topic:read", resource)).map((viewer) => viewer.id));
  const url = postAddress(topic, delivery.number);
  const common = { actorId, title: topic.title, excerpt: delivery.excerpt, url, ...notificationScope(topic) };
  const mentionRecipients = mentionedIds.filter((id) => mayRead.has(id) && !muted.has(id));
  await notify(trx, mentionRecipients, { kind: "mention", ...common });
  const told = new Set(mentionedIds);
  const watcherRecipients = delivery.watchers.filter((id) => mayRead.has(id) && !muted.has(id) && !told.has(id));
  await notify(trx, watcherRecipients, { kind: delivery.kind, ...common });
}
