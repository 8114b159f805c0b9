// A Location header carries bytes, not text: a path with characters outside printable ASCII (a
// redirect target like "/forums/€", typed or forged) makes `new Headers()` throw, which was a 500.
import { safeRedirect } from "./safe-redirect";

/** Percent-encodes what a Location header may not carry; leaves an already encoded path unchanged. */
export function encodeLocation(path: string): string {
  return path.replace(/[^\x21-\x7e]/gu, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return "%EF%BF%BD"; // a lone surrogate: the replacement character
    }
  });
}

/** safeRedirect (stays on this site), then encoded for the Location header. */
export function safeLocation(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  return encodeLocation(safeRedirect(to, fallback));
}
