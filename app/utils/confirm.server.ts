// Destructive actions (cancelling a meeting, deleting a topic, rejecting an application …) are
// done only when their form says `confirm=yes`. Without it the action answers the confirmation
// page (rendered by the error boundaries with ConfirmationPage), which posts the same form again
// with `confirm=yes`: so the first click without JavaScript never destroys anything.
import { data } from "@remix-run/node";
import type { ConfirmKind, ConfirmationRequest, ConfirmValues } from "~/components/ui/confirm-form";

/** Fields that are not sent back on the confirmation page: the answer itself, and fetcher flags. */
const NOT_CARRIED = new Set(["confirm", "js"]);

type Form = FormData | Record<string, FormDataEntryValue>;

export function isConfirmed(form: Form): boolean {
  return (form instanceof FormData ? form.get("confirm") : form.confirm) === "yes";
}

/**
 * Returns when the form confirms the action; otherwise throws the confirmation page (status 200:
 * nothing went wrong, nothing was done). Call it after authorization and validation, right
 * before the change, so that a refused or invalid request is answered as before.
 */
export function requireConfirmation(
  request: Request,
  form: Form,
  kind: ConfirmKind,
  values: ConfirmValues = {},
  back?: string,
): void {
  if (isConfirmed(form)) return;
  const url = new URL(request.url);
  const fields: Array<[string, string]> = [];
  for (const [name, value] of form instanceof FormData ? form.entries() : Object.entries(form)) {
    if (typeof value === "string" && !NOT_CARRIED.has(name)) fields.push([name, value]);
  }
  const page = new URL(url);
  page.searchParams.delete("index");
  const answer: ConfirmationRequest = {
    reason: "confirmation_required",
    kind,
    values,
    action: url.pathname + url.search,
    fields,
    back: back ?? page.pathname + page.search,
  };
  throw data(answer, { status: 200, headers: { "Cache-Control": "private, no-store" } });
}
