// The one answer every service gives: success with a value, or failure with a reason code.
//
// Services decide *what* happened (a reason code such as "forbidden", "not_found", "conflict",
// "meeting_cancelled"); they know nothing of HTTP or of the catalogue. Routes decide how to say it:
// `failureStatus()` maps a reason to its HTTP status, and each domain's reason table maps it to a
// catalogue key and, where it concerns one field, to that field (see app/utils/failure.server.ts).
//
// A failure may carry details the page needs to recover (the conflicting text, the taken fields):
// `fail("conflict", { current })`. Programming errors still throw; outside input never does.

export type Ok<T> = { ok: true; value: T };
export type Fail<R extends string, D extends object = object> = { ok: false; reason: R } & D;
export type Result<T, R extends string, D extends object = object> = Ok<T> | Fail<R, D>;

export function ok(): Ok<undefined>;
export function ok<T>(value: T): Ok<T>;
export function ok<T>(value?: T): Ok<T | undefined> {
  return { ok: true, value };
}

export function fail<R extends string>(reason: R): Fail<R>;
export function fail<R extends string, D extends object>(reason: R, details: D): Fail<R, D>;
export function fail<R extends string, D extends object>(reason: R, details?: D): Fail<R, D | object> {
  return { ok: false, reason, ...(details ?? {}) };
}

/** The reasons every domain shares, with the status a route answers for them. */
export const COMMON_REASONS = {
  /** The viewer may not do this (routes answer 404 where the thing itself is private). */
  forbidden: 403,
  /** The thing is gone or was never there. */
  not_found: 404,
  /** Someone else changed it first; the page shows both versions and keeps the viewer's text. */
  conflict: 409,
  /** The input broke a rule only the server can check (the form schema checks the rest). */
  invalid: 400,
} as const;
