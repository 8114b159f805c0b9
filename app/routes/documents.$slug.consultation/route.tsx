// Consultations of the draft: a chair opens one (window, audience, note to reviewers) and may close
// it early; afterwards each consultation comment gets a disposition and a response, and the
// disposition table goes out with the next published version.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DispositionForm, OpenConsultationForm } from "~/components/document/consultation-forms";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { Badge } from "~/components/ui/badge";
import { ConfirmButton } from "~/components/ui/confirm-form";
import { listConsultations } from "~/models/consultation.server";
import { listComments } from "~/models/doc-comment.server";
import { revisionNumbers } from "~/models/revision.server";
import { consultationState } from "~/policies/documents";
import { buildThreads } from "~/services/documents/comments.server";
import { readWorkspace, readWorkspaceForm, runIntent } from "~/services/documents/workspace.server";
import { commentAnchor, dispositionAnchor, documentPath, revisionPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import { closeAction, dispositionAction, openAction } from "./actions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, document, resource, permissions } = await readWorkspace(request, params.slug);
  const [consultations, comments] = await Promise.all([listConsultations(db, document.id), listComments(db, document.id)]);
  const threads = buildThreads(comments, viewer, resource).filter((thread) => thread.consultationId !== null);
  const today = new Date().toISOString().slice(0, 10);
  const numbers = await revisionNumbers(
    db,
    document.id,
    consultations.map((c) => c.revision_id),
  );
  return {
    document: { slug: document.slug },
    consultations: consultations.map((c) => ({
      id: c.id,
      audience: c.audience,
      note: c.note,
      opensAt: c.opens_at,
      closesAt: c.closes_at,
      closedEarlyAt: c.closed_early_at,
      openedBy: c.opened_by_name,
      closedBy: c.closed_by_name,
      revisionId: c.revision_id,
      revisionNumber: numbers[c.revision_id] ?? null,
      commentCount: Number(c.comment_count ?? 0),
      disposedCount: Number(c.disposed_count ?? 0),
      comments: threads.filter((thread) => thread.consultationId === c.id),
    })),
    permissions,
    defaults: { opensOn: today, closesOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return runIntent(await readWorkspaceForm(request, params.slug, "document:read-draft"), {
    open: openAction,
    close: closeAction,
    disposition: dispositionAction,
  });
}

export default function Consultation() {
  const { t } = useTranslation();
  const { date } = useSite();
  const { document, consultations, permissions, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const current = consultations[0];
  const currentState = current ? consultationState(current) : null;
  const canOpen = permissions.consult && (!current || currentState === "closed");
  const replyTo = (intent: string) =>
    actionData && "result" in actionData && actionData.intent === intent ? actionData.result : undefined;
  return (
    <section aria-labelledby="consultation-title">
      <h2 id="consultation-title">{t("documents.consultation.title")}</h2>
      <p className="muted">{t("documents.consultation.intro")}</p>
      {actionData && "error" in actionData ? (
        <p className="notice notice--warning" role="alert">
          {t(actionData.error as never)}
        </p>
      ) : null}
      {current && currentState !== "closed" && permissions.consult ? (
        <Form method="post" className="panel inline-form">
          <p>
            {currentState === "open"
              ? t("documents.consultation.openUntil", { date: date(current.closesAt, true) })
              : t("documents.consultation.window", { from: date(current.opensAt, true), to: date(current.closesAt, true) })}
          </p>
          <ConfirmButton name="intent" value="close" kind="closeConsultation">
            {currentState === "open" ? t("documents.consultation.closeNow") : t("documents.consultation.cancel")}
          </ConfirmButton>
        </Form>
      ) : null}
      {canOpen ? <OpenConsultationForm lastResult={replyTo("open")} defaults={defaults} /> : null}
      {consultations.length === 0 ? <p className="empty-state">{t("documents.consultation.none")}</p> : null}
      {consultations.map((c) => {
        const state = consultationState(c);
        return (
          <section key={c.id} className="consultation" aria-labelledby={`consultation-${c.id}`}>
            <h3 id={`consultation-${c.id}`}>
              {t("documents.consultation.itemTitle", { from: date(c.opensAt), to: date(c.closesAt) })}{" "}
              <Badge tone={state === "open" ? "info" : state === "scheduled" ? "neutral" : "success"}>
                {t(`documents.consultation.state.${state}`)}
              </Badge>
            </h3>
            <dl className="facts">
              <dt>{t("documents.consultation.audienceLabel")}</dt>
              <dd>{t(`documents.consultation.audience.${c.audience}`)}</dd>
              <dt>{t("documents.consultation.windowLabel")}</dt>
              <dd>
                {date(c.opensAt, true)} – {date(c.closesAt, true)}
                {c.closedEarlyAt ? ` (${t("documents.consultation.closedEarly", { name: c.closedBy ?? "" })})` : ""}
              </dd>
              <dt>{t("documents.consultation.openedBy")}</dt>
              <dd>{c.openedBy}</dd>
              <dt>{t("documents.consultation.draftRevision")}</dt>
              <dd>
                <Link to={revisionPath(document.slug, c.revisionId)}>#{c.revisionNumber ?? "?"}</Link>
              </dd>
              <dt>{t("documents.consultation.commentsLabel")}</dt>
              <dd>{t("documents.consultation.disposedOf", { disposed: c.disposedCount, count: c.commentCount })}</dd>
            </dl>
            {c.note ? <p className="doc-pre-line">{c.note}</p> : null}
            {c.comments.length ? (
              <ol className="disposition-list">
                {c.comments.map((comment) => {
                  const key = dispositionAnchor(comment.id);
                  return (
                    <li key={comment.id} id={key} className="disposition-item">
                      <p className="comment__meta">
                        <strong>{comment.authorName}</strong>
                        {comment.authorOrganization ? ` · ${comment.authorOrganization}` : ""} · {date(comment.createdAt, true)} ·{" "}
                        <Link to={documentPath(document.slug, undefined, undefined, commentAnchor(comment.id))}>
                          {comment.sectionTitle || t("documents.comments.general")}
                        </Link>
                      </p>
                      <div className="comment__body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
                      {comment.disposition ? (
                        <p>
                          <Badge tone="warning">{t(`documents.disposition.${comment.disposition as "noted"}`)}</Badge>
                        </p>
                      ) : (
                        <p className="muted">{t("documents.disposition.none")}</p>
                      )}
                      {comment.responseHtml ? (
                        <div className="comment__response" dangerouslySetInnerHTML={{ __html: comment.responseHtml }} />
                      ) : null}
                      {permissions.disposition && state === "closed" ? (
                        <DispositionForm id={key} comment={comment} lastResult={replyTo(key)} />
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            ) : (
              <p className="muted">{t("documents.consultation.noComments")}</p>
            )}
          </section>
        );
      })}
    </section>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
