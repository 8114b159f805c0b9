// Why the document services refuse, and what the pages say for each reason: its HTTP status (400
// unless said), its catalogue message and, where one field is at fault, that field. Isomorphic.
// The pages whose forms are not conform forms put the message where their markup shows it (the
// comment being written, the proposed text, the conflict view).
import type { Explanations } from "~/utils/failure.server";

/** The document (or what the form names in it) is gone, or the viewer may not do this. */
export type AccessReason = "forbidden" | "not_found";
/** The original a translation is linked to. */
export type SourceReason = "unknown_source" | "link_forbidden";
export type CreateReason = SourceReason | "slug_taken" | "language_taken";
export type SettingsReason = SourceReason | "self" | "is_source" | "language_taken";
/** Why a draft cannot be saved ("conflict" carries the conflicting parts). */
export type SaveReason = "empty" | "too_large" | "unknown_base" | "no_document";
/** The revision and section a comment or a proposal was written on. */
export type SectionReason = "unknown_revision" | "unknown_section";
export type CommentReason = SectionReason | "unknown_parent";
export type ProposalReason = SectionReason | "unchanged" | "proposal_closed" | "not_proposer" | "proposal_conflict";
/** The dates of a consultation's window. */
export type WindowReason = "opens_on_invalid" | "closes_on_invalid" | "start_in_past" | "end_before_start" | "window_too_long";
export type ConsultationReason =
  | WindowReason
  | "consultation_already_open"
  | "consultation_not_open"
  | "not_a_consultation_comment"
  | "response_required"
  | "consultation_still_open";
export type PublishReason =
  | "version_required"
  | "review_due_in_past"
  | "bad_version"
  | "closed_record"
  | "draft_moved"
  | "not_increasing"
  | "version_unchanged"
  | "consultation_open"
  | "undisposed";
/** Withdrawing or superseding a published document. */
export type StatusReason = "successor_required" | "unknown_successor" | "not_published";

export type DocumentReason =
  | AccessReason
  | "conflict"
  | "invalid"
  | CreateReason
  | SettingsReason
  | SaveReason
  | CommentReason
  | ProposalReason
  | ConsultationReason
  | PublishReason
  | StatusReason;

export const DOCUMENT_FAILURES: Explanations<DocumentReason> = {
  forbidden: { message: "errors.body403" },
  not_found: { message: "errors.body404" },
  conflict: { message: "errors.body409" },
  invalid: { message: "documents.errors.badForm" },

  slug_taken: { message: "documents.errors.slug_taken", field: "slug" },
  unknown_source: { message: "documents.errors.unknown_source", field: "translationOf" },
  link_forbidden: { message: "documents.errors.link_forbidden", field: "translationOf" },
  language_taken: { message: "documents.errors.language_taken", field: "translationOf" },
  self: { message: "documents.errors.self", field: "translationOf" },
  is_source: { message: "documents.errors.is_source", field: "translationOf" },

  empty: { message: "documents.errors.empty", field: "body" },
  too_large: { message: "documents.errors.too_large", field: "body" },
  unknown_base: { message: "documents.errors.unknown_base" },
  no_document: { message: "documents.errors.no_document" },

  unknown_parent: { message: "documents.errors.unknown_parent" },
  unknown_revision: { message: "documents.errors.unknown_revision" },
  unknown_section: { message: "documents.errors.unknown_section" },

  unchanged: { message: "documents.errors.unchanged", field: "text" },
  // Today's answer to a proposal that is no longer open, also to anyone but its author withdrawing it.
  proposal_closed: { status: 409, message: "documents.errors.not_open" },
  not_proposer: { status: 409, message: "documents.errors.not_open" },
  proposal_conflict: { status: 409, message: "documents.errors.proposalConflict" },

  opens_on_invalid: { message: "documents.errors.date", field: "opensOn" },
  closes_on_invalid: { message: "documents.errors.date", field: "closesOn" },
  start_in_past: { message: "documents.errors.startInPast", field: "opensOn" },
  end_before_start: { message: "documents.errors.endBeforeStart", field: "closesOn" },
  window_too_long: { message: "documents.errors.windowTooLong", field: "closesOn" },
  consultation_already_open: { status: 409, message: "documents.errors.already_open" },
  consultation_not_open: { status: 409, message: "documents.errors.not_open_consultation" },
  not_a_consultation_comment: { message: "documents.errors.badForm" },
  response_required: { message: "documents.errors.responseRequired", field: "response" },
  consultation_still_open: { status: 409, message: "documents.errors.consultation_still_open", field: "response" },

  version_required: { message: "documents.errors.versionRequired", field: "version" },
  review_due_in_past: { message: "documents.errors.reviewDueInPast", field: "reviewDue" },
  bad_version: { message: "documents.errors.publish.bad_version", field: "version" },
  closed_record: { message: "documents.errors.publish.closed_record" },
  draft_moved: { status: 409, message: "documents.errors.publish.draft_moved" },
  not_increasing: { message: "documents.errors.publish.not_increasing", field: "version" },
  version_unchanged: { message: "documents.errors.publish.unchanged" },
  consultation_open: { message: "documents.errors.publish.consultation_open" },
  undisposed: { message: "documents.errors.publish.undisposed" },
  successor_required: { message: "documents.errors.successorRequired", field: "successor" },
  unknown_successor: { message: "documents.errors.unknownSuccessor", field: "successor" },
  not_published: { status: 409, message: "documents.errors.notPublished" },
};
