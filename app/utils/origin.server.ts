// Cross-site request forgery defence: a state-changing request must come from a page of this site.
import { publicOrigin } from "./env.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when the request may proceed: safe methods always; others only when their Origin header
 * names this site (PUBLIC_ORIGIN when set, else the origin the request was addressed to).
 * A missing Origin is refused: every browser the portal supports sends it on a POST.
 */
export function originAllowed(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  const expected = publicOrigin() ?? new URL(request.url).origin;
  return origin === expected;
}
