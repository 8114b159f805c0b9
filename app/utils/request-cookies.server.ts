// The one reader of the Cookie header. Every cookie the server looks at (the session, the language,
// any other) is read here with one RFC 6265 parser, the `cookie` package, so that the page cache and
// sign-in can never disagree about who a request is.
import { parse } from "cookie";
import { SESSION_COOKIE_NAME } from "./session-policy";

/** The cookies of a request, first occurrence of each name winning (as the `cookie` package reads them). */
export function readCookies(header: string | null | undefined): Record<string, string | undefined> {
  return header ? parse(header) : {};
}

/**
 * What the Cookie header says about the session:
 * - "none": no session cookie at all (an anonymous visitor);
 * - "one": exactly one cookie named exactly `cop_session`;
 * - "ambiguous": more than one session cookie, or one spelled another way (`cop%5Fsession`,
 *   `COP_SESSION`, ` cop_session`…). Parsers disagree about such headers (first or last wins,
 *   names decoded or not), so the request is served as nobody and its answer is never cached.
 */
export type SessionCookie = { kind: "none" } | { kind: "one"; id: string } | { kind: "ambiguous" };

export function readSessionCookie(header: string | null | undefined): SessionCookie {
  if (!header) return { kind: "none" };
  const values: string[] = [];
  let otherSpelling = false;
  // The header is read pair by pair with the same parser, so duplicates are seen, not silently dropped.
  for (const pair of header.split(";")) {
    for (const [name, value] of Object.entries(parse(pair))) {
      if (name === SESSION_COOKIE_NAME) values.push(value ?? "");
      else if (looksLikeSessionName(name)) otherSpelling = true;
    }
  }
  if (otherSpelling || values.length > 1) return { kind: "ambiguous" };
  if (values.length === 0) return { kind: "none" };
  return { kind: "one", id: values[0] };
}

function looksLikeSessionName(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    /* a malformed escape: compare the raw name */
  }
  return decoded.trim().toLowerCase() === SESSION_COOKIE_NAME;
}
