import { Form } from "@remix-run/react";
import { ConfirmButton, type ConfirmKind, type ConfirmValues } from "~/components/ui/confirm-form";
import { REASON_MAX } from "~/schemas/admin";

/**
 * Approve and reject side by side, as buttons of equal weight, in one form: the reason is only
 * needed to reject (the server says so if it is missing), and it is shown to the member.
 */
export function ReviewForm({
  field,
  intents,
  labels,
  reasonId,
  confirm,
}: {
  field: { name: string; value: number };
  intents: [approve: string, reject: string];
  labels: { approve: string; reject: string; reason: string };
  reasonId: string;
  /** Rejecting asks for confirmation (a dialog with JavaScript, a page without). */
  confirm: { kind: ConfirmKind; values: ConfirmValues };
}) {
  return (
    <Form method="post" className="review-form">
      <input type="hidden" name={field.name} value={field.value} />
      <label htmlFor={reasonId} className="field__label">
        {labels.reason}
      </label>
      <textarea id={reasonId} name="reason" rows={2} maxLength={REASON_MAX} />
      <div className="review-form__buttons">
        <button type="submit" name="intent" value={intents[0]} className="button">
          {labels.approve}
        </button>
        <ConfirmButton name="intent" value={intents[1]} kind={confirm.kind} values={confirm.values} className="button">
          {labels.reject}
        </ConfirmButton>
      </div>
    </Form>
  );
}
