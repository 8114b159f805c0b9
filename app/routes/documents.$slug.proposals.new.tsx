// Proposing a change to one section: the new text and the reason for it.
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { FilterSelect } from "~/components/document/filter-select";
import { FieldErrors, FormErrors, TextareaField } from "~/components/ui/field";
import { findRevision } from "~/models/revision.server";
import { parseDocumentForm, proposalSchema } from "~/schemas/documents";
import { DOCUMENT_FAILURES } from "~/services/documents/failures";
import { submitProposal } from "~/services/documents/proposals.server";
import { sectionRanges, sectionText, sectionsOf } from "~/services/documents/sections.server";
import {
  authorizeContribution,
  readWorkspace,
  requireDocumentViewer,
  throwIfRefused,
} from "~/services/documents/workspace.server";
import { explain, replyErrors } from "~/utils/failure.server";
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
  const form = await readForm(request);
  // The section and the revision it was read from go back with the form (its hidden fields).
  const kept = { section: String(form.get("section") ?? ""), baseRevision: String(form.get("baseRevision") ?? "") };
  const submission = parseDocumentForm(form, proposalSchema);
  if (submission.status !== "success") return data({ ...kept, result: submission.reply() }, { status: 400 });
  const { baseRevision, section, text, reason } = submission.value;
  const result = await submitProposal(db, viewer, document, { baseRevisionId: baseRevision, sectionKey: section, text, reason });
  if (result.ok) return redirect(proposalPath(document.slug, result.value));
  throwIfRefused(result);
  const { message, status } = explain(DOCUMENT_FAILURES, result);
  // A refusal concerns the proposed text (a section gone, a text unchanged).
  return data({ ...kept, result: submission.reply(replyErrors({ status, message, field: "text" })) }, { status });
}

export default function NewProposal() {
  const { t } = useTranslation();
  const { document, headId, choices, selected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "proposal",
    lastResult: actionData?.result,
    defaultValue: { text: selected?.text ?? "" },
    constraint: getZodConstraint(proposalSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseDocumentForm(formData, proposalSchema),
  });
  const text = getTextareaProps(fields.text, { ariaAttributes: true });
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
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="section" value={sectionKey} />
        <input type="hidden" name="baseRevision" value={actionData?.baseRevision ?? headId} />
        {/* The proposed text keeps its own markup: the document's language and the editor's look. */}
        <div className="field">
          <label htmlFor={fields.text.id} className="field__label">
            {t("documents.proposals.text")}
          </label>
          <p id={`${fields.text.id}-hint`} className="field__hint">
            {t("documents.proposals.textHint")}
          </p>
          <textarea
            {...text}
            key={text.key}
            rows={16}
            required={false}
            lang={document.language}
            className="markdown-editor__input"
            aria-describedby={`${fields.text.id}-hint${fields.text.errors?.length ? ` ${fields.text.errorId}` : ""}`}
          />
          <FieldErrors id={fields.text.errorId} errors={fields.text.errors} />
        </div>
        <TextareaField meta={fields.reason} label={t("documents.proposals.reason")} rows={4} required />
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
