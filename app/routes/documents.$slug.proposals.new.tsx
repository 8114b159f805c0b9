// Proposing a change to one section: the new text and the reason for it.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { FilterSelect } from "~/components/document/filter-select";
import { FieldError } from "~/components/document/field-error";
import { findRevision } from "~/models/revision.server";
import { documentErrors, MAX_PROPOSAL_REASON_LENGTH, proposalSchema } from "~/schemas/documents";
import { DOCUMENT_FAILURES } from "~/services/documents/failures";
import { submitProposal } from "~/services/documents/proposals.server";
import { sectionRanges, sectionText, sectionsOf } from "~/services/documents/sections.server";
import {
  authorizeContribution,
  readWorkspace,
  requireDocumentViewer,
  throwIfRefused,
} from "~/services/documents/workspace.server";
import { explain } from "~/utils/failure.server";
import { readForm } from "~/utils/form.server";
import { notFound } from "~/utils/http.server";
import { documentPath, proposalPath } from "~/utils/paths";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, document, resource } = await readWorkspace(request, params.slug);
  authorizeContribution(viewer, resource, "document:propose");
  const head = await findRevision(db, document.id, document.head_revision_id!);
  if (!head) notFound();
  const sections = sectionsOf(head);
  const choices = sectionRanges(head.body_md, sections).map((range) => ({
    key: range.key,
    title: range.title,
    level: range.level,
  }));
  const requested = new URL(request.url).searchParams.get("section");
  const selected = choices.find((c) => c.key === requested) ?? null;
  return {
    document: { slug: document.slug, language: document.language },
    headId: head.id,
    choices,
    selected: selected && {
      key: selected.key,
      title: selected.title,
      text: sectionText(head.body_md, sections, selected.key) ?? "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, document, resource } = await requireDocumentViewer(request, params.slug);
  authorizeContribution(viewer, resource, "document:propose");
  const form = Object.fromEntries(await readForm(request));
  const kept = {
    text: String(form.text ?? ""),
    reason: String(form.reason ?? ""),
    section: String(form.section ?? ""),
    baseRevision: String(form.baseRevision ?? ""),
  };
  const parsed = proposalSchema.safeParse(form);
  if (!parsed.success) return data({ ...kept, errors: documentErrors(parsed.error.issues) }, { status: 400 });
  const { baseRevision, section, text, reason } = parsed.data;
  const result = await submitProposal(db, viewer, document, { baseRevisionId: baseRevision, sectionKey: section, text, reason });
  if (result.ok) return redirect(proposalPath(document.slug, result.value));
  throwIfRefused(result);
  const { message, status } = explain(DOCUMENT_FAILURES, result);
  return data({ ...kept, errors: { text: message } }, { status });
}

export default function NewProposal() {
  const { t } = useTranslation();
  const { document, headId, choices, selected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string> | undefined;
  if (!selected && !actionData) {
    return (
      <section aria-labelledby="proposal-pick">
        <h2 id="proposal-pick">{t("documents.proposals.pickSection")}</h2>
        <Form method="get" className="stack">
          <FilterSelect id="proposal-section" name="section" label={t("documents.proposals.section")} required>
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {"— ".repeat(Math.max(0, c.level - 1))}
                {c.title || t("documents.comments.introduction")}
              </option>
            ))}
          </FilterSelect>
          <button type="submit" className="button">
            {t("documents.proposals.continue")}
          </button>
        </Form>
      </section>
    );
  }
  const sectionKey = actionData?.section ?? selected?.key ?? "";
  const sectionTitle = selected?.title ?? choices.find((c) => c.key === sectionKey)?.title ?? "";
  return (
    <section aria-labelledby="proposal-title">
      <h2 id="proposal-title">
        {t("documents.proposals.newFor", { section: sectionTitle || t("documents.comments.introduction") })}
      </h2>
      <p className="muted">{t("documents.proposals.newIntro")}</p>
      <Form method="post" className="stack">
        <input type="hidden" name="section" value={sectionKey} />
        <input type="hidden" name="baseRevision" value={actionData?.baseRevision ?? headId} />
        <div className="field">
          <label htmlFor="proposal-text" className="field__label">
            {t("documents.proposals.text")}
          </label>
          <p id="proposal-text-hint" className="field__hint">
            {t("documents.proposals.textHint")}
          </p>
          <textarea
            id="proposal-text"
            name="text"
            rows={16}
            lang={document.language}
            defaultValue={actionData?.text ?? selected?.text ?? ""}
            className="markdown-editor__input"
            aria-invalid={errors?.text ? true : undefined}
            aria-describedby={`proposal-text-hint${errors?.text ? " proposal-text-error" : ""}`}
          />
          <FieldError id="proposal-text-error" error={errors?.text} />
        </div>
        <div className="field">
          <label htmlFor="proposal-reason" className="field__label">
            {t("documents.proposals.reason")}
          </label>
          <textarea
            id="proposal-reason"
            name="reason"
            rows={4}
            required
            maxLength={MAX_PROPOSAL_REASON_LENGTH}
            defaultValue={actionData?.reason ?? ""}
            aria-invalid={errors?.reason ? true : undefined}
            aria-describedby={errors?.reason ? "proposal-reason-error" : undefined}
          />
          <FieldError id="proposal-reason-error" error={errors?.reason} />
        </div>
        <div className="doc-actions">
          <button type="submit" className="button button--primary">
            {t("documents.proposals.submit")}
          </button>
          <Link to={documentPath(document.slug)} className="button button--quiet">
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </section>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
