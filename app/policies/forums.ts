// Who may do what in the forums. Merged into the rules of app/policies/index.ts.
//
// A topic and its posts inherit their category's visibility. Moderators moderate every category
// they may read; the chair of a working group also moderates the group's own discussion spaces
// (private spaces would otherwise have no moderator: site moderators cannot read them).
import type { CategoryVisibility } from "~/domain/vocabulary";
import { canReadCategory, groupRole, isAdmin, isApproved, isModerator, type RuleSet, type Viewer } from "./viewer";

export interface ForumCategoryResource {
  kind: "category";
  visibility: CategoryVisibility;
  groupId: number | null;
  archived: boolean;
  qa: boolean;
}

export interface TopicResource {
  kind: "topic";
  authorId: number | null;
  locked: boolean;
  deleted: boolean;
  /** Posts that are not deleted (1 = no reply yet). */
  postCount: number;
  category: ForumCategoryResource;
}

export interface PostResource {
  kind: "post";
  number: number;
  authorId: number | null;
  hidden: boolean;
  deleted: boolean;
  /** Who deleted the post and when (null while it is not deleted). */
  deletedBy: number | null;
  deletedAt: string | null;
  topic: TopicResource;
}

/** How long authors may undo the deletion of their own post (as Discourse); moderators restore any time. */
export const AUTHOR_RESTORE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Until when the author may restore the post they deleted themselves, or null. */
export function authorRestoreDeadline(post: Pick<PostResource, "deleted" | "deletedBy" | "deletedAt" | "authorId">): Date | null {
  if (!post.deleted || post.deletedAt === null || post.authorId === null || post.deletedBy !== post.authorId) return null;
  const deletedAt = Date.parse(post.deletedAt);
  return Number.isFinite(deletedAt) ? new Date(deletedAt + AUTHOR_RESTORE_WINDOW_MS) : null;
}

export interface ForumRules {
  "forum:moderate": ForumCategoryResource;
  "moderation:queue": undefined;
  "category:manage": undefined;
  "category:read-feed": ForumCategoryResource;
  "category:watch": ForumCategoryResource;
  "topic:create": ForumCategoryResource;
  "topic:read": TopicResource;
  "topic:reply": TopicResource;
  "topic:watch": TopicResource;
  "topic:track-reading": TopicResource;
  "topic:moderate": TopicResource;
  "topic:accept-answer": TopicResource;
  "topic:delete": TopicResource;
  "topic:restore": TopicResource;
  "topic:edit-title": TopicResource;
  "post:see-content": PostResource;
  "post:read-history": PostResource;
  "post:edit": PostResource;
  "post:delete": PostResource;
  "post:restore": PostResource;
  "post:react": PostResource;
  "post:flag": PostResource;
  "post:hide": PostResource;
  "post:unhide": PostResource;
}

const isAuthor = (viewer: Viewer | null, authorId: number | null): viewer is Viewer =>
  isApproved(viewer) && authorId !== null && viewer.id === authorId;

/** Moderators who may read the category, and the chair of the working group that owns it. */
export function canModerateCategory(viewer: Viewer | null, category: ForumCategoryResource): boolean {
  if (isModerator(viewer) && canReadCategory(viewer, category)) return true;
  return category.groupId !== null && groupRole(viewer, category.groupId) === "chair";
}

/** Approved members who may read the category; in a working group's space, its members (and moderators). */
function canPostIn(viewer: Viewer | null, category: ForumCategoryResource): boolean {
  if (!isApproved(viewer) || category.archived || !canReadCategory(viewer, category)) return false;
  if (category.groupId === null) return true;
  return groupRole(viewer, category.groupId) !== undefined || isModerator(viewer);
}

function canReadTopic(viewer: Viewer | null, topic: TopicResource): boolean {
  if (!canReadCategory(viewer, topic.category)) return false;
  return !topic.deleted || canModerateCategory(viewer, topic.category);
}

function canSeeContent(viewer: Viewer | null, post: PostResource): boolean {
  if (!canReadTopic(viewer, post.topic)) return false;
  if (post.deleted) return canModerateCategory(viewer, post.topic.category);
  if (post.hidden) return isAuthor(viewer, post.authorId) || canModerateCategory(viewer, post.topic.category);
  return true;
}

const moderates = (viewer: Viewer | null, topic: TopicResource) => canModerateCategory(viewer, topic.category);

export const forumRules: RuleSet<ForumRules> = {
  "forum:moderate": canModerateCategory,
  "moderation:queue": (viewer) => isModerator(viewer),
  "category:manage": (viewer) => isAdmin(viewer),
  // Feeds are read by anonymous feed readers: public spaces only, whoever asks.
  "category:read-feed": (_viewer, category) => category.visibility === "public",
  "category:watch": (viewer, category) => isApproved(viewer) && canReadCategory(viewer, category),
  "topic:create": canPostIn,
  "topic:read": canReadTopic,
  // A locked topic refuses replies; its moderators may still answer in it.
  "topic:reply": (viewer, topic) =>
    !topic.deleted && canPostIn(viewer, topic.category) && (!topic.locked || moderates(viewer, topic)),
  "topic:watch": (viewer, topic) => isApproved(viewer) && canReadTopic(viewer, topic),
  // Read positions (unread counts, landing on the first unread post) are kept for approved members.
  "topic:track-reading": (viewer, topic) => isApproved(viewer) && canReadTopic(viewer, topic),
  "topic:moderate": (viewer, topic) => canReadTopic(viewer, topic) && moderates(viewer, topic),
  "topic:accept-answer": (viewer, topic) =>
    topic.category.qa &&
    !topic.deleted &&
    canReadTopic(viewer, topic) &&
    ((isAuthor(viewer, topic.authorId) && !topic.category.archived) || moderates(viewer, topic)),
  // Authors may withdraw a topic nobody has answered yet; moderators may delete any.
  "topic:delete": (viewer, topic) =>
    !topic.deleted &&
    canReadTopic(viewer, topic) &&
    (moderates(viewer, topic) ||
      (isAuthor(viewer, topic.authorId) && topic.postCount <= 1 && !topic.locked && !topic.category.archived)),
  "topic:restore": (viewer, topic) => topic.deleted && moderates(viewer, topic),
  "topic:edit-title": (viewer, topic) =>
    !topic.deleted &&
    canReadTopic(viewer, topic) &&
    (moderates(viewer, topic) || (isAuthor(viewer, topic.authorId) && !topic.locked && !topic.category.archived)),
  "post:see-content": canSeeContent,
  "post:read-history": canSeeContent,
  "post:edit": (viewer, post) =>
    !post.deleted &&
    !post.topic.deleted &&
    canReadTopic(viewer, post.topic) &&
    (moderates(viewer, post.topic) ||
      (isAuthor(viewer, post.authorId) &&
        !post.topic.locked &&
        !post.topic.category.archived &&
        canReadCategory(viewer, post.topic.category))),
  // The first post stands for the topic: it goes with "topic:delete".
  "post:delete": (viewer, post) =>
    post.number > 1 &&
    !post.deleted &&
    !post.topic.deleted &&
    canReadTopic(viewer, post.topic) &&
    (moderates(viewer, post.topic) || (isAuthor(viewer, post.authorId) && !post.topic.locked && !post.topic.category.archived)),
  // Moderators restore any deleted post; authors undo their own deletion for a day, where they
  // could still delete it (the topic neither locked nor archived).
  "post:restore": (viewer, post) => {
    if (!post.deleted || post.topic.deleted) return false;
    if (moderates(viewer, post.topic)) return true;
    const deadline = authorRestoreDeadline(post);
    return (
      deadline !== null &&
      Date.now() < deadline.getTime() &&
      isAuthor(viewer, post.authorId) &&
      canReadTopic(viewer, post.topic) &&
      !post.topic.locked &&
      !post.topic.category.archived
    );
  },
  "post:react": (viewer, post) =>
    isApproved(viewer) &&
    viewer.id !== post.authorId &&
    !post.deleted &&
    !post.hidden &&
    !post.topic.deleted &&
    !post.topic.category.archived &&
    canReadTopic(viewer, post.topic),
  "post:flag": (viewer, post) =>
    isApproved(viewer) && viewer.id !== post.authorId && !post.deleted && !post.topic.deleted && canReadTopic(viewer, post.topic),
  "post:hide": (viewer, post) =>
    !post.deleted && !post.hidden && canReadTopic(viewer, post.topic) && moderates(viewer, post.topic),
  "post:unhide": (viewer, post) =>
    !post.deleted && post.hidden && canReadTopic(viewer, post.topic) && moderates(viewer, post.topic),
};
