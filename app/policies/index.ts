// Who may do what. Every authorization decision of the portal is made here and nowhere else:
// routes call authorize()/can(), and queries take their visibility filter from readableScope().
import { data } from "@remix-run/node";
import { documentRules, type DocumentRules } from "./documents";
import { forumRules, type ForumRules } from "./forums";
import { groupRules, type GroupRules } from "./groups";
import { securityRules, type SecurityRules } from "./security";
import {
  canReadCategory,
  canReadGroup,
  isAdmin,
  isApproved,
  isModerator,
  type CategoryResource,
  type GroupResource,
  type RuleSet,
  type UserResource,
  type Viewer,
} from "./viewer";

export { requiresSecondFactor } from "./security";
export {
  canReadCategory,
  canReadGroup,
  groupRole,
  isAdmin,
  isApproved,
  isModerator,
  type CategoryResource,
  type GroupResource,
  type UserResource,
  type Viewer,
} from "./viewer";

interface CoreRules {
  "site:admin": undefined;
  /** The administration area's layout: admins and moderators (each page authorizes its own action). */
  "admin:area": undefined;
  "application:review": UserResource;
  "user:change-role": UserResource;
  "user:suspend": UserResource;
  "audit:view": undefined;
  "members:list": undefined;
  "profile:view": UserResource;
  "settings:edit": undefined;
  /** Asking an administrator to change one's own vetted fields (member type, organisation). */
  "profile:request-change": undefined;
  /** Deciding a member's request to change their vetted fields. */
  "profile-change:review": UserResource;
  "category:read": CategoryResource;
  "group:read": GroupResource;
  "group:read-members": GroupResource;
  "document:read-published": GroupResource;
}
interface Rules extends CoreRules, ForumRules, GroupRules, DocumentRules, SecurityRules {}
export type Action = keyof Rules;

const coreRules: RuleSet<CoreRules> = {
  "site:admin": (viewer) => isAdmin(viewer),
  "admin:area": (viewer) => isModerator(viewer),
  "application:review": (viewer, user) => isAdmin(viewer) && user.status === "pending",
  // An admin cannot change their own role or suspend themselves: the site always keeps an admin.
  "user:change-role": (viewer, user) => isAdmin(viewer) && viewer.id !== user.id && user.status === "approved",
  "user:suspend": (viewer, user) => isAdmin(viewer) && viewer.id !== user.id,
  "audit:view": (viewer) => isAdmin(viewer),
  "members:list": (viewer) => isApproved(viewer),
  "profile:view": (viewer, user) =>
    viewer?.id === user.id || (isApproved(viewer) && (user.status === "approved" || isAdmin(viewer))),
  "settings:edit": (viewer) => viewer !== null,
  "profile:request-change": (viewer) => viewer?.status === "approved" || viewer?.status === "pending",
  // Nobody vets their own request, not even an administrator.
  "profile-change:review": (viewer, user) => isAdmin(viewer) && viewer.id !== user.id,
  "category:read": canReadCategory,
  "group:read": canReadGroup,
  "group:read-members": (viewer, group) => canReadGroup(viewer, group) && isApproved(viewer),
  "document:read-published": canReadGroup,
};

const rules: RuleSet<Rules> = { ...coreRules, ...forumRules, ...groupRules, ...documentRules, ...securityRules };

export function can<A extends Action>(viewer: Viewer | null, action: A, ...resource: ResourceArg<A>): boolean {
  return rules[action](viewer, resource[0] as Rules[A]);
}

type ResourceArg<A extends Action> = Rules[A] extends undefined ? [] : [Rules[A]];

/**
 * Throws unless the viewer may act. Reading something one may not read answers 404 (its existence
 * is not revealed); any other refusal answers 403.
 */
export function authorize<A extends Action>(viewer: Viewer | null, action: A, ...resource: ResourceArg<A>): void {
  if (can(viewer, action, ...resource)) return;
  // Actions named "…:read…" (and viewing a profile) hide what they protect: 404, never 403.
  const hides = /:read/.test(action) || action === "profile:view";
  throw data({ reason: hides ? "not_found" : "forbidden" }, { status: hides ? 404 : 403 });
}

/** What the viewer may read, for queries to put in their WHERE clause. */
export interface ReadableScope {
  approved: boolean;
  /** Working groups whose private spaces the viewer may read. */
  groupIds: number[];
}

export function readableScope(viewer: Viewer | null): ReadableScope {
  return {
    approved: isApproved(viewer),
    groupIds: isApproved(viewer) ? Object.keys(viewer.groupRoles).map(Number) : [],
  };
}

/** The actions on the site shell a viewer may take, handed to the UI so it never re-implements a rule. */
export function shellPermissions(viewer: Viewer | null) {
  return {
    admin: can(viewer, "site:admin"),
    members: can(viewer, "members:list"),
    settings: can(viewer, "settings:edit"),
  };
}
