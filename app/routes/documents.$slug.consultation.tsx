// Consultations of the draft: a chair opens one (window, audience, note to reviewers) and may close
// it early; afterwards each consultation comment gets a disposition and a response, and the
// disposition table goes out with the next published version.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CONSULTATION_AUDIENCES, DISPOSITIONS } from "~/domain/vocabulary";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { consultationStateAt } from "~/components/document/consultation-banner";
import { Badge } from "~/components/ui/badge";
import { listConsultations } from "~/models/consultation.server";
import { listComments } from "~/models/doc-comment.server";
import { revisionNumbers } from "~/models/revision.server";
import { authorize } from "~/policies";
import {
  buildThreads,
  closeConsultation,
  openConsultation,
  readWorkspace,
  recordDisposition,
  requireDocumentViewer,
} from "~/services/documents.server";
import { badRequest } from "~/utils/http.server";
import { useSite } from "~/utils/use-site";
import { readForm } from "~/utils/form.server";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { ConfirmButton } from "~/components/ui/confirm-form";

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

const dateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "documents.errors.date");

const consultationSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("open"),
    opensOn: dateField,
    closesOn: dateField,
    audience: z.enum(CONSULTATION_AUDIENCES, { errorMap: () => ({ message: "documents.errors.audience" }) }),
    note: z.string().trim().max(5_000, "documents.errors.noteTooLong").default(""),
  }),
  z.object({ intent: z.literal("close") }),
  z.object({
    intent: z.literal("disposition"),
    comment: z.coerce.number().int().positive(),
    disposition: z.enum(DISPOSITIONS, { errorMap: () => ({ message: "documents.errors.disposition" }) }),
    response: z.string().trim().max(10_000, "documents.errors.responseTooLong").default(""),
  }),
]);

type Errors = Record<string, string>;

/** The window's bounds: a start date of today opens at once; the end date closes at its last millisecond (UTC). */
type Window = { ok: true; opensAt: string; closesAt: string } | { ok: false; errors: Errors };

function windowFrom(opensOn: string, closesOn: string): Window {
  const now = Date.now();
  const start = Date.parse(`${opensOn}T00:00:00.000Z`);
  const end = Date.parse(`${closesOn}T23:59:59.999Z`);
  if (Number.isNaN(start)) return { ok: false, errors: { opensOn: "documents.errors.date" } };
  if (Number.isNaN(end)) return { ok: false, errors: { closesOn: "documents.errors.date" } };
  if (opensOn < new Date(now).toISOString().slice(0, 10))
    return { ok: false, errors: { opensOn: "documents.errors.startInPast" } };
  if (end <= start) return { ok: false, errors: { closesOn: "documents.errors.endBeforeStart" } };
  if (end - start > 366 * 86_400_000) return { ok: false, errors: { closesOn: "documents.errors.windowTooLong" } };
  return { ok: true, opensAt: new Date(Math.max(start, now)).toISOString(), closesAt: new Date(end).toISOString() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, document, resource } = await requireDocumentViewer(request, params.slug);
  authorize(viewer, "document:read-draft", resource);
  const form = Object.fromEntries(await readForm(request));
  const parsed = consultationSchema.safeParse(form);
  const here = `/documents/${document.slug}/consultation`;
  if (!parsed.success) {
    const intent = String(form.intent ?? "");
    if (intent === "open") authorize(viewer, "document:consult", resource);
    else if (intent === "disposition") authorize(viewer, "document:disposition", resource);
    else badRequest();
    const errors: Errors = {};
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0])] ??= issue.message.startsWith("documents.") ? issue.message : "documents.errors.badForm";
    return data({ intent, errors, values: form as Record<string, string> }, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === "open") {
    authorize(viewer, "document:consult", resource);
    requireSecondFactorIfNeeded(viewer, request);
    const window = windowFrom(input.opensOn, input.closesOn);
    if (!window.ok)
      return data({ intent: "open", errors: window.errors, values: form as Record<string, string> }, { status: 400 });
    const result = await openConsultation(db, viewer, document, {
      opensAt: window.opensAt,
      closesAt: window.closesAt,
      audience: input.audience,
      note: input.note,
    });
    if (!result.ok)
      return data(
        { intent: "open", errors: { form: "documents.errors.already_open" }, values: form as Record<string, string> },
        { status: 409 },
      );
    return redirect(here);
  }
  if (input.intent === "close") {
    authorize(viewer, "document:consult", resource);
    requireSecondFactorIfNeeded(viewer, request);
    requireConfirmation(request, form, "closeConsultation");
    const result = await closeConsultation(db, viewer, document);
    if (!result.ok)
      return data({ intent: "close", errors: { form: "documents.errors.not_open_consultation" }, values: {} }, { status: 409 });
    return redirect(`${here}?closed=1`);
  }
  authorize(viewer, "document:disposition", resource);
  if ((input.disposition === "partly_accepted" || input.disposition === "not_accepted") && !input.response) {
    return data(
      {
        intent: `disposition-${input.comment}`,
        errors: { response: "documents.errors.responseRequired" },
        values: form as Record<string, string>,
      },
      { status: 400 },
    );
  }
  const result = await recordDisposition(db, viewer, document, {
    commentId: input.comment,
    disposition: input.disposition,
    response: input.response,
  });
  if (!result.ok) {
    if (result.reason === "not_a_consultation_comment") badRequest(result.reason);
    return data(
      {
        intent: `disposition-${input.comment}`,
        errors: { response: "documents.errors.consultation_still_open" },
        values: form as Record<string, string>,
      },
      { status: 409 },
    );
  }
  return redirect(`${here}#disposition-${input.comment}`);
}

function FieldError({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <ul id={id} className="field__errors">
      <li>{t(error as never)}</li>
    </ul>
  );
}

export default function Consultation() {
  const { t } = useTranslation();
  const { date } = useSite();
  const { document, consultations, permissions, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const current = consultations[0];
  const currentState = current ? consultationStateAt(current) : null;
  const canOpen = permissions.consult && (!current || currentState === "closed");
  const allErrors = (actionData?.errors ?? {}) as Errors;
  const openErrors: Errors | undefined = actionData?.intent === "open" ? allErrors : undefined;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <section aria-labelledby="consultation-title">
      <h2 id="consultation-title">{t("documents.consultation.title")}</h2>
      <p className="muted">{t("documents.consultation.intro")}</p>
      {actionData?.intent === "close" && allErrors.form ? (
        <p className="notice notice--warning" role="alert">
          {t(allErrors.form as never)}
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
      {canOpen ? (
        <Form method="post" className="panel stack" aria-labelledby="open-consultation">
          <h3 id="open-consultation">{t("documents.consultation.openTitle")}</h3>
          {openErrors?.form ? (
            <p className="form-errors" role="alert">
              {t(openErrors.form as never)}
            </p>
          ) : null}
          <input type="hidden" name="intent" value="open" />
          <div className="doc-form-row">
            <div className="field">
              <label htmlFor="opens-on" className="field__label">
                {t("documents.consultation.opensOn")}
              </label>
              <input
                id="opens-on"
                name="opensOn"
                type="date"
                required
                defaultValue={values.opensOn ?? defaults.opensOn}
                aria-invalid={openErrors?.opensOn ? true : undefined}
                aria-describedby={openErrors?.opensOn ? "opens-on-error" : undefined}
              />
              <FieldError id="opens-on-error" error={openErrors?.opensOn} />
            </div>
            <div className="field">
              <label htmlFor="closes-on" className="field__label">
                {t("documents.consultation.closesOn")}
              </label>
              <input
                id="closes-on"
                name="closesOn"
                type="date"
                required
                defaultValue={values.closesOn ?? defaults.closesOn}
                aria-invalid={openErrors?.closesOn ? true : undefined}
                aria-describedby={`closes-on-hint${openErrors?.closesOn ? " closes-on-error" : ""}`}
              />
              <p id="closes-on-hint" className="field__hint">
                {t("documents.consultation.closesHint")}
              </p>
              <FieldError id="closes-on-error" error={openErrors?.closesOn} />
            </div>
          </div>
          <fieldset className="field">
            <legend className="field__label">{t("documents.consultation.audienceLabel")}</legend>
            {CONSULTATION_AUDIENCES.map((audience) => (
              <label key={audience} className="doc-choice">
                <input
                  type="radio"
                  name="audience"
                  value={audience}
                  defaultChecked={(values.audience ?? "members") === audience}
                />{" "}
                <span>
                  <strong>{t(`documents.consultation.audience.${audience}`)}</strong> —{" "}
                  {t(`documents.consultation.audienceHint.${audience}`)}
                </span>
              </label>
            ))}
            <FieldError id="audience-error" error={openErrors?.audience} />
          </fieldset>
          <div className="field">
            <label htmlFor="consultation-note" className="field__label">
              {t("documents.consultation.note")} <span className="field__optional">({t("common.optional")})</span>
            </label>
            <textarea id="consultation-note" name="note" rows={3} maxLength={5000} defaultValue={values.note ?? ""} />
            <FieldError id="note-error" error={openErrors?.note} />
          </div>
          <button type="submit" className="button button--primary">
            {t("documents.consultation.open")}
          </button>
        </Form>
      ) : null}
      {consultations.length === 0 ? <p className="empty-state">{t("documents.consultation.none")}</p> : null}
      {consultations.map((c) => {
        const state = consultationStateAt(c);
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
                <Link to={`/documents/${document.slug}/revisions/${c.revisionId}`}>#{c.revisionNumber ?? "?"}</Link>
              </dd>
              <dt>{t("documents.consultation.commentsLabel")}</dt>
              <dd>{t("documents.consultation.disposedOf", { disposed: c.disposedCount, count: c.commentCount })}</dd>
            </dl>
            {c.note ? <p className="doc-pre-line">{c.note}</p> : null}
            {c.comments.length ? (
              <ol className="disposition-list">
                {c.comments.map((comment) => {
                  const key = `disposition-${comment.id}`;
                  const errors: Errors | undefined = actionData?.intent === key ? allErrors : undefined;
                  return (
                    <li key={comment.id} id={key} className="disposition-item">
                      <p className="comment__meta">
                        <strong>{comment.authorName}</strong>
                        {comment.authorOrganization ? ` · ${comment.authorOrganization}` : ""} · {date(comment.createdAt, true)} ·{" "}
                        <Link to={`/documents/${document.slug}#comment-${comment.id}`}>
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
                        <details open={!comment.disposition || errors !== undefined}>
                          <summary>
                            {comment.disposition ? t("documents.disposition.change") : t("documents.disposition.record")}
                          </summary>
                          <Form method="post" className="stack" preventScrollReset>
                            <input type="hidden" name="intent" value="disposition" />
                            <input type="hidden" name="comment" value={comment.id} />
                            <div className="field">
                              <label htmlFor={`${key}-value`} className="field__label">
                                {t("documents.disposition.label")}
                              </label>
                              <select id={`${key}-value`} name="disposition" defaultValue={comment.disposition ?? "accepted"}>
                                {DISPOSITIONS.map((d) => (
                                  <option key={d} value={d}>
                                    {t(`documents.disposition.${d}`)}
                                  </option>
                                ))}
                              </select>
                            </div>
                            <div className="field">
                              <label htmlFor={`${key}-response`} className="field__label">
                                {t("documents.disposition.response")}
                              </label>
                              <textarea
                                id={`${key}-response`}
                                name="response"
                                rows={3}
                                maxLength={10000}
                                defaultValue={errors ? (values.response ?? "") : comment.responseMd}
                                aria-invalid={errors?.response ? true : undefined}
                                aria-describedby={errors?.response ? `${key}-error` : undefined}
                              />
                              <FieldError id={`${key}-error`} error={errors?.response} />
                            </div>
                            <button type="submit" className="button">
                              {t("documents.disposition.save")}
                            </button>
                          </Form>
                        </details>
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
