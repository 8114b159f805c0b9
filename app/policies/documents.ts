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
//
// Isomorphic (no server imports): pages use consultationState to show a window's state.
import type { ConsultationAudience, DocumentStatus, GroupVisibility, ProposalStatus } from "~/domain/vocabulary";
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

export interface ProposalResource {
  document: DocumentResource;
  authorId: number | null;
  status: ProposalStatus;
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
  /** Accept or decline this proposal: a reviewer, while it is open. */
  "document:decide-proposal": ProposalResource;
  /** Take this proposal back: its author, while it is open. */
  "document:withdraw-proposal": ProposalResource;
  "document:resolve-comment": DocCommentResource;
  "document:consult": DocumentResource;
  "document:disposition": DocumentResource;
  "document:publish": DocumentResource;
  "document:withdraw": DocumentResource;
}

/** Withdrawn and superseded documents are closed records: nothing more is drafted on them. */
export const isClosedRecord = (status: DocumentStatus) => status === "withdrawn" || status === "superseded";
const isOpenForWork = (doc: DocumentResource) => !isClosedRecord(doc.status);

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

const reviewsProposals = (viewer: Viewer | null, doc: DocumentResource) =>
  isGroupEditor(viewer, doc.groupId) && isOpenForWork(doc);

export const documentRules: RuleSet<DocumentRules> = {
  "document:create": (viewer, group) => isGroupEditor(viewer, group.id),
  "document:link-translation": (viewer, sourceGroup) =>
    canReadGroup(viewer, sourceGroup) && isGroupEditor(viewer, sourceGroup.id),
  "document:read-draft": readsDraft,
  "document:edit": (viewer, doc) => isGroupEditor(viewer, doc.groupId) && isOpenForWork(doc),
  "document:manage": (viewer, doc) => isGroupEditor(viewer, doc.groupId),
  "document:comment": (viewer, doc) => readsDraft(viewer, doc) && isOpenForWork(doc),
  "document:propose": (viewer, doc) => readsDraft(viewer, doc) && isOpenForWork(doc),
  "document:review-proposal": reviewsProposals,
  "document:decide-proposal": (viewer, proposal) => reviewsProposals(viewer, proposal.document) && proposal.status === "open",
  "document:withdraw-proposal": (viewer, proposal) =>
    viewer !== null && viewer.id === proposal.authorId && proposal.status === "open",
  "document:resolve-comment": (viewer, { document, authorId }) =>
    isGroupEditor(viewer, document.groupId) || (viewer !== null && viewer.id === authorId && readsDraft(viewer, document)),
  "document:consult": (viewer, doc) => isGroupChair(viewer, doc.groupId) && isOpenForWork(doc),
  "document:disposition": (viewer, doc) => isGroupEditor(viewer, doc.groupId),
  "document:publish": (viewer, doc) => isGroupChair(viewer, doc.groupId) && isOpenForWork(doc),
  "document:withdraw": (viewer, doc) => isGroupChair(viewer, doc.groupId) && doc.status === "published",
};

export type ContributionRefusal =
  | { status: 404; reason: "not_found" }
  | { status: 403; reason: "forbidden" }
  | { status: 403; reason: "consultation_closed" | "consultation_not_open"; date: string };

/**
 * Why a comment or a proposal is refused, the way a reader understands it (null: it is not): an
 * outsider learns nothing (404); a reviewer whose consultation has closed is told when it closed
 * (403 with the date).
 */
export function contributionRefusal(
  viewer: Viewer | null,
  doc: DocumentResource,
  action: "document:comment" | "document:propose",
): ContributionRefusal | null {
  if (documentRules[action](viewer, doc)) return null;
  if (doc.consultation && inConsultationAudience(viewer, doc) && !isGroupMember(viewer, doc.groupId)) {
    const state = consultationState(doc.consultation);
    if (state !== "open") {
      return state === "closed"
        ? { status: 403, reason: "consultation_closed", date: doc.consultation.closesAt }
        : { status: 403, reason: "consultation_not_open", date: doc.consultation.opensAt };
    }
  }
  if (!readsDraft(viewer, doc)) return { status: 404, reason: "not_found" };
  return { status: 403, reason: "forbidden" };
}
