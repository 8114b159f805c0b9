// What the topic page reads: the topic (404 unless the viewer may read it), one page of its posts
// with their reactions, the accepted answer, the post being edited, the reply draft, the watch
// level, the categories it may move to, and what the viewer may do. Reading it moves the member's
// read position.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { categoryResource, listOpenCategories } from "~/models/category.server";
import { findDraft, findTopicRead, findWatch, replyDraftKey } from "~/models/forum-state.server";
import { findPost, listPostsPage, postResource, reactionsOfPosts } from "~/models/post.server";
import { findTopic, pageOfPost, postAddress, tagsOfTopics, topicResource, type FoundTopic } from "~/models/topic.server";
import { authorize, can, readableScope, type Viewer } from "~/policies";
import type { TopicResource } from "~/policies/forums";
import { presentPost, presentTopic } from "~/presenters/forum.server";
import { recordTopicSeen } from "~/services/forum/reading-state.server";
import type { Tx } from "~/utils/db.server";
import { getDb } from "~/utils/db.server";
import { notFound, parseId } from "~/utils/http.server";
import { postAnchor, topicPath, withQuery } from "~/utils/paths";

/** The topic of the address, if the viewer may read it (else 404). */
export async function loadTopic(params: LoaderFunctionArgs["params"], viewer: Viewer | null) {
  const topicId = parseId(params.topicId);
  const topic = await findTopic(getDb(), topicId);
  if (!topic) notFound();
  const resource = topicResource(topic);
  authorize(viewer, "topic:read", resource);
  return { topic, resource };
}

/** The page asked for (404 beyond the last), or a returning member's first unread post (a redirect). */
function pageToShow(url: URL, topic: FoundTopic, lastRead: number | null): number {
  const pageCount = pageOfPost(topic.last_post_number);
  const pageParam = url.searchParams.get("page");
  if (pageParam !== null) {
    const page = /^[1-9][0-9]{0,6}$/.test(pageParam) ? Number(pageParam) : 0;
    if (page < 1 || page > pageCount) notFound();
    return page;
  }
  if (lastRead !== null && lastRead < topic.last_post_number) {
    // A returning member lands on the first post they have not read.
    const first = lastRead + 1;
    throw redirect(withQuery(topicPath(topic), { page: pageOfPost(first) }, postAnchor(first)));
  }
  return 1;
}

async function acceptedAnswerOf(db: Tx, viewer: Viewer | null, topic: FoundTopic, resource: TopicResource) {
  if (!topic.accepted_post_number) return null;
  const answer = await findPost(db, topic.id, topic.accepted_post_number);
  if (!answer || !can(viewer, "post:see-content", postResource(answer, resource))) return null;
  return {
    number: answer.number,
    html: answer.body_html,
    author_name: answer.author_name,
    permalink: postAddress(topic, answer.number),
  };
}

export async function topicPageData(db: Tx, viewer: Viewer | null, topic: FoundTopic, resource: TopicResource, url: URL) {
  const tracking = can(viewer, "topic:track-reading", resource);
  const lastRead = tracking && viewer ? await findTopicRead(db, viewer.id, topic.id) : null;
  const page = pageToShow(url, topic, lastRead);

  const rows = await listPostsPage(db, topic.id, page);
  const reactions = await reactionsOfPosts(
    db,
    rows.map((row) => row.id),
    viewer?.id ?? null,
  );
  const canReply = can(viewer, "topic:reply", resource);
  const posts = rows.map((row) => presentPost(row, { viewer, topic, resource, reactions, canReply }));
  const acceptedAnswer = await acceptedAnswerOf(db, viewer, topic, resource);

  const moderate = can(viewer, "topic:moderate", resource);
  const scope = readableScope(viewer);
  const moveTargets = moderate
    ? (await listOpenCategories(db, scope))
        .filter((category) => category.id !== topic.category_id && can(viewer, "forum:moderate", categoryResource(category)))
        .map((category) => ({ id: category.id, name: category.name }))
    : [];

  // The markdown source is read only for the post being edited (it must be on this page).
  const editParam = Number(url.searchParams.get("edit"));
  const editRow = rows.find((row) => row.number === editParam);
  const editPost =
    editRow && can(viewer, "post:edit", postResource(editRow, resource))
      ? await findPost(db, topic.id, editRow.number)
      : undefined;
  const editing = editPost ? { number: editPost.number, body: editPost.body_md, revision: editPost.revision } : null;

  const tags = (await tagsOfTopics(db, [topic.id])).get(topic.id) ?? [];
  const draft = canReply && viewer ? await findDraft(db, viewer.id, replyDraftKey(topic.id)) : undefined;
  const watchLevel =
    can(viewer, "topic:watch", resource) && viewer
      ? ((await findWatch(db, viewer.id, "topic", topic.id)) ?? ("normal" as const))
      : null;

  if (tracking && viewer && rows.length) await recordTopicSeen(db, viewer, topic.id, rows[rows.length - 1].number);

  return {
    title: topic.title,
    topic: presentTopic(topic),
    tags,
    page,
    pageCount: pageOfPost(topic.last_post_number),
    posts,
    firstUnread: lastRead !== null && lastRead < topic.last_post_number ? lastRead + 1 : null,
    acceptedAnswer,
    editing,
    draft: draft ? { body: draft.body, updated_at: draft.updated_at } : null,
    watchLevel,
    moveTargets,
    can: {
      reply: canReply,
      moderate,
      deleteTopic: can(viewer, "topic:delete", resource),
      restoreTopic: can(viewer, "topic:restore", resource),
      editTitle: can(viewer, "topic:edit-title", resource),
    },
    viewer: viewer ? { approved: viewer.status === "approved" } : null,
    inGroupSpace: topic.category_group_id !== null,
  };
}
