// The edit history of a post: every revision, who made it and when, with a word diff from the
// revision before it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { diffWordsWithSpace } from "diff";
import { useTranslation } from "react-i18next";
import { findPost, listRevisions, postResource } from "~/models/post.server";
import { findTopic, postAddress, topicResource } from "~/models/topic.server";
import { authorize } from "~/policies";
import { getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { notFound, parseId } from "~/utils/http.server";
import { forumsPath, memberPath, topicPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";

type Segment = { kind: "same" | "added" | "removed"; text: string };

/** A word diff; very different texts (beyond a few thousand edits) show as replaced whole. */
function wordDiff(before: string, after: string): Segment[] {
  const changes = diffWordsWithSpace(before, after, { maxEditLength: 4000 });
  if (!changes) return [...(before ? [{ kind: "removed" as const, text: before }] : []), { kind: "added", text: after }];
  return changes.map((change) => ({ kind: change.added ? "added" : change.removed ? "removed" : "same", text: change.value }));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const db = getDb();
  const topic = await findTopic(db, parseId(params.topicId));
  if (!topic) notFound();
  const resource = topicResource(topic);
  authorize(viewer, "topic:read", resource);
  const post = await findPost(db, topic.id, parseId(params.number));
  if (!post) notFound();
  authorize(viewer, "post:read-history", postResource(post, resource));
  const revisions = await listRevisions(db, post.id);
  const history = revisions.map((revision, index) => {
    const previous = index > 0 ? revisions[index - 1] : null;
    return {
      revision: revision.revision,
      editor: revision.editor_name,
      editorUsername: revision.editor_username,
      reason: revision.reason,
      created_at: revision.created_at,
      title: revision.title,
      titleChanged: previous !== null && revision.title !== null && previous.title !== null && previous.title !== revision.title,
      previousTitle: previous?.title ?? null,
      diff: previous ? wordDiff(previous.body_md, revision.body_md) : [{ kind: "same" as const, text: revision.body_md }],
    };
  });
  return {
    title: topic.title,
    topic: { id: topic.id, title: topic.title, slug: topic.slug },
    post: { number: post.number, author: post.author_name, permalink: postAddress(topic, post.number) },
    history: history.reverse(),
  };
}

export default function PostHistory() {
  const { t } = useTranslation();
  const { date } = useSite();
  const { topic, post, history } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={forumsPath()}>{t("forums.title")}</Link> › <Link to={topicPath(topic)}>{topic.title}</Link>
      </nav>
      <h1>{t("forums.history.title", { number: post.number })}</h1>
      <p className="lead">
        {t("forums.history.intro", { name: post.author ?? t("forums.formerMember") })}{" "}
        <a href={post.permalink}>{t("forums.history.backToPost")}</a>
      </p>
      <p className="diff-legend muted">
        <ins>{t("forums.history.added")}</ins> <del>{t("forums.history.removed")}</del>
      </p>
      <ol className="revision-list" reversed>
        {history.map((entry) => (
          <li key={entry.revision} className="panel revision">
            <h2 className="revision__title">
              {entry.revision === 1 ? t("forums.history.original") : t("forums.history.revision", { revision: entry.revision })}
            </h2>
            <p className="muted">
              {entry.editorUsername ? (
                <Link to={memberPath(entry.editorUsername)}>{entry.editor}</Link>
              ) : (
                t("forums.formerMember")
              )}{" "}
              · <time dateTime={entry.created_at}>{date(entry.created_at, true)}</time>
              {entry.reason ? <> · {t("forums.history.reason", { reason: entry.reason })}</> : null}
            </p>
            {entry.titleChanged ? (
              <p>
                {t("forums.history.titleChanged")} <del>{entry.previousTitle}</del> → <ins>{entry.title}</ins>
              </p>
            ) : null}
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must take keyboard focus (WCAG 2.1.1) */}
            <pre className="diff" tabIndex={0} aria-label={t("forums.history.diffLabel", { revision: entry.revision })}>
              {entry.diff.map((segment, i) =>
                segment.kind === "added" ? (
                  <ins key={i}>
                    <span className="visually-hidden">[{t("forums.history.added")}: </span>
                    {segment.text}
                    <span className="visually-hidden">]</span>
                  </ins>
                ) : segment.kind === "removed" ? (
                  <del key={i}>
                    <span className="visually-hidden">[{t("forums.history.removed")}: </span>
                    {segment.text}
                    <span className="visually-hidden">]</span>
                  </del>
                ) : (
                  <span key={i}>{segment.text}</span>
                ),
              )}
            </pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
