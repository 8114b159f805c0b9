// Responses that error boundaries render inside the site layout.
import { data, type HeadersFunction } from "@remix-run/node";

export function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

export function forbidden(reason = "forbidden"): never {
  throw data({ reason }, { status: 403 });
}

export function badRequest(reason = "bad_request"): never {
  throw data({ reason }, { status: 400 });
}

/** Parses a positive integer id from a URL parameter, or answers 404 (an id that is not a number names nothing). */
export function parseId(value: string | undefined): number {
  if (!value || !/^[1-9][0-9]{0,15}$/.test(value)) notFound();
  const id = Number(value);
  if (!Number.isSafeInteger(id)) notFound();
  return id;
}

/**
 * A route's `headers` export that passes a 429's Retry-After (set by its loader or action with
 * `data(…, { headers })`) on to the document response; cookies pass on their own.
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After") ?? errorHeaders?.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};
