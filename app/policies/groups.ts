// Who may do what in the groups. Merged into the rules of app/policies/index.ts.
// Every rule acts on a working group (open, closed or private). Reading is decided by
// "group:read" (index.ts): a private group exists only for its members. What depends on the state
// of a meeting or proposal (ended, closed) is decided by app/services/groups/rules.server.ts: the
// services enforce it with these rules in their write transactions (answering 400/409), and the
// pages ask the same functions which actions to offer.
import {
  canReadGroup,
  isAdmin,
  isApproved,
  isGroupChair,
  isGroupEditor,
  isGroupMember,
  type GroupResource,
  type RuleSet,
  type Viewer,
} from "./viewer";

export interface GroupRules {
  /** Create a working group (with its discussion category and first chair). */
  "group:create": undefined;
  /** Edit the group's name, purpose, charter, and switch between open and closed. */
  "group:edit": GroupResource;
  /** Join an open group straight away. */
  "group:join": GroupResource;
  /** Ask to join a closed group. */
  "group:request-join": GroupResource;
  "group:leave": GroupResource;
  /** Be told of new meetings, proposals and decisions. */
  "group:watch": GroupResource;
  /** Approve or decline join requests, invite and remove members, change roles. */
  "group:manage-members": GroupResource;
  /** Hold a private address of a private group's calendar feed. */
  "group:calendar-link": GroupResource;
  /** Schedule, reschedule and cancel meetings. */
  "meeting:schedule": GroupResource;
  /** Say whether one will attend. */
  "meeting:respond": GroupResource;
  /** Record minutes and attendees. */
  "meeting:record-minutes": GroupResource;
  "proposal:open": GroupResource;
  "proposal:vote": GroupResource;
  "proposal:comment": GroupResource;
  /** Close a proposal with its outcome statement. */
  "proposal:close": GroupResource;
}

const isMember = (viewer: Viewer | null, group: GroupResource) => isGroupMember(viewer, group.id);
const isChair = (viewer: Viewer | null, group: GroupResource) => isGroupChair(viewer, group.id);
const isEditorOrChair = (viewer: Viewer | null, group: GroupResource) => isGroupEditor(viewer, group.id);

export const groupRules: RuleSet<GroupRules> = {
  "group:create": (viewer) => isAdmin(viewer),
  "group:edit": isChair,
  "group:join": (viewer, group) => isApproved(viewer) && !isMember(viewer, group) && group.visibility === "open",
  "group:request-join": (viewer, group) => isApproved(viewer) && !isMember(viewer, group) && group.visibility === "closed",
  "group:leave": isMember,
  "group:watch": (viewer, group) => isApproved(viewer) && canReadGroup(viewer, group),
  "group:manage-members": isChair,
  "group:calendar-link": (viewer, group) => isMember(viewer, group) && group.visibility === "private",
  "meeting:schedule": isChair,
  "meeting:respond": isMember,
  "meeting:record-minutes": isEditorOrChair,
  "proposal:open": isEditorOrChair,
  "proposal:vote": isMember,
  "proposal:comment": isMember,
  "proposal:close": isChair,
};
