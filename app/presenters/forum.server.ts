// What the forum pages show of the rows they read: a post as the topic page draws it (PostView,
// with what the viewer may do to it, decided by can()), a topic's header, an item of the
// moderation queue. Mapping only: the loaders read the rows.
import type { PostView } from "~/components/forum/post-article";
import type { PageRow, ReactionSummary } from "~/models/post.server";
import { postResource } from "~/models/post.server";
import { postAddress, type FoundTopic } from "~/models/topic.server";
import { can, type Viewer } from "~/policies";
import { authorRestoreDeadline, type TopicResource } from "~/policies/forums";

export interface PostContext {
  viewer: Viewer | null;
  topic: FoundTopic;
  resource: TopicResource;
  reactions: Map<number, ReactionSummary[]>;
  canReply: boolean;
}

/** One post of the page, with what the viewer may see of it and do to it. */
export function presentPost(row: PageRow, { viewer, topic, resource, reactions, canReply }: PostContext): PostView {
  const post = postResource(row, resource);
  const visible = can(viewer, "post:see-content", post);
  const accepted = topic.accepted_post_number === row.number;
  const restore = can(viewer, "post:restore", post);
  const undoUntil = restore && viewer && row.deleted_by === viewer.id ? authorRestoreDeadline(post) : null;
  return {
    number: row.number,
    created_at: row.created_at,
    edited_at: row.edited_at,
    author: row.author_username
      ? {
          username: row.author_username,
          display_name: row.author_name!,
          organization: row.author_organization!,
          country: row.author_country!,
          member_type: row.author_member_type!,
        }
      : null,
    state: row.deleted_at ? "deleted" : row.hidden ? "hidden" : "visible",
    html: visible ? row.body_html : null,
    accepted,
    // The author who deleted their own post may undo it for a while: the page says so in place.
    undoDeleteUntil: undoUntil && !can(viewer, "topic:moderate", resource) ? undoUntil.toISOString() : null,
    reactions: row.deleted_at || (row.hidden && !visible) ? [] : (reactions.get(row.id) ?? []),
    can: {
      edit: can(viewer, "post:edit", post),
      delete: row.number === 1 ? false : can(viewer, "post:delete", post),
      restore,
      hide: can(viewer, "post:hide", post),
      unhide: can(viewer, "post:unhide", post),
      flag: can(viewer, "post:flag", post),
      react: can(viewer, "post:react", post),
      accept: row.number > 1 && !accepted && !row.deleted_at && !row.hidden && can(viewer, "topic:accept-answer", resource),
      unaccept: accepted && can(viewer, "topic:accept-answer", resource),
      quote: canReply && visible && !row.deleted_at,
      history: row.revision > 1 && can(viewer, "post:read-history", post),
    },
  };
}

/** The topic as its page's header, sidebar and tools show it. */
export function presentTopic(topic: FoundTopic) {
  return {
    id: topic.id,
    title: topic.title,
    slug: topic.slug,
    pinned: topic.pinned,
    locked: topic.locked,
    deleted: topic.deleted_at !== null,
    accepted_post_number: topic.accepted_post_number,
    created_at: topic.created_at,
    replies: Math.max(0, topic.post_count - 1),
    view_count: topic.view_count,
    last_post_number: topic.last_post_number,
    author_name: topic.author_name,
    category: {
      slug: topic.category_slug,
      name: topic.category_name,
      visibility: topic.category_visibility,
      qa: topic.category_qa === 1,
      archived: topic.category_archived_at !== null,
      groupSlug: topic.group_slug,
      groupName: topic.group_name,
    },
  };
}

interface QueueRow {
  topic_id: number;
  topic_title: string;
  topic_slug: string;
  number: number;
  category_name: string;
  author_name: string | null;
  author_username: string | null;
  body_html: string;
  hidden: number;
  deleted_at: string | null;
  created_at: string;
}

/** A post of the moderation queue (flagged or hidden). */
export function presentQueuedPost(row: QueueRow) {
  return {
    topicId: row.topic_id,
    topicTitle: row.topic_title,
    number: row.number,
    permalink: postAddress({ id: row.topic_id, slug: row.topic_slug }, row.number),
    categoryName: row.category_name,
    authorName: row.author_name,
    authorUsername: row.author_username,
    html: row.body_html,
    hidden: row.hidden === 1,
    deleted: row.deleted_at !== null,
    created_at: row.created_at,
  };
}
