// The current draft, section by section, with each section's comment threads; comments whose
// section no longer exists are listed as made on an earlier revision, with a link to it.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommentThread, NewCommentForm, type Thread } from "~/components/document/comments";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { Notice } from "~/components/ui/notice";
import { listComments } from "~/models/doc-comment.server";
import { latestPublished } from "~/models/published-version.server";
import { findRevision, revisionNumbers } from "~/models/revision.server";
import { buildThreads } from "~/services/documents/comments.server";
import { DOCUMENT_KEY, sectionsOf, splitHtmlBySections } from "~/services/documents/sections.server";
import { readWorkspace, readWorkspaceForm, runIntent } from "~/services/documents/workspace.server";
import { notFound } from "~/utils/http.server";
import { documentPath, newProposalPath, revisionSectionPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import { commentAction, replyAction, resolveAction } from "./actions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, document, resource, permissions } = await readWorkspace(request, params.slug, { toLibrary: true });
  const [head, comments, published] = await Promise.all([
    findRevision(db, document.id, document.head_revision_id!),
    listComments(db, document.id),
    latestPublished(db, document.id),
  ]);
  if (!head) notFound();
  const sections = splitHtmlBySections(head.body_html, sectionsOf(head));
  const present = new Set(sections.map((s) => s.key));
  const threads = buildThreads(comments, viewer, resource);
  const earlier = threads.filter((t) => !present.has(t.sectionKey) && t.sectionKey !== DOCUMENT_KEY);
  // "?saved=<id>" (the revision just saved) is named by its number in the notice.
  const savedParam = Number(new URL(request.url).searchParams.get("saved"));
  const savedId = Number.isSafeInteger(savedParam) && savedParam > 0 ? savedParam : null;
  const numbers = await revisionNumbers(db, document.id, [...earlier.map((t) => t.revisionId), savedId]);
  return {
    document: { slug: document.slug, language: document.language, summary: document.summary },
    head: { id: head.id, createdAt: head.created_at, authorName: head.author_name, message: head.message },
    published: published ? { version: published.version, revisionId: published.revision_id } : null,
    sections,
    threads: threads.filter((t) => present.has(t.sectionKey) || t.sectionKey === DOCUMENT_KEY),
    earlier: earlier.map((thread) => ({ ...thread, revisionNumber: numbers[thread.revisionId] ?? null })),
    permissions,
    savedNumber: savedId !== null ? (numbers[savedId] ?? null) : null,
    viewerLabel: viewer ? { name: viewer.displayName, pending: viewer.status !== "approved" } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runIntent(await readWorkspaceForm(request, params.slug), {
    comment: commentAction,
    reply: replyAction,
    resolve: resolveAction,
    reopen: resolveAction,
  });
}

export default function Draft() {
  const { t } = useTranslation();
  const { date } = useSite();
  const { document, head, published, sections, threads, earlier, permissions, viewerLabel, savedNumber } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const reply = actionData && "result" in actionData ? actionData : undefined;
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const bySection = new Map<string, Thread[]>();
  for (const thread of threads) {
    const list = bySection.get(thread.sectionKey) ?? [];
    list.push(thread);
    bySection.set(thread.sectionKey, list);
  }
  const asWho = viewerLabel?.pending ? t("documents.comments.asPending", { name: viewerLabel.name }) : undefined;
  // A consultation comment that has its disposition has been answered.
  const openCount = threads.filter((thread) => !thread.resolvedAt && !thread.disposition).length;
  return (
    <div className="draft-view">
      {saved ? (
        <Notice>
          {params.get("merged") ? t("documents.edit.mergedNotice") : t("documents.edit.savedNotice")}{" "}
          {savedNumber !== null ? <>{t("documents.edit.savedAs", { revision: savedNumber })} </> : null}
          {params.get("merged") ? (
            <Link to={documentPath(document.slug, "compare", { from: params.get("from"), to: saved })}>
              {t("documents.edit.reviewMerge")}
            </Link>
          ) : null}
        </Notice>
      ) : null}
      {params.get("unchanged") ? <Notice tone="info">{t("documents.edit.unchangedNotice")}</Notice> : null}
      <p className="muted draft-view__meta">
        {t("documents.draft.headLine", {
          name: head.authorName ?? t("documents.history.imported"),
          date: date(head.createdAt, true),
        })}
        {head.message ? ` — “${head.message}”` : ""}
        {published && published.revisionId !== head.id ? (
          <>
            {" "}
            ·{" "}
            <Link to={documentPath(document.slug, "compare", { from: published.revisionId, to: head.id })}>
              {t("documents.draft.changesSince", { version: published.version })}
            </Link>
          </>
        ) : null}{" "}
        · {t("documents.draft.openThreads", { count: openCount })}
      </p>
      <article className="draft prose" lang={document.language} aria-label={t("documents.draft.label")}>
        {sections.map((section) => {
          const list = bySection.get(section.key) ?? [];
          return (
            <section key={section.key} className="draft-section" aria-labelledby={section.id || undefined}>
              <div dangerouslySetInnerHTML={{ __html: section.html }} />
              <div className="draft-section__tools">
                {list.length ? (
                  <section
                    className="comment-list"
                    aria-label={t("documents.comments.onSection", {
                      section: section.title || t("documents.comments.introduction"),
                    })}
                  >
                    {list.map((thread) => (
                      <CommentThread key={thread.id} thread={thread} canReply={permissions.comment} reply={reply} />
                    ))}
                  </section>
                ) : null}
                <div className="draft-section__actions">
                  {permissions.comment ? (
                    <NewCommentForm
                      sectionKey={section.key}
                      sectionTitle={section.title || t("documents.comments.introduction")}
                      revisionId={head.id}
                      reply={reply}
                      asWho={asWho}
                    />
                  ) : null}
                  {permissions.propose ? (
                    <Link to={newProposalPath(document.slug, { section: section.key })} className="button button--quiet">
                      {t("documents.proposals.proposeHere")}
                    </Link>
                  ) : null}
                </div>
              </div>
            </section>
          );
        })}
      </article>
      <section className="panel" aria-labelledby="general-comments">
        <h2 id="general-comments">{t("documents.comments.general")}</h2>
        {(bySection.get("_document") ?? []).map((thread) => (
          <CommentThread key={thread.id} thread={thread} canReply={permissions.comment} reply={reply} />
        ))}
        {permissions.comment ? (
          <NewCommentForm sectionKey="_document" sectionTitle="" revisionId={head.id} reply={reply} asWho={asWho} />
        ) : null}
      </section>
      {earlier.length ? (
        <section className="panel" aria-labelledby="earlier-comments">
          <h2 id="earlier-comments">{t("documents.comments.earlier")}</h2>
          <p className="muted">{t("documents.comments.earlierIntro")}</p>
          {earlier.map((thread) => (
            <div key={thread.id} className="earlier-thread">
              <p>
                <Link to={revisionSectionPath(document.slug, thread.revisionId, thread.sectionAnchor)}>
                  {t("documents.comments.onEarlier", {
                    section: thread.sectionTitle || t("documents.comments.introduction"),
                    revision: thread.revisionNumber ?? "?",
                  })}
                </Link>
              </p>
              <CommentThread thread={thread} canReply={permissions.comment} reply={reply} />
            </div>
          ))}
        </section>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
