// How routes say what a service's failure means: its HTTP status, its catalogue message and, when it
// concerns one field, that field. Each domain keeps one table of its reasons (e.g.
// app/services/groups/failures.ts); a reason missing from the table is a type error.
import { COMMON_REASONS, type Fail } from "./result";

export interface Explanation {
  /** Defaults to the common status of the reason (403, 404, 409, 400) or else 400. */
  status?: 400 | 403 | 404 | 409 | 413 | 422 | 429;
  /** A catalogue key. */
  message: string;
  /** The form field the message belongs beside; without it the message heads the form. */
  field?: string;
}

export type Explanations<R extends string> = { readonly [K in R]: Explanation };

export interface Explained {
  status: number;
  message: string;
  field?: string;
}

export function explain<R extends string>(table: Explanations<R>, failure: Fail<R>): Explained {
  const entry = table[failure.reason];
  const common = (COMMON_REASONS as Record<string, number>)[failure.reason];
  return { status: entry.status ?? common ?? 400, message: entry.message, field: entry.field };
}

/** The options of conform's `submission.reply()` that show an explained failure on the form. */
export function replyErrors(explained: Explained): { formErrors: string[] } | { fieldErrors: Record<string, string[]> } {
  return explained.field ? { fieldErrors: { [explained.field]: [explained.message] } } : { formErrors: [explained.message] };
}
