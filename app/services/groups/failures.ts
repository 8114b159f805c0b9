// Why a working-group service refused, and how the pages say it: each reason's HTTP status, its
// catalogue message and, where it concerns one form field, that field. The services answer with
// these reason codes only (app/utils/result.ts); routes turn them into replies with explain().
// Isomorphic: nothing here reads the database.
import type { Explanations } from "~/utils/failure.server";

/** Creating a group, changing its settings. */
export type GroupSettingsReason = "slug_reserved" | "slug_taken" | "unknown_chair" | "visibility_locked";

/** Joining, asking to join, leaving; a chair answering requests, inviting, changing roles, removing. */
export type MembershipReason =
  | "not_open"
  | "not_closed"
  | "already_member"
  | "request_pending"
  | "no_pending_request"
  | "request_not_found"
  | "request_decided"
  | "applicant_unavailable"
  | "unknown_invitee"
  | "invitee_already_member"
  | "member_not_found"
  | "not_a_member"
  | "last_chair";

/** Scheduling and cancelling meetings, answering them, recording minutes. */
export type MeetingReason =
  | "meeting_not_found"
  | "meeting_cancelled"
  | "meeting_over"
  | "answers_meeting_cancelled"
  | "answers_meeting_over"
  | "minutes_meeting_cancelled"
  | "minutes_too_early"
  | "unknown_attendee";

/** Opening proposals, voting, commenting, recording the outcome. */
export type DecisionReason =
  | "closing_in_past"
  | "unknown_meeting"
  | "unknown_document"
  | "block_needs_reason"
  | "proposal_not_found"
  | "proposal_closed"
  | "voting_ended"
  | "already_closed";

export type GroupReason = "forbidden" | GroupSettingsReason | MembershipReason | MeetingReason | DecisionReason;

export const GROUP_FAILURES: Explanations<GroupReason> = {
  /** The viewer may not do this (routes authorize first; this answers what changed in between). */
  forbidden: { status: 403, message: "groups.errors.forbidden" },

  slug_reserved: { status: 400, message: "groups.errors.slugReserved", field: "slug" },
  slug_taken: { status: 400, message: "groups.errors.slugTaken", field: "slug" },
  unknown_chair: { status: 400, message: "groups.errors.unknownMember", field: "chair" },
  /** A group never becomes private or stops being private. */
  visibility_locked: { status: 400, message: "groups.errors.visibilityLocked", field: "visibility" },

  /** Joining straight away is for open groups. */
  not_open: { status: 409, message: "groups.errors.notOpen" },
  /** Requests are for closed groups. */
  not_closed: { status: 409, message: "groups.errors.notClosed" },
  already_member: { status: 409, message: "groups.errors.alreadyMember" },
  request_pending: { status: 409, message: "groups.errors.requestPending" },
  no_pending_request: { status: 409, message: "groups.errors.noPendingRequest" },
  request_not_found: { status: 404, message: "groups.errors.noSuchRequest" },
  request_decided: { status: 409, message: "groups.errors.requestDecided" },
  /** The person who asked is no longer an approved member of the portal. */
  applicant_unavailable: { status: 409, message: "groups.errors.unknownMember" },
  unknown_invitee: { status: 400, message: "groups.errors.unknownMember", field: "username" },
  invitee_already_member: { status: 400, message: "groups.errors.alreadyMember", field: "username" },
  /** A chair acts on someone who is not (or no longer) a member. */
  member_not_found: { status: 404, message: "groups.errors.notAMember" },
  /** The viewer leaves a group they are not (or no longer) a member of. */
  not_a_member: { status: 409, message: "groups.errors.notAMember" },
  /** A group always keeps a chair. */
  last_chair: { status: 409, message: "groups.errors.lastChair" },

  meeting_not_found: { status: 404, message: "groups.errors.noSuchMeeting" },
  /** A cancelled meeting is not rescheduled or cancelled again. */
  meeting_cancelled: { status: 409, message: "groups.errors.meetingCancelled" },
  /** A meeting that has ended is not cancelled. */
  meeting_over: { status: 409, message: "groups.errors.meetingOver" },
  answers_meeting_cancelled: { status: 400, message: "groups.errors.meetingCancelled" },
  answers_meeting_over: { status: 400, message: "groups.errors.meetingOver" },
  minutes_meeting_cancelled: { status: 400, message: "groups.errors.meetingCancelled" },
  minutes_too_early: { status: 400, message: "groups.errors.minutesTooEarly", field: "minutes" },
  unknown_attendee: { status: 400, message: "groups.errors.unknownAttendee", field: "attendees" },

  closing_in_past: { status: 400, message: "groups.errors.closingInPast", field: "closesAt" },
  unknown_meeting: { status: 400, message: "groups.errors.unknownMeeting", field: "meetingId" },
  unknown_document: { status: 400, message: "groups.errors.unknownDocument", field: "documentId" },
  block_needs_reason: { status: 400, message: "groups.errors.blockNeedsReason", field: "reason" },
  proposal_not_found: { status: 404, message: "groups.errors.noSuchProposal" },
  /** Votes and comments stop when the proposal is closed. */
  proposal_closed: { status: 400, message: "groups.errors.proposalClosed" },
  /** Votes stop at the closing date, before the outcome is recorded. */
  voting_ended: { status: 400, message: "groups.errors.votingEnded" },
  /** The outcome is recorded once. */
  already_closed: { status: 409, message: "groups.errors.proposalClosed" },
};
