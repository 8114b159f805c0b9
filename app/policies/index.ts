// Who may do what. Every authorization decision of the portal is made here and nowhere else:
// routes call authorize()/can(), and queries take their visibility filter from readableScope().
import { data } from "@remix-run/node";
import type {
  CategoryVisibility,
  GroupRole,
  GroupVisibility,
  Language,
  SiteRole,
  UserStatus,
} from "../../db/schema";

export interface Viewer {
  id: number;
  username: string;
  displayName: string;
  email: string;
  status: UserStatus;
  siteRole: SiteRole;
  language: Language;
  timeZone: string;
  /** The viewer's role in each working group they belong to, by group id. */
  groupRoles: Record<number, GroupRole>;
}

export interface CategoryResource {
  kind: "category";
  visibility: CategoryVisibility;
  groupId: number | null;
}
export interface GroupResource {
  kind: "group";
  id: number;
  visibility: GroupVisibility;
}
export interface UserResource {
  kind: "user";
  id: number;
  status: UserStatus;
  siteRole: SiteRole;
}

interface Rules {
  "site:admin": undefined;
  "application:review": UserResource;
  "user:change-role": UserResource;
  "user:suspend": UserResource;
  "audit:read": undefined;
  "members:list": undefined;
  "profile:view": UserResource;
  "settings:edit": undefined;
  "category:read": CategoryResource;
  "group:read": GroupResource;
  "group:read-members": GroupResource;
  "document:read-published": GroupResource;
}
export type Action = keyof Rules;

const isApproved = (viewer: Viewer | null): viewer is Viewer => viewer?.status === "approved";
const isAdmin = (viewer: Viewer | null): viewer is Viewer => isApproved(viewer) && viewer.siteRole === "admin";

export function groupRole(viewer: Viewer | null, groupId: number): GroupRole | undefined {
  return isApproved(viewer) ? viewer.groupRoles[groupId] : undefined;
}

function canReadGroup(viewer: Viewer | null, group: GroupResource): boolean {
  return group.visibility !== "private" || groupRole(viewer, group.id) !== undefined;
}

const rules: { [A in Action]: (viewer: Viewer | null, resource: Rules[A]) => boolean } = {
  "site:admin": (viewer) => isAdmin(viewer),
  "application:review": (viewer, user) => isAdmin(viewer) && user.status === "pending",
  // An admin cannot change their own role or suspend themselves: the site always keeps an admin.
  "user:change-role": (viewer, user) => isAdmin(viewer) && viewer.id !== user.id && user.status === "approved",
  "user:suspend": (viewer, user) => isAdmin(viewer) && viewer.id !== user.id,
  "audit:read": (viewer) => isAdmin(viewer),
  "members:list": (viewer) => isApproved(viewer),
  "profile:view": (viewer, user) =>
    viewer?.id === user.id || (isApproved(viewer) && (user.status === "approved" || isAdmin(viewer))),
  "settings:edit": (viewer) => viewer !== null,
  "category:read": (viewer, category) => {
    if (category.visibility === "public") return true;
    if (category.visibility === "members") return isApproved(viewer);
    return category.groupId !== null && groupRole(viewer, category.groupId) !== undefined;
  },
  "group:read": canReadGroup,
  "group:read-members": (viewer, group) => canReadGroup(viewer, group) && isApproved(viewer),
  "document:read-published": canReadGroup,
};

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
  const hides = action.endsWith(":read") || action.endsWith(":read-published") || action === "profile:view";
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
