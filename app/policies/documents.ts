// Who may do what in the documents. Merged into the rules of app/policies/index.ts.
//
// Roles come from the owning working group: its chairs and editors draft; its chairs open
// consultations and publish; anyone who may read the draft comments and proposes changes. The
// draft is readable by the group's members, and by the consultation's audience while a
// consultation is open (`members`: approved members; `public`: anyone signed in, pending
// applicants included). Published versions follow the group's visibility (app/policies/index.ts,
// "document:read-published"). A translation joins its original's family only by the hand of an
// editor or chair of the original's group: otherwise any group's editor could put a draft of theirs
// on another group's public page and take the language from the group's own translation.
import { data } from "@remix-run/node";
import type { DocumentStatus, GroupVisibility } from "~/domain/vocabulary";
import type { ConsultationAudience } from "~/domain/vocabulary";
import { canReadGroup, isApproved, isGroupChair, isGroupEditor, isGroupMember, type RuleSet, type Viewer } from "./viewer";

export interface ConsultationWindow {
  audience: ConsultationAudience;
  opensAt: string;
  closesAt: string;
}

export interface DocumentResource {
  kind: "document";
  groupId: number;
  groupVisibility: GroupVisibility;
  status: DocumentStatus;
  /** The latest consultation of the document, whatever its state. */
  consultation: ConsultationWindow | null;
}

export interface DocumentGroupResource {
  kind: "group";
  id: number;
  visibility: GroupVisibility;
}

export interface DocCommentResource {
  document: DocumentResource;
  authorId: number | null;
}

export interface DocumentRules {
  "document:create": DocumentGroupResource;
  /**
   * Link a document as a translation of an original (the resource is the original's group). Whoever
   * links also manages the translation ("document:manage" or "document:create" in its group).
   */
  "document:link-translation": DocumentGroupResource;
  "document:read-draft": DocumentResource;
  "document:edit": DocumentResource;
  "document:manage": DocumentResource;
  "document:comment": DocumentResource;
  "document:propose": DocumentResource;
  "document:review-proposal": DocumentResource;
  "document:resolve-comment": DocCommentResource;
  "document:consult": DocumentResource;
  "document:disposition": DocumentResource;
  "document:publish": DocumentResource;
  "document:withdraw": DocumentResource;
}

/** Withdrawn and superseded documents are closed records: nothing more is drafted on them. */
const isOpenForWork = (doc: DocumentResource) => doc.status !== "withdrawn" && doc.status !== "superseded";

export type ConsultationState = "scheduled" | "open" | "closed";

export function consultationState(window: Pick<ConsultationWindow, "opensAt" | "closesAt">, now = Date.now()): ConsultationState {
  if (now < Date.parse(window.opensAt)) return "scheduled";
  if (now < Date.parse(window.closesAt)) return "open";
  return "closed";
}

/** Whether the viewer belongs to the audience of a consultation (whatever its state). */
export function inConsultationAudience(viewer: Viewer | null, doc: DocumentResource): boolean {
  if (!doc.consultation || !viewer || !canReadGroup(viewer, { id: doc.groupId, visibility: doc.groupVisibility })) return false;
  if (doc.consultation.audience === "members") return isApproved(viewer);
  return viewer.status === "approved" || viewer.status === "pending";
}

const consultationOpenFor = (viewer: Viewer | null, doc: DocumentResource) =>
  doc.consultation !== null && consultationState(doc.consultation) === "open" && inConsultationAudience(viewer, doc);

const readsDraft = (viewer: Viewer | null, doc: DocumentResource) =>
  canReadGroup(viewer, { id: doc.groupId, visibility: doc.groupVisibility }) &&
  (isGroupMember(viewer, doc.groupId) || consultationOpenFor(viewer, doc));

export const documentRules: RuleSet<DocumentRules> = {
  "document:create": (viewer, group) => isGroupEditor(viewer, group.id),
  "document:link-translation": (viewer, sourceGroup) =>
    canReadGroup(viewer, sourceGroup) && isGroupEditor(viewer, sourceGroup.id),
  "document:read-draft": readsDraft,
  "document:edit": (viewer, doc) => isGroupEditor(viewer, doc.groupId) && isOpenForWork(doc),
  "document:manage": (viewer, doc) => isGroupEditor(viewer, doc.groupId),
  "document:comment": (viewer, doc) => readsDraft(viewer, doc) && isOpenForWork(doc),
  "document:propose": (viewer, doc) => readsDraft(viewer, doc) && isOpenForWork(doc),
  "document:review-proposal": (viewer, doc) => isGroupEditor(viewer, doc.groupId) && isOpenForWork(doc),
  "document:resolve-comment": (viewer, { document, authorId }) =>
    isGroupEditor(viewer, document.groupId) || (viewer !== null && viewer.id === authorId && readsDraft(viewer, document)),
  "document:consult": (viewer, doc) => isGroupChair(viewer, doc.groupId) && isOpenForWork(doc),
  "document:disposition": (viewer, doc) => isGroupEditor(viewer, doc.groupId),
  "document:publish": (viewer, doc) => isGroupChair(viewer, doc.groupId) && isOpenForWork(doc),
  "document:withdraw": (viewer, doc) => isGroupChair(viewer, doc.groupId) && doc.status === "published",
};

/**
 * Refuses a comment or a proposal the way a reader understands: an outsider learns nothing (404);
 * a reviewer whose consultation has closed is told when it closed (403 with the date).
 */
export function authorizeContribution(
  viewer: Viewer | null,
  doc: DocumentResource,
  action: "document:comment" | "document:propose",
) {
  if (documentRules[action](viewer, doc)) return;
  if (doc.consultation && inConsultationAudience(viewer, doc) && !isGroupMember(viewer, doc.groupId)) {
    const state = consultationState(doc.consultation);
    if (state !== "open") {
      throw data(
        {
          reason: state === "closed" ? "consultation_closed" : "consultation_not_open",
          date: state === "closed" ? doc.consultation.closesAt : doc.consultation.opensAt,
        },
        { status: 403 },
      );
    }
  }
  if (!readsDraft(viewer, doc)) throw data({ reason: "not_found" }, { status: 404 });
  throw data({ reason: "forbidden" }, { status: 403 });
}
