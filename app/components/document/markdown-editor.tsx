// A markdown text area with a preview: without JavaScript the form's Preview button renders it on
// the server; with JavaScript the preview follows the typing (rendered by the same server action).
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

export function MarkdownEditor({
  id,
  name = "body",
  label,
  hint,
  defaultValue,
  rows = 24,
  error,
  previewHtml,
  previewAction,
  lang,
}: {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  defaultValue: string;
  rows?: number;
  error?: string;
  /** A preview rendered on the server for a request without JavaScript. */
  previewHtml?: string | null;
  /** Where the live preview posts `intent=preview` and `body`. */
  previewAction: string;
  lang?: string;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ preview?: string }>();
  const [live, setLive] = useState(false);
  // The live preview needs JavaScript: its switch appears once the page is interactive.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => () => clearTimeout(timer.current), []);

  const refresh = (value: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      fetcher.submit({ intent: "preview", body: value }, { method: "post", action: previewAction });
    }, 500);
  };
  const html = live ? (fetcher.data?.preview ?? previewHtml ?? "") : previewHtml;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="markdown-editor">
      <div className="field">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="field__hint">
            {hint}
          </p>
        ) : null}
        <textarea
          id={id}
          name={name}
          ref={area}
          rows={rows}
          defaultValue={defaultValue}
          className="markdown-editor__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          spellCheck
          lang={lang}
          onChange={(event) => {
            if (live) refresh(event.currentTarget.value);
          }}
        />
        {error ? (
          <ul id={`${id}-error`} className="field__errors">
            <li>{error}</li>
          </ul>
        ) : null}
      </div>
      {hydrated ? (
        <div className="markdown-editor__preview-tools no-print">
          <label className="doc-checkbox">
            <input
              type="checkbox"
              checked={live}
              onChange={(event) => {
                setLive(event.currentTarget.checked);
                if (event.currentTarget.checked && area.current) refresh(area.current.value);
              }}
            />{" "}
            {t("documents.edit.livePreview")}
          </label>
        </div>
      ) : null}
      {html ? (
        <section className="markdown-editor__preview" aria-labelledby={`${id}-preview`} aria-live="polite">
          <h2 id={`${id}-preview`} className="markdown-editor__preview-title">
            {t("documents.edit.preview")}
          </h2>
          <div className="prose" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />
        </section>
      ) : null}
    </div>
  );
}
