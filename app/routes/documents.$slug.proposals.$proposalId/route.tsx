// One change proposal: the proposed text as a diff of the section it amends, whether the section
// changed since, and the editors' decision (accept: applied as a revision credited to the
// proposer, merged with the current draft; decline with a reason).
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictParts, DiffView } from "~/components/document/diff-view";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { ProposalStatusBadge } from "~/components/document/proposal-status";
import { ConfirmButton } from "~/components/ui/confirm-form";
import { FormErrors, InputField, TextareaField } from "~/components/ui/field";
import { findProposal } from "~/models/change-proposal.server";
import { findRevision, revisionNumbers } from "~/models/revision.server";
import { authorize, can } from "~/policies";
import { acceptSchema, declineSchema, parseDocumentForm } from "~/schemas/documents";
import { compareTexts, type Segment } from "~/services/documents/diff.server";
import { proposalResource } from "~/services/documents/proposals.server";
import { sectionText, sectionsOf } from "~/services/documents/sections.server";
import { readWorkspace, requireDocumentViewer, runIntent } from "~/services/documents/workspace.server";
import { readForm } from "~/utils/form.server";
import { notFound, parseId } from "~/utils/http.server";
import { documentPath, revisionPath, revisionSectionPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import { acceptAction, declineAction, withdrawAction } from "./actions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, document, resource } = await readWorkspace(request, params.slug);
  const proposal = await findProposal(db, document.id, parseId(params.proposalId));
  if (!proposal) notFound();
  const head = await findRevision(db, document.id, document.head_revision_id!);
  const current = head ? sectionText(head.body_md, sectionsOf(head), proposal.section_key) : undefined;
  const stale =
    proposal.status === "open" && head !== undefined && head.id !== proposal.base_revision_id && current !== proposal.base_text;
  const numbers = await revisionNumbers(db, document.id, [proposal.base_revision_id, proposal.applied_revision_id]);
  return {
    document: { slug: document.slug, language: document.language },
    proposal: {
      id: proposal.id,
      status: proposal.status,
      sectionTitle: proposal.section_title,
      sectionAnchor: proposal.section_anchor,
      reason: proposal.reason,
      authorName: proposal.author_name,
      authorUsername: proposal.author_username,
      authorOrganization: proposal.author_organization,
      createdAt: proposal.created_at,
      deciderName: proposal.decider_name,
      decidedAt: proposal.decided_at,
      decisionReason: proposal.decision_reason,
      appliedRevisionId: proposal.applied_revision_id,
      baseRevisionId: proposal.base_revision_id,
      baseRevisionNumber: numbers[proposal.base_revision_id] ?? null,
      appliedRevisionNumber: proposal.applied_revision_id ? (numbers[proposal.applied_revision_id] ?? null) : null,
      proposedText: proposal.proposed_text,
    },
    diff: compareTexts(proposal.base_text, proposal.proposed_text, { context: 2 }),
    stale,
    sectionGone: proposal.status === "open" && current === undefined,
    changedSince: stale && current !== undefined ? compareTexts(proposal.base_text, current, { context: 2 }) : null,
    canReview: can(viewer, "document:decide-proposal", proposalResource(resource, proposal)),
    canWithdraw: can(viewer, "document:withdraw-proposal", proposalResource(resource, proposal)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireDocumentViewer(request, params.slug);
  authorize(context.viewer, "document:read-draft", context.resource);
  const proposal = await findProposal(context.db, context.document.id, parseId(params.proposalId));
  if (!proposal) notFound();
  const form = Object.fromEntries(await readForm(request));
  return runIntent(
    { request, ...context, proposal, form },
    { accept: acceptAction, decline: declineAction, withdraw: withdrawAction },
  );
}

export default function ProposalView() {
  const { t } = useTranslation();
  const { date } = useSite();
  const { document, proposal, diff, stale, sectionGone, changedSince, canReview, canWithdraw } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    | {
        error?: string;
        conflicts?: Array<{ proposed: Segment[]; current: Segment[] }>;
        intent?: string;
        result?: SubmissionResult<string[]>;
      }
    | undefined;
  const replyTo = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  const [acceptForm, acceptFields] = useForm({
    id: "accept",
    lastResult: replyTo("accept"),
    constraint: getZodConstraint(acceptSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseDocumentForm(formData, acceptSchema),
  });
  const [declineForm, declineFields] = useForm({
    id: "decline",
    lastResult: replyTo("decline"),
    constraint: getZodConstraint(declineSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseDocumentForm(formData, declineSchema),
  });
  const [params] = useSearchParams();
  const applied = params.get("applied");
  return (
    <section aria-labelledby="proposal-title">
      <p className="breadcrumb">
        <Link to={documentPath(document.slug, "proposals")}>{t("documents.proposals.title")}</Link>
      </p>
      <h2 id="proposal-title">
        {t("documents.proposals.itemTitle", {
          id: proposal.id,
          section: proposal.sectionTitle || t("documents.comments.introduction"),
        })}{" "}
        <ProposalStatusBadge status={proposal.status} />
      </h2>
      <p className="muted">
        {t("documents.proposals.by", {
          name: proposal.authorName ?? "",
          organization: proposal.authorOrganization ?? "",
          date: date(proposal.createdAt, true),
        })}{" "}
        ·{" "}
        <Link to={revisionSectionPath(document.slug, proposal.baseRevisionId, proposal.sectionAnchor)}>
          {t("documents.proposals.basedOn", { revision: proposal.baseRevisionNumber ?? "?" })}
        </Link>
      </p>
      {applied ? (
        <p className="notice notice--success" role="status">
          {t("documents.proposals.appliedNotice")}
          {proposal.appliedRevisionNumber !== null ? (
            <> {t("documents.proposals.appliedAs", { revision: proposal.appliedRevisionNumber })}.</>
          ) : null}
        </p>
      ) : null}
      {actionData?.error ? (
        <div className="notice notice--warning" role="alert">
          <p>{t(actionData.error as never)}</p>
        </div>
      ) : null}
      {actionData?.conflicts ? (
        <ConflictParts
          parts={actionData.conflicts.map((part) => [part.proposed, part.current])}
          heading="h3"
          labels={[t("documents.conflict.proposed"), t("documents.conflict.theirs")]}
        />
      ) : null}
      <section className="panel" aria-labelledby="proposal-reason">
        <h3 id="proposal-reason">{t("documents.proposals.reason")}</h3>
        <p className="doc-pre-line">{proposal.reason}</p>
      </section>
      <h3>{t("documents.proposals.change")}</h3>
      <div lang={document.language}>
        <DiffView
          comparison={diff}
          view="inline"
          oldLabel={t("documents.proposals.original")}
          newLabel={t("documents.proposals.proposed")}
        />
      </div>
      {stale && changedSince ? (
        <section className="panel panel--warning" aria-labelledby="proposal-stale">
          <h3 id="proposal-stale">{t("documents.proposals.staleTitle")}</h3>
          <p>{t("documents.proposals.staleIntro")}</p>
          <div lang={document.language}>
            <DiffView
              comparison={changedSince}
              view="inline"
              oldLabel={t("documents.proposals.original")}
              newLabel={t("documents.proposals.current")}
            />
          </div>
        </section>
      ) : null}
      {sectionGone ? <p className="notice notice--warning">{t("documents.proposals.sectionGone")}</p> : null}
      {proposal.status !== "open" && proposal.decidedAt ? (
        <p className="notice notice--info">
          {proposal.status === "withdrawn"
            ? t("documents.proposals.withdrawnNotice", { date: date(proposal.decidedAt, true) })
            : t("documents.proposals.decidedBy", { name: proposal.deciderName ?? "", date: date(proposal.decidedAt, true) })}
          {proposal.decisionReason ? ` — ${proposal.decisionReason}` : ""}
          {proposal.appliedRevisionId ? (
            <>
              {" "}
              <Link to={revisionPath(document.slug, proposal.appliedRevisionId)}>
                {t("documents.proposals.appliedAs", { revision: proposal.appliedRevisionNumber ?? "?" })}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {canReview ? (
        <div className="decision-forms">
          <Form method="post" {...getFormProps(acceptForm)} className="panel stack">
            <h3>{t("documents.proposals.acceptTitle")}</h3>
            <p className="muted">{t("documents.proposals.acceptHint")}</p>
            <FormErrors errors={acceptForm.errors} id={acceptForm.errorId} />
            <input type="hidden" name="intent" value="accept" />
            <InputField meta={acceptFields.note} label={t("documents.proposals.acceptNote")} />
            <button type="submit" className="button button--primary">
              {t("documents.proposals.accept")}
            </button>
          </Form>
          <Form method="post" {...getFormProps(declineForm)} className="panel stack">
            <h3>{t("documents.proposals.declineTitle")}</h3>
            <FormErrors errors={declineForm.errors} id={declineForm.errorId} />
            <input type="hidden" name="intent" value="decline" />
            <TextareaField meta={declineFields.reason} label={t("documents.proposals.declineReason")} rows={3} required />
            <ConfirmButton kind="declineProposal">{t("documents.proposals.decline")}</ConfirmButton>
          </Form>
        </div>
      ) : null}
      {canWithdraw ? (
        <Form method="post">
          <input type="hidden" name="intent" value="withdraw" />
          <ConfirmButton kind="withdrawProposal" className="button button--quiet">
            {t("documents.proposals.withdraw")}
          </ConfirmButton>
        </Form>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
