// Publishing the draft as a numbered version, and withdrawing or superseding the document.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DispositionTable } from "~/components/document/disposition-table";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { PublishFields, StatusForm } from "~/components/document/publish-forms";
import { listSuccessorCandidates } from "~/models/document.server";
import { latestPublished, listVersionRevisions, listVersions } from "~/models/published-version.server";
import { revisionNumbers } from "~/models/revision.server";
import { readableScope } from "~/policies";
import { consultationState } from "~/policies/documents";
import { parseDocumentForm, publishSchema } from "~/schemas/documents";
import { metadataDiffers, nextVersions, pendingDispositions } from "~/services/documents/publisher.server";
import { readWorkspace, readWorkspaceForm, runIntent } from "~/services/documents/workspace.server";
import { forbidden } from "~/utils/http.server";
import { documentPath, revisionPath, versionPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import { publishAction, supersedeAction, withdrawAction } from "./actions.server";

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
  const revisionOf = await listVersionRevisions(db, document.id);
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

export async function action({ request, params }: ActionFunctionArgs) {
  return runIntent(await readWorkspaceForm(request, params.slug, "document:read-draft"), {
    publish: publishAction,
    withdraw: withdrawAction,
    supersede: supersedeAction,
  });
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
  const detail = actionData && "detail" in actionData ? String(actionData.detail ?? "") : undefined;
  const [form, fields] = useForm({
    id: "publish",
    lastResult: actionData?.intent === "publish" ? actionData.result : undefined,
    defaultValue: { kind: "minor" },
    constraint: getZodConstraint(publishSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseDocumentForm(formData, publishSchema),
  });
  const consultationOpen = consultation ? consultationState(consultation) !== "closed" : false;
  const textUnchanged = latest?.revisionId === headId;
  const unchanged = textUnchanged && !metadataChanged;
  const blockers = [
    consultationOpen && consultation
      ? t("documents.publish.blockConsultation", { date: date(consultation.closesAt, true) })
      : null,
    undisposed ? t("documents.publish.blockUndisposed", { count: undisposed }) : null,
    unchanged && latest ? t("documents.publish.blockUnchanged", { version: latest.version }) : null,
  ].filter((b): b is string => b !== null);
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
              <Link to={documentPath(document.slug, "compare", { from: latest.revisionId, to: headId })}>
                {t("documents.publish.reviewChanges")}
              </Link>
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
          {/* The form's messages name a version or a count (`detail`), which FormErrors does not fill in. */}
          {form.errors?.length ? (
            <div className="form-errors" role="alert" id={form.errorId}>
              {form.errors.map((error) => (
                <p key={error}>{t(error as never, { detail: detail ?? "" })}</p>
              ))}
            </div>
          ) : null}
          <Form method="post" {...getFormProps(form)} className="panel stack">
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="baseRevision" value={headId ?? ""} />
            <PublishFields next={next} fields={fields} detail={detail} today={today} />
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
                <Link to={versionPath(document.slug, v.version)}>{t("library.version", { version: v.version })}</Link>{" "}
                <span className="muted">{date(v.published_at)}</span>
                {v.revisionId !== null ? (
                  <>
                    {" "}
                    ·{" "}
                    <Link to={revisionPath(document.slug, v.revisionId)}>
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
          {(["supersede", "withdraw"] as const).map((intent) => (
            <StatusForm
              key={intent}
              intent={intent}
              title={document.title}
              successors={successors}
              lastResult={actionData?.intent === intent ? actionData.result : undefined}
            />
          ))}
        </section>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
