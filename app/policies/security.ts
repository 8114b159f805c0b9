// Who must sign in with a second factor, and who may reset someone else's. Merged into the rules
// of app/policies/index.ts.
import { isAdmin, isApproved, type RuleSet, type UserResource, type Viewer } from "./viewer";

export interface SecurityRules {
  /** Turn one's own two-factor sign-in on or off, regenerate one's recovery codes. */
  "two-factor:manage": undefined;
  /** Remove a member's second factor (a lost phone); they are signed out everywhere and enrol again. */
  "user:reset-two-factor": UserResource;
}

/**
 * Administrators and working-group chairs hold the keys to confidential spaces: a password alone is
 * not enough for them. Without a second factor they are asked to enrol before reaching
 * administration or group management (app/utils/second-factor.server.ts).
 */
export function requiresSecondFactor(viewer: Viewer | null): boolean {
  if (!isApproved(viewer)) return false;
  return viewer.siteRole === "admin" || Object.values(viewer.groupRoles).includes("chair");
}

export const securityRules: RuleSet<SecurityRules> = {
  "two-factor:manage": (viewer) => viewer !== null,
  // One's own second factor is managed from one's settings, with the password.
  "user:reset-two-factor": (viewer, user) => isAdmin(viewer) && viewer.id !== user.id,
};
