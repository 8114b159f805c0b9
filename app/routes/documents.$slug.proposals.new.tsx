// Proposing a change to one section: the new text and the reason for it.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { findRevision } from "~/models/revision.server";
import { authorizeContribution } from "~/policies/documents";
import { sectionRanges, sectionText, sectionsOf } from "~/services/document-sections.server";
import { readWorkspace, requireDocumentViewer, submitProposal } from "~/services/documents.server";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/form.server";

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

const proposalSchema = z.object({
  section: z.string().min(1).max(200),
  baseRevision: z.coerce.number().int().positive(),
  text: z.string().max(200_000, "documents.errors.proposalTooLong"),
  reason: z.string().trim().min(1, "documents.errors.reasonRequired").max(5_000, "documents.errors.reasonTooLong"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, document, consultation, resource } = await requireDocumentViewer(request, params.slug);
  authorizeContribution(viewer, resource, "document:propose");
  const form = Object.fromEntries(await readForm(request));
  const kept = {
    text: String(form.text ?? ""),
    reason: String(form.reason ?? ""),
    section: String(form.section ?? ""),
    baseRevision: String(form.baseRevision ?? ""),
  };
  const parsed = proposalSchema.safeParse(form);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0])] ??= issue.message.startsWith("documents.") ? issue.message : "documents.errors.badForm";
    return data({ ...kept, errors }, { status: 400 });
  }
  const result = await submitProposal(
    db,
    viewer,
    { document, consultation },
    {
      baseRevisionId: parsed.data.baseRevision,
      sectionKey: parsed.data.section,
      text: parsed.data.text,
      reason: parsed.data.reason,
    },
  );
  if (!result.ok) return data({ ...kept, errors: { text: `documents.errors.${result.reason}` } }, { status: 400 });
  return redirect(`/documents/${document.slug}/proposals/${result.id}`);
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
          <div className="field">
            <label htmlFor="proposal-section" className="field__label">
              {t("documents.proposals.section")}
            </label>
            <select id="proposal-section" name="section" required>
              {choices.map((c) => (
                <option key={c.key} value={c.key}>
                  {"— ".repeat(Math.max(0, c.level - 1))}
                  {c.title || t("documents.comments.introduction")}
                </option>
              ))}
            </select>
          </div>
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
          {errors?.text ? (
            <ul id="proposal-text-error" className="field__errors">
              <li>{t(errors.text as never)}</li>
            </ul>
          ) : null}
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
            maxLength={5000}
            defaultValue={actionData?.reason ?? ""}
            aria-invalid={errors?.reason ? true : undefined}
            aria-describedby={errors?.reason ? "proposal-reason-error" : undefined}
          />
          {errors?.reason ? (
            <ul id="proposal-reason-error" className="field__errors">
              <li>{t(errors.reason as never)}</li>
            </ul>
          ) : null}
        </div>
        <div className="doc-actions">
          <button type="submit" className="button button--primary">
            {t("documents.proposals.submit")}
          </button>
          <Link to={`/documents/${document.slug}`} className="button button--quiet">
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </section>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
