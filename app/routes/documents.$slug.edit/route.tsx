// Editing the draft. The form carries the revision it was based on (`baseRevision`); a stale save
// is merged three-way, and overlapping changes answer 409 with a conflict page that keeps the
// editor's text in the form, shows the current text and the conflicting parts.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ConflictParts } from "~/components/document/diff-view";
import { DocumentErrorBoundary } from "~/components/document/error-boundary";
import { MarkdownEditor } from "~/components/document/markdown-editor";
import { InputField } from "~/components/ui/field";
import { findRevision } from "~/models/revision.server";
import { authorize } from "~/policies";
import { editSchema, parseDocumentForm } from "~/schemas/documents";
import { DOCUMENT_FAILURES } from "~/services/documents/failures";
import { readWorkspace, readWorkspaceForm } from "~/services/documents/workspace.server";
import { notFound } from "~/utils/http.server";
import { documentPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import { previewAction, saveAction } from "./actions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, document, resource } = await readWorkspace(request, params.slug);
  authorize(viewer, "document:edit", resource);
  const head = await findRevision(db, document.id, document.head_revision_id!);
  if (!head) notFound();
  return {
    document: { slug: document.slug, language: document.language, title: document.title },
    head: { id: head.id, number: head.number, body: head.body_md, createdAt: head.created_at, authorName: head.author_name },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await readWorkspaceForm(request, params.slug, "document:read-draft", "document:edit");
  const form = editSchema.safeParse(context.form);
  if (!form.success)
    return data(
      { errors: { form: DOCUMENT_FAILURES.invalid.message }, body: "", message: "", baseRevision: "" },
      { status: 400 },
    );
  const { intent, ...kept } = form.data;
  return intent === "preview" ? previewAction(context, kept) : saveAction(context, kept);
}

/** A live preview changes nothing: the page need not be reloaded after it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "preview" ? false : defaultShouldRevalidate;

export default function EditDraft() {
  const { t } = useTranslation();
  const { date } = useSite();
  const { document, head } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const conflict = actionData && "conflict" in actionData ? actionData.conflict : undefined;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const preview = actionData && "preview" in actionData ? actionData.preview : null;
  const body = actionData?.body ?? head.body;
  const message = actionData?.message ?? "";
  // After a conflict, the next save is based on the text now current (the editor has seen it).
  const baseRevision = conflict ? String(conflict.head.id) : actionData?.baseRevision || String(head.id);
  const formError = errors && "form" in errors ? errors.form : undefined;
  const bodyError = errors && "body" in errors ? errors.body : undefined;
  return (
    <div className="edit-draft">
      <h2>{conflict ? t("documents.conflict.title") : t("documents.edit.title")}</h2>
      {conflict ? (
        <section className="conflict" aria-labelledby="conflict-parts">
          <div className="notice notice--warning" role="alert">
            <p>
              {t("documents.conflict.intro", {
                name: conflict.head.authorName ?? t("documents.history.imported"),
                date: date(conflict.head.createdAt, true),
              })}
            </p>
            <p>{t("documents.conflict.kept")}</p>
          </div>
          <h3 id="conflict-parts">{t("documents.conflict.parts", { count: conflict.parts.length })}</h3>
          <ConflictParts
            parts={conflict.parts.map((part) => [part.mine, part.theirs])}
            heading="h4"
            labels={[t("documents.conflict.yours"), t("documents.conflict.theirs")]}
          />
          <details className="conflict-current">
            <summary>{t("documents.conflict.currentText")}</summary>
            <label htmlFor="current-text" className="visually-hidden">
              {t("documents.conflict.currentText")}
            </label>
            <textarea id="current-text" readOnly rows={16} value={conflict.head.body} className="markdown-editor__input" />
          </details>
        </section>
      ) : (
        <p className="muted">
          {t("documents.edit.basedOn", {
            revision: head.number,
            name: head.authorName ?? t("documents.history.imported"),
            date: date(head.createdAt, true),
          })}
        </p>
      )}
      {formError ? (
        <div className="form-errors" role="alert">
          <p>{t(formError as never)}</p>
        </div>
      ) : null}
      <DraftForm
        key={conflict ? `conflict-${conflict.head.id}` : "edit"}
        message={message}
        editor={
          <>
            <input type="hidden" name="baseRevision" value={baseRevision} />
            <MarkdownEditor
              id="draft-body"
              label={conflict ? t("documents.conflict.yourText") : t("documents.edit.body")}
              hint={t("documents.edit.bodyHint")}
              defaultValue={body}
              error={bodyError ? t(bodyError as never) : undefined}
              previewHtml={preview}
              previewAction={documentPath(document.slug, "edit")}
              lang={document.language}
            />
          </>
        }
        actions={
          <div className="doc-actions">
            <button
              type="submit"
              name="intent"
              value="save"
              className="button button--primary"
              disabled={navigation.state === "submitting"}
            >
              {conflict ? t("documents.conflict.saveResolved") : t("documents.edit.save")}
            </button>
            <button type="submit" name="intent" value="preview" className="button">
              {t("documents.edit.previewButton")}
            </button>
            <Link to={documentPath(document.slug)} className="button button--quiet">
              {t("common.cancel")}
            </Link>
          </div>
        }
      />
    </div>
  );
}

/**
 * The editor's form. The action answers with what was sent (and a preview or a conflict), not a
 * conform reply: the form starts from the message kept, and a conflict mounts it anew (its `key`).
 * The body keeps the markdown editor's own markup (its preview).
 */
function DraftForm({ message, editor, actions }: { message: string; editor: ReactNode; actions: ReactNode }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "draft",
    defaultValue: { message },
    constraint: getZodConstraint(editSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseDocumentForm(formData, editSchema),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      {editor}
      <InputField meta={fields.message} label={t("documents.edit.message")} hint={t("documents.edit.messageHint")} />
      {actions}
    </Form>
  );
}

export const ErrorBoundary = DocumentErrorBoundary;
