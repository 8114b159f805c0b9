// The rule of app/policies/security.ts applied to a request: an administrator or chair without a
// second factor is sent to enrol (and brought back here afterwards) instead of reaching
// administration or group management.
import { redirect } from "@remix-run/node";
import { authorize, requiresSecondFactor, type Viewer } from "~/policies";
import { requireViewer } from "./auth.server";
import { safeRedirect } from "./safe-redirect";
import { twoFactorSettingsPath, withParam } from "./paths";

export function requireSecondFactorIfNeeded(viewer: Viewer | null, request: Request): void {
  if (!viewer || viewer.twoFactorEnabled || !requiresSecondFactor(viewer)) return;
  const url = new URL(request.url);
  // After a refused form, come back to the page it was posted from.
  const back = safeRedirect(request.method === "GET" || request.method === "HEAD" ? url.pathname + url.search : url.pathname);
  throw redirect(withParam(twoFactorSettingsPath({ required: 1 }), "redirectTo", back));
}

/**
 * The signed-in viewer, when they may take `action` on the site and hold a second factor if their
 * role asks for one: the guard of the administrators' pages (loaders and actions alike).
 */
export async function requireAuthorizedViewer(request: Request, action: "site:admin" | "audit:view"): Promise<Viewer> {
  const viewer = await requireViewer(request);
  authorize(viewer, action);
  requireSecondFactorIfNeeded(viewer, request);
  return viewer;
}
