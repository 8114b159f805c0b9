// The markdown editor of posts. Without JavaScript it is a labelled textarea, and the form's
// Preview / Save draft buttons go to the server. With JavaScript it also shows a live preview
// (rendered by the server's one renderer) and saves the draft on a timer.
import { useFetcher, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useRef, useState, type Ref } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { parseWithZod } from "@conform-to/zod";
import { useSite } from "~/utils/use-site";
import { ConfirmButton } from "~/components/ui/confirm-form";
import { useHydrated } from "./hooks";
import { useMentionSuggestions } from "./mention-suggestions";

interface ComposerProps {
  id: string;
  label: string;
  defaultValue: string;
  /** The route action that renders previews and saves drafts. */
  action: string;
  /** Catalogue keys of the field's errors. */
  errors?: string[];
  /** A preview rendered by the server (the Preview button, without JavaScript). */
  previewHtml?: string | null;
  /** The intent the live preview posts ("preview", or "edit-preview" for an edit). */
  previewIntent?: string;
  /** Save the draft on a timer (replies and new topics; not edits). */
  autosave?: boolean;
  /** When the draft was last saved on the server. */
  draftSavedAt?: string | null;
  rows?: number;
  textareaRef?: Ref<HTMLTextAreaElement>;
  required?: boolean;
  /** Where "@" suggestions come from (/mentions?topic=… or ?category=…), for those who may post there. */
  mentionSource?: string;
}

/**
 * The `shouldRevalidate` of a page with composers: an autosaved draft or a live preview (the
 * `previewIntents` posted with live=1) changes nothing the page shows, so it is not reloaded.
 */
export function keepPageOnDrafts(previewIntents: string[]): ShouldRevalidateFunction {
  return ({ formData, defaultShouldRevalidate }) => {
    const intent = formData?.get("intent");
    if (intent === "draft" || (previewIntents.includes(String(intent)) && formData?.get("live") === "1")) return false;
    return defaultShouldRevalidate;
  };
}

/**
 * conform's `onValidate` for a form with Preview / Save draft buttons (formNoValidate): those go to
 * the server however incomplete the text is; the other submissions and each field's blur are
 * checked against `schema`.
 */
export function validateUnlessDraft<Schema extends z.ZodTypeAny>(schema: Schema) {
  return ({ formData, submitter }: { formData: FormData; submitter: HTMLInputElement | HTMLButtonElement | null }) =>
    parseWithZod(formData, { schema: submitter?.formNoValidate ? (anything as unknown as Schema) : schema });
}
const anything = z.object({}).passthrough();

const LIVE_PREVIEW_DELAY = 600;
const AUTOSAVE_EVERY = 5000;

export function Composer({
  id,
  label,
  defaultValue,
  action,
  errors,
  previewHtml,
  previewIntent = "preview",
  autosave = false,
  draftSavedAt,
  rows = 8,
  textareaRef,
  required = true,
  mentionSource,
}: ComposerProps) {
  const { t } = useTranslation();
  const { date } = useSite();
  const hydrated = useHydrated();
  const preview = useFetcher<{ preview?: string }>();
  const draft = useFetcher<{ draftSavedAt?: string }>();
  const localRef = useRef<HTMLTextAreaElement | null>(null);
  const [livePreview, setLivePreview] = useState(true);
  const [empty, setEmpty] = useState(!defaultValue.trim());
  const lastSaved = useRef(defaultValue);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const mentions = useMentionSuggestions(localRef, hydrated ? mentionSource : undefined, `${id}-mentions`);

  const setRefs = (element: HTMLTextAreaElement | null) => {
    localRef.current = element;
    if (typeof textareaRef === "function") textareaRef(element);
    else if (textareaRef && typeof textareaRef === "object")
      (textareaRef as { current: HTMLTextAreaElement | null }).current = element;
  };

  const formDataWith = (fields: Record<string, string>) => {
    const form = localRef.current?.form;
    const data = form ? new FormData(form) : new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };

  const requestPreview = () => {
    if (!localRef.current?.value.trim()) return;
    preview.submit(formDataWith({ intent: previewIntent, live: "1" }), { method: "post", action });
  };

  const onInput = () => {
    mentions.onInput();
    setEmpty(!localRef.current?.value.trim());
    if (!livePreview) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(requestPreview, LIVE_PREVIEW_DELAY);
  };

  useEffect(() => {
    if (livePreview) requestPreview();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when live preview is switched on, not on every keystroke
  }, [livePreview]);

  useEffect(() => {
    if (!autosave) return;
    const interval = setInterval(() => {
      const element = localRef.current;
      if (!element || element.value === lastSaved.current || draft.state !== "idle") return;
      lastSaved.current = element.value;
      draft.submit(formDataWith({ intent: "draft", autosave: "1" }), { method: "post", action });
    }, AUTOSAVE_EVERY);
    return () => clearInterval(interval);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the timer reads the textarea through a ref; restarting it on each render would reset the 20 s period
  }, [autosave, action, draft.state]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const savedAt = draft.data?.draftSavedAt ?? draftSavedAt ?? null;
  const html = hydrated && livePreview ? (empty ? null : (preview.data?.preview ?? previewHtml)) : previewHtml;
  const errorId = `${id}-errors`;
  const hintId = `${id}-hint`;
  return (
    <div className="composer">
      <div className="field">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        <p id={hintId} className="field__hint">
          {t("forums.composer.hint")}
        </p>
        <textarea
          id={id}
          name="body"
          ref={setRefs}
          rows={rows}
          defaultValue={defaultValue}
          required={required}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={[hintId, errors?.length ? errorId : null].filter(Boolean).join(" ")}
          onInput={onInput}
          onKeyDown={mentions.onKeyDown}
          onBlur={mentions.onBlur}
          {...(hydrated && mentionSource ? mentions.inputProps : {})}
          className="composer__input"
        />
        {hydrated && mentionSource ? mentions.list : null}
        {errors?.length ? (
          <ul id={errorId} className="field__errors">
            {errors.map((error) => (
              <li key={error}>{t(error as never, { max: "64 KiB" })}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="composer__status">
        {hydrated ? (
          <label className="composer__live">
            <input type="checkbox" checked={livePreview} onChange={(event) => setLivePreview(event.target.checked)} />{" "}
            {t("forums.composer.livePreview")}
          </label>
        ) : null}
        <span className="muted" aria-live="polite">
          {savedAt ? t("forums.composer.draftSaved", { date: date(savedAt, true) }) : null}
        </span>
      </div>
      {html ? (
        <section className="composer__preview" aria-label={t("forums.composer.preview")}>
          <h3 className="composer__preview-title">{t("forums.composer.preview")}</h3>
          <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
        </section>
      ) : null}
    </div>
  );
}

/** The composer's buttons: send (topic or reply), preview and save a draft (no JavaScript needed), discard the draft. */
export function ComposerButtons({ intent, label, hasDraft }: { intent: "create" | "reply"; label: string; hasDraft: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="composer__buttons">
      <button type="submit" name="intent" value={intent} className="button button--primary">
        {label}
      </button>
      <button type="submit" name="intent" value="preview" className="button" formNoValidate>
        {t("forums.composer.previewButton")}
      </button>
      <button type="submit" name="intent" value="draft" className="button button--quiet" formNoValidate>
        {t("forums.composer.saveDraft")}
      </button>
      {hasDraft ? (
        <ConfirmButton name="intent" value="discard-draft" kind="discardDraft" className="button button--quiet" formNoValidate>
          {t("forums.composer.discardDraft")}
        </ConfirmButton>
      ) : null}
    </div>
  );
}
