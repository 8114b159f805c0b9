// Confirming a destructive action. The server refuses it unless the form carries `confirm=yes`
// (requireConfirmation in utils/confirm.server.ts) and answers a confirmation page instead, which
// the error boundaries render with ConfirmationPage: so without JavaScript the first click leads
// to a page that says what will happen, with Confirm and Back. With JavaScript, ConfirmButton
// asks the same question in a modal <dialog> and submits the form with `confirm=yes` itself.
import { Form, Link, isRouteErrorResponse } from "@remix-run/react";
import { useId, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type en from "~/locales/en/confirm";
import { useHydrated } from "~/components/forum/hooks";

export type ConfirmKind = keyof (typeof en)["confirm"]["kinds"];
export type ConfirmValues = Record<string, string>;

/** What the server answers when a destructive action comes without `confirm=yes`. */
export interface ConfirmationRequest {
  reason: "confirmation_required";
  kind: ConfirmKind;
  values: ConfirmValues;
  /** Where the form was posted (with its query, e.g. `?index`), and what it carried. */
  action: string;
  fields: Array<[string, string]>;
  /** The page the action was started from. */
  back: string;
}

export function confirmationOf(error: unknown): ConfirmationRequest | null {
  if (!isRouteErrorResponse(error)) return null;
  const body = error.data as Partial<ConfirmationRequest> | null;
  return body && body.reason === "confirmation_required" && typeof body.kind === "string" ? (body as ConfirmationRequest) : null;
}

function useTexts(kind: ConfirmKind, values: ConfirmValues = {}) {
  const { t } = useTranslation();
  // Each kind's body names its own values (title, name …), which the key's type cannot know.
  const interpolate = t as unknown as (key: string, options: ConfirmValues) => string;
  return {
    title: t(`confirm.kinds.${kind}.title`),
    body: interpolate(`confirm.kinds.${kind}.body`, values),
    confirm: t(`confirm.kinds.${kind}.confirm`),
    back: t("confirm.back"),
  };
}

/** The confirmation step without JavaScript: posts the same form again, with `confirm=yes`. */
export function ConfirmationPage({ request }: { request: ConfirmationRequest }) {
  const texts = useTexts(request.kind, request.values);
  return (
    <div className="page page--narrow confirm-page">
      <section className="panel confirm-panel" aria-labelledby="confirm-title">
        <h1 id="confirm-title">{texts.title}</h1>
        <p>{texts.body}</p>
        <Form method="post" action={request.action} className="confirm-panel__buttons">
          {request.fields.map(([name, value], i) => (
            <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" className="button button--danger">
            {texts.confirm}
          </button>
          <Link to={request.back} className="button">
            {texts.back}
          </Link>
        </Form>
      </section>
    </div>
  );
}

/**
 * A destructive form's submit button. Without JavaScript it is a plain submit button (the server
 * answers the confirmation page); with it, a click opens a modal dialog, and Confirm submits the
 * button's form with the button as its submitter and `confirm=yes`.
 */
export function ConfirmButton({
  kind,
  values,
  className = "button button--danger",
  name,
  value,
  children,
  formNoValidate = false,
  ...rest
}: {
  kind: ConfirmKind;
  values?: ConfirmValues;
  className?: string;
  name?: string;
  value?: string;
  children: ReactNode;
  /** As the attribute: the form is sent without checking its fields (e.g. discarding a draft). */
  formNoValidate?: boolean;
  "aria-label"?: string;
}) {
  const texts = useTexts(kind, values);
  const hydrated = useHydrated();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const backButton = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState<HTMLFormElement | null>(null);
  const id = useId();

  const close = () => {
    dialog.current?.close();
  };
  // Submits the form as the button would have (through whatever handles it: Remix, conform, or
  // the browser for a reloadDocument form), carrying `confirm=yes` for this one submission.
  const confirm = () => {
    const form = pending;
    if (!form || !trigger.current) return;
    const answer = document.createElement("input");
    answer.type = "hidden";
    answer.name = "confirm";
    answer.value = "yes";
    form.append(answer);
    close();
    try {
      form.requestSubmit(trigger.current);
    } finally {
      answer.remove();
    }
  };

  return (
    <>
      <button
        ref={trigger}
        type="submit"
        name={name}
        value={value}
        className={className}
        formNoValidate={formNoValidate || undefined}
        aria-haspopup={hydrated ? "dialog" : undefined}
        onClick={(event) => {
          if (!hydrated || !dialog.current) return;
          const form = event.currentTarget.form;
          if (!form) return;
          event.preventDefault();
          if (!formNoValidate && !form.reportValidity()) return;
          setPending(form);
          dialog.current.showModal();
          backButton.current?.focus();
        }}
        {...rest}
      >
        {children}
      </button>
      {hydrated ? (
        <dialog
          ref={dialog}
          className="confirm-dialog"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-body`}
          onClose={() => trigger.current?.focus()}
        >
          <h2 id={`${id}-title`} className="confirm-dialog__title">
            {texts.title}
          </h2>
          <p id={`${id}-body`}>{texts.body}</p>
          <div className="confirm-panel__buttons">
            <button type="button" className="button button--danger" onClick={confirm}>
              {texts.confirm}
            </button>
            <button type="button" ref={backButton} className="button" onClick={close}>
              {texts.back}
            </button>
          </div>
        </dialog>
      ) : null}
    </>
  );
}
