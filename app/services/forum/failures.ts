// Why a forum service refuses, and how a route says it: one table for the whole forum domain
// (posting, moderation, reading state, categories). Isomorphic: no server imports.
import type { Explanations } from "~/utils/failure.server";

export type ForumReason =
  /** The viewer may not do this (can() said no, inside the write's transaction). */
  | "forbidden"
  /** The topic, post, category or flag is gone (or a deleted post is being edited). */
  | "not_found"
  /** A reply to a locked topic by someone who does not moderate it. */
  | "topic_locked"
  /** The post was edited since the editor opened it; the failure carries the current text. */
  | "conflict"
  /** The member already has an open flag on this post. */
  | "flag_duplicate"
  /** Another category has this address. */
  | "slug_taken"
  /** The text would be longer than MAX_POST_BYTES (a quote added to a draft). */
  | "post_too_long"
  /** Too many topics and replies in the window (RATE_LIMITS.post); carries retryAfter. */
  | "too_many_posts"
  /** Too many flags in the window (RATE_LIMITS.flag); carries retryAfter. */
  | "too_many_flags";

export const FORUM_FAILURES: Explanations<ForumReason> = {
  // The reply form is the one form that words these two; elsewhere they answer the 403/404 page.
  forbidden: { message: "forums.errors.cannotReply" },
  not_found: { message: "forums.errors.cannotReply" },
  topic_locked: { status: 403, message: "forums.errors.locked" },
  conflict: { message: "forums.errors.editConflict" },
  flag_duplicate: { status: 409, message: "forums.flag.duplicate" },
  slug_taken: { status: 409, message: "forums.validation.slugTaken", field: "slug" },
  post_too_long: { status: 400, message: "forums.validation.bodyTooLong", field: "body" },
  too_many_posts: { status: 429, message: "forums.errors.tooManyPosts" },
  too_many_flags: { status: 429, message: "forums.errors.tooManyFlags" },
};

/** The Retry-After header of a throttled write (429), for the response that explains it. */
export function retryHeaders(failure: object): Record<string, string> | undefined {
  return "retryAfter" in failure ? { "Retry-After": String(failure.retryAfter) } : undefined;
}
