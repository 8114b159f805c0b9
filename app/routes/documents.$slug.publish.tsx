// Publishing the draft as a numbered version, and withdrawing or superseding the document.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DispositionTable } from "~/components/document/disposition-table";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { consultationStateAt } from "~/components/document/consultation-banner";
import { listSuccessorCandidates, listVersions } from "~/models/document.server";
import { revisionNumbers } from "~/models/revision.server";
import { authorize, readableScope } from "~/policies";
import {
  changeStatus,
  latestPublished,
  metadataDiffers,
  nextVersions,
  pendingDispositions,
  publishVersion,
} from "~/services/document-publisher.server";
import { readWorkspace, requireDocumentViewer } from "~/services/documents.server";
import { badRequest, forbidden } from "~/utils/http.server";
import { useSite } from "~/utils/use-site";
import { readForm } from "~/utils/form.server";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { ConfirmButton } from "~/components/ui/confirm-form";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, document, consultation, permissions } = await readWorkspace(request, params.slug);
  if (!permissions.publish && !permissions.withdraw) forbidden();
  const latest = await latestPublished(db, document.id);
  const [versions, dispositions, successors] = await Promise.all([
    listVersions(db, document.id),
    pendingDispositions(db, document.id, latest?.published_at ?? null),
    listSuccessorCandidates(db, document.id, readableScope(viewer)),
  ]);
  // Each version names the revision it published (#N), and the form the one it would publish.
  const revisionOf = await db
    .selectFrom("published_version")
    .innerJoin("revision", "revision.id", "published_version.revision_id")
    .select(["published_version.id", "revision.id as revision_id", "revision.number"])
    .where("published_version.document_id", "=", document.id)
    .execute();
  const headNumber =
    (await revisionNumbers(db, document.id, [document.head_revision_id]))[document.head_revision_id ?? 0] ?? null;
  return {
    document: { slug: document.slug, status: document.status, title: document.title },
    headId: document.head_revision_id,
    headNumber,
    latest: latest ? { version: latest.version, revisionId: latest.revision_id, publishedAt: latest.published_at } : null,
    next: nextVersions(latest?.version ?? null),
    // A new title, summary or tags become public with the next version, even if the text is unchanged.
    metadataChanged: metadataDiffers(document, latest),
    consultation: consultation ? { opensAt: consultation.opens_at, closesAt: consultation.closes_at } : null,
    undisposed: dispositions.filter((row) => row.disposition === null).length,
    dispositions,
    versions: versions.map((v) => {
      const revision = revisionOf.find((row) => row.id === v.id);
      return { ...v, revisionId: revision?.revision_id ?? null, revisionNumber: revision?.number ?? null };
    }),
    successors,
    permissions,
    today: new Date().toISOString().slice(0, 10),
  };
}

const publishSchema = z.object({
  intent: z.literal("publish"),
  kind: z.enum(["minor", "major"]).optional(),
  version: z.string().trim().max(20).default(""),
  notes: z.string().trim().min(1, "documents.errors.notesRequired").max(5_000, "documents.errors.notesTooLong"),
  reviewDue: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "documents.errors.date")]).default(""),
  baseRevision: z.coerce.number().int().positive(),
});

const statusSchema = z.object({
  intent: z.enum(["withdraw", "supersede"]),
  reason: z.string().trim().min(1, "documents.errors.reasonRequired").max(2_000, "documents.errors.reasonTooLong"),
  successor: z.string().trim().max(200).default(""),
});

type Errors = Record<string, string>;

function issuesToErrors(issues: z.ZodIssue[]): Errors {
  const errors: Errors = {};
  for (const issue of issues)
    errors[String(issue.path[0] ?? "form")] ??= issue.message.startsWith("documents.")
      ? issue.message
      : "documents.errors.badForm";
  return errors;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, document, resource } = await requireDocumentViewer(request, params.slug);
  authorize(viewer, "document:read-draft", resource);
  const form = Object.fromEntries(await readForm(request));
  const values = form as Record<string, string>;
  if (form.intent === "publish") {
    authorize(viewer, "document:publish", resource);
    requireSecondFactorIfNeeded(viewer, request);
    const parsed = publishSchema.safeParse(form);
    if (!parsed.success) return data({ intent: "publish", errors: issuesToErrors(parsed.error.issues), values }, { status: 400 });
    const input = parsed.data;
    const latest = await latestPublished(db, document.id);
    const version = input.version || (input.kind ? nextVersions(latest?.version ?? null)[input.kind] : "");
    if (!version)
      return data({ intent: "publish", errors: { version: "documents.errors.versionRequired" }, values }, { status: 400 });
    if (input.reviewDue && input.reviewDue <= new Date().toISOString().slice(0, 10)) {
      return data({ intent: "publish", errors: { reviewDue: "documents.errors.reviewDueInPast" }, values }, { status: 400 });
    }
    const outcome = await publishVersion(db, viewer, document, {
      version,
      notes: input.notes,
      reviewDue: input.reviewDue || null,
      baseRevisionId: input.baseRevision,
    });
    if (!outcome.ok) {
      const field = outcome.reason === "bad_version" || outcome.reason === "not_increasing" ? "version" : "form";
      const status = outcome.reason === "draft_moved" ? 409 : 400;
      return data(
        {
          intent: "publish",
          errors: { [field]: `documents.errors.publish.${outcome.reason}` },
          detail: String(outcome.detail ?? ""),
          values,
        },
        { status },
      );
    }
    return redirect(`/library/${document.slug}/v/${outcome.version}?published=1`);
  }
  if (form.intent === "withdraw" || form.intent === "supersede") {
    authorize(viewer, "document:withdraw", resource);
    requireSecondFactorIfNeeded(viewer, request);
    const parsed = statusSchema.safeParse(form);
    if (!parsed.success)
      return data({ intent: String(form.intent), errors: issuesToErrors(parsed.error.issues), values }, { status: 400 });
    let successorId: number | null = null;
    if (parsed.data.successor) {
      const candidates = await listSuccessorCandidates(db, document.id, readableScope(viewer));
      const successor = candidates.find((c) => c.slug === parsed.data.successor);
      if (!successor)
        return data(
          { intent: parsed.data.intent, errors: { successor: "documents.errors.unknownSuccessor" }, values },
          { status: 400 },
        );
      successorId = successor.id;
    } else if (parsed.data.intent === "supersede") {
      return data({ intent: "supersede", errors: { successor: "documents.errors.successorRequired" }, values }, { status: 400 });
    }
    requireConfirmation(request, form, parsed.data.intent === "withdraw" ? "withdrawDocument" : "supersedeDocument", {
      title: document.title,
    });
    const result = await changeStatus(db, viewer, document, {
      status: parsed.data.intent === "withdraw" ? "withdrawn" : "superseded",
      reason: parsed.data.reason,
      successorId,
    });
    if (!result.ok)
      return data({ intent: parsed.data.intent, errors: { form: "documents.errors.notPublished" }, values }, { status: 409 });
    return redirect(`/library/${document.slug}`);
  }
  badRequest();
}

function FieldError({ id, error, detail }: { id: string; error?: string; detail?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <ul id={id} className="field__errors">
      <li>{t(error as never, { detail: detail ?? "" })}</li>
    </ul>
  );
}

export default function Publish() {
  const { t } = useTranslation();
  const { date } = useSite();
  const {
    document,
    headId,
    headNumber,
    latest,
    next,
    metadataChanged,
    consultation,
    undisposed,
    dispositions,
    versions,
    successors,
    permissions,
    today,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Errors = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const detail = actionData && "detail" in actionData ? String(actionData.detail ?? "") : undefined;
  const publishErrors = actionData?.intent === "publish" ? errors : {};
  const consultationOpen = consultation ? consultationStateAt(consultation) !== "closed" : false;
  const textUnchanged = latest?.revisionId === headId;
  const unchanged = textUnchanged && !metadataChanged;
  const blockers = [
    consultationOpen && consultation
      ? t("documents.publish.blockConsultation", { date: date(consultation.closesAt, true) })
      : null,
    undisposed ? t("documents.publish.blockUndisposed", { count: undisposed }) : null,
    unchanged && latest ? t("documents.publish.blockUnchanged", { version: latest.version }) : null,
  ].filter((b): b is string => b !== null);
  const base = `/documents/${document.slug}`;
  return (
    <div className="publish-page">
      {permissions.publish ? (
        <section aria-labelledby="publish-title">
          <h2 id="publish-title">{t("documents.publish.title")}</h2>
          <p className="muted">
            {latest
              ? t("documents.publish.currentVersion", { version: latest.version, date: date(latest.publishedAt) })
              : t("documents.publish.firstVersion")}{" "}
            {latest && !textUnchanged ? (
              <Link to={`${base}/compare?from=${latest.revisionId}&to=${headId}`}>{t("documents.publish.reviewChanges")}</Link>
            ) : null}
          </p>
          {headNumber !== null ? (
            <p className="muted">{t("documents.publish.publishesRevision", { revision: headNumber })}</p>
          ) : null}
          {metadataChanged && latest ? (
            <p className="notice notice--info">{t("documents.publish.metadataChanged", { version: latest.version })}</p>
          ) : null}
          {blockers.length ? (
            <div className="notice notice--warning" role="status">
              <p>{t("documents.publish.blockers")}</p>
              <ul>
                {blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {publishErrors.form ? (
            <div className="form-errors" role="alert">
              <p>{t(publishErrors.form as never, { detail: detail ?? "" })}</p>
            </div>
          ) : null}
          <Form method="post" className="panel stack">
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="baseRevision" value={headId ?? ""} />
            <fieldset className="field">
              <legend className="field__label">{t("documents.publish.kind")}</legend>
              <label className="doc-choice">
                <input type="radio" name="kind" value="minor" defaultChecked={(values.kind ?? "minor") === "minor"} />{" "}
                <span>
                  <strong>{t("documents.publish.minor", { version: next.minor })}</strong> — {t("documents.publish.minorHint")}
                </span>
              </label>
              <label className="doc-choice">
                <input type="radio" name="kind" value="major" defaultChecked={values.kind === "major"} />{" "}
                <span>
                  <strong>{t("documents.publish.major", { version: next.major })}</strong> — {t("documents.publish.majorHint")}
                </span>
              </label>
            </fieldset>
            <div className="field">
              <label htmlFor="publish-version" className="field__label">
                {t("documents.publish.version")} <span className="field__optional">({t("common.optional")})</span>
              </label>
              <p id="publish-version-hint" className="field__hint">
                {t("documents.publish.versionHint")}
              </p>
              <input
                id="publish-version"
                name="version"
                type="text"
                inputMode="decimal"
                pattern="\d{1,4}\.\d{1,4}"
                defaultValue={values.version ?? ""}
                aria-invalid={publishErrors.version ? true : undefined}
                aria-describedby={`publish-version-hint${publishErrors.version ? " publish-version-error" : ""}`}
              />
              <FieldError id="publish-version-error" error={publishErrors.version} detail={detail} />
            </div>
            <div className="field">
              <label htmlFor="publish-notes" className="field__label">
                {t("documents.publish.notes")}
              </label>
              <textarea
                id="publish-notes"
                name="notes"
                rows={4}
                required
                maxLength={5000}
                defaultValue={values.notes ?? ""}
                aria-invalid={publishErrors.notes ? true : undefined}
                aria-describedby={publishErrors.notes ? "publish-notes-error" : undefined}
              />
              <FieldError id="publish-notes-error" error={publishErrors.notes} />
            </div>
            <div className="field">
              <label htmlFor="publish-review" className="field__label">
                {t("documents.publish.reviewDue")} <span className="field__optional">({t("common.optional")})</span>
              </label>
              <input
                id="publish-review"
                name="reviewDue"
                type="date"
                min={today}
                defaultValue={values.reviewDue ?? ""}
                aria-invalid={publishErrors.reviewDue ? true : undefined}
                aria-describedby={publishErrors.reviewDue ? "publish-review-error" : undefined}
              />
              <FieldError id="publish-review-error" error={publishErrors.reviewDue} />
            </div>
            {dispositions.length ? (
              <section aria-labelledby="publish-dispositions">
                <h3 id="publish-dispositions">{t("documents.publish.dispositions")}</h3>
                <DispositionTable rows={dispositions} />
              </section>
            ) : null}
            <button type="submit" className="button button--primary">
              {t("documents.publish.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      {versions.length ? (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{t("library.versions")}</h2>
          <ul className="plain-list">
            {versions.map((v) => (
              <li key={v.id}>
                <Link to={`/library/${document.slug}/v/${v.version}`}>{t("library.version", { version: v.version })}</Link>{" "}
                <span className="muted">{date(v.published_at)}</span>
                {v.revisionId !== null ? (
                  <>
                    {" "}
                    ·{" "}
                    <Link to={`${base}/revisions/${v.revisionId}`}>
                      {t("documents.publish.fromRevision", { revision: v.revisionNumber })}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {permissions.withdraw ? (
        <section aria-labelledby="status-title">
          <h2 id="status-title">{t("documents.publish.statusTitle")}</h2>
          <p className="muted">{t("documents.publish.statusIntro")}</p>
          {(["supersede", "withdraw"] as const).map((intent) => {
            const own = actionData?.intent === intent ? errors : {};
            return (
              <Form key={intent} method="post" className="panel stack">
                <h3>{t(`documents.publish.${intent}Title`)}</h3>
                {own.form ? (
                  <p className="form-errors" role="alert">
                    {t(own.form as never)}
                  </p>
                ) : null}
                <input type="hidden" name="intent" value={intent} />
                <div className="field">
                  <label htmlFor={`${intent}-reason`} className="field__label">
                    {t("documents.publish.statusReason")}
                  </label>
                  <textarea
                    id={`${intent}-reason`}
                    name="reason"
                    rows={3}
                    required
                    maxLength={2000}
                    defaultValue={actionData?.intent === intent ? (values.reason ?? "") : ""}
                    aria-invalid={own.reason ? true : undefined}
                    aria-describedby={own.reason ? `${intent}-reason-error` : undefined}
                  />
                  <FieldError id={`${intent}-reason-error`} error={own.reason} />
                </div>
                <div className="field">
                  <label htmlFor={`${intent}-successor`} className="field__label">
                    {t("documents.publish.successor")}
                    {intent === "withdraw" ? <span className="field__optional"> ({t("common.optional")})</span> : null}
                  </label>
                  <select
                    id={`${intent}-successor`}
                    name="successor"
                    required={intent === "supersede"}
                    defaultValue={actionData?.intent === intent ? (values.successor ?? "") : ""}
                    aria-invalid={own.successor ? true : undefined}
                    aria-describedby={own.successor ? `${intent}-successor-error` : undefined}
                  >
                    <option value="">{t("documents.publish.noSuccessor")}</option>
                    {successors.map((s) => (
                      <option key={s.slug} value={s.slug}>
                        {s.title} ({t(`languageName.${s.language}`)})
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${intent}-successor-error`} error={own.successor} />
                </div>
                <ConfirmButton
                  kind={intent === "withdraw" ? "withdrawDocument" : "supersedeDocument"}
                  values={{ title: document.title }}
                >
                  {t(`documents.publish.${intent}`)}
                </ConfirmButton>
              </Form>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
