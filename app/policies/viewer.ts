// The signed-in person a policy decides for, and the small predicates every rule set shares.
import type { CategoryVisibility, GroupRole, GroupVisibility, Language, SiteRole, UserStatus } from "~/domain/vocabulary";

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
  /** Whether the account signs in with a second factor (TOTP). */
  twoFactorEnabled: boolean;
}

/** What the core rules decide about (app/policies/index.ts); the domain rule sets add their own. */
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

export type RuleSet<R> = { [A in keyof R]: (viewer: Viewer | null, resource: R[A]) => boolean };

export const isApproved = (viewer: Viewer | null): viewer is Viewer => viewer?.status === "approved";
export const isAdmin = (viewer: Viewer | null): viewer is Viewer => isApproved(viewer) && viewer.siteRole === "admin";
export const isModerator = (viewer: Viewer | null): viewer is Viewer =>
  isApproved(viewer) && (viewer.siteRole === "moderator" || viewer.siteRole === "admin");

export function groupRole(viewer: Viewer | null, groupId: number): GroupRole | undefined {
  return isApproved(viewer) ? viewer.groupRoles[groupId] : undefined;
}

/** Chairs draft, schedule and decide with their editors: "drafting" rights in a group. */
export function isGroupEditor(viewer: Viewer | null, groupId: number): boolean {
  const role = groupRole(viewer, groupId);
  return role === "chair" || role === "editor";
}

export const isGroupChair = (viewer: Viewer | null, groupId: number): boolean => groupRole(viewer, groupId) === "chair";
export const isGroupMember = (viewer: Viewer | null, groupId: number): boolean => groupRole(viewer, groupId) !== undefined;

/** Open and closed groups are public; a private group is readable by its members only. */
export function canReadGroup(viewer: Viewer | null, group: { id: number; visibility: GroupVisibility }): boolean {
  return group.visibility !== "private" || isGroupMember(viewer, group.id);
}

/** Public spaces: anyone; members spaces: approved members; private spaces: the owning group's members. */
export function canReadCategory(
  viewer: Viewer | null,
  category: { visibility: CategoryVisibility; groupId: number | null },
): boolean {
  if (category.visibility === "public") return true;
  if (category.visibility === "members") return isApproved(viewer);
  return category.groupId !== null && groupRole(viewer, category.groupId) !== undefined;
}
