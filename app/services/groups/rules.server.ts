// The rules of a working group that depend on the state of things rather than on who asks: when a
// meeting takes answers, minutes or a cancellation, when a proposal takes votes, comments or its
// outcome, what a group's visibility may become, and that a group keeps a chair. The services enforce them inside their write
// transactions; loaders ask the same functions to decide which actions to offer.
import type { GroupRole, GroupVisibility } from "~/domain/vocabulary";
import { proposalState } from "~/models/proposal.server";

interface MeetingTimes {
  cancelled_at: string | null;
  starts_at: string;
  ends_at: string;
}

interface ProposalDates {
  closes_at: string;
  closed_at: string | null;
}

const nowIso = () => new Date().toISOString();

/** Why members may no longer say whether they will attend, or null while they may. */
export function answersRefusal(meeting: MeetingTimes, now = nowIso()) {
  if (meeting.cancelled_at) return "answers_meeting_cancelled" as const;
  if (meeting.ends_at <= now) return "answers_meeting_over" as const;
  return null;
}

/** Why the minutes may not be recorded (yet), or null once the meeting has started. */
export function minutesRefusal(meeting: MeetingTimes, now = nowIso()) {
  if (meeting.cancelled_at) return "minutes_meeting_cancelled" as const;
  if (meeting.starts_at > now) return "minutes_too_early" as const;
  return null;
}

/** Why the meeting may not be cancelled, or null until it ends. */
export function cancellationRefusal(meeting: MeetingTimes, now = nowIso()) {
  if (meeting.cancelled_at) return "meeting_cancelled" as const;
  if (meeting.ends_at <= now) return "meeting_over" as const;
  return null;
}

/** Why the meeting may not be edited or moved, or null: a cancelled meeting stays as it was. */
export function changeRefusal(meeting: Pick<MeetingTimes, "cancelled_at">) {
  return meeting.cancelled_at ? ("meeting_cancelled" as const) : null;
}

/** Why members may not vote (any more), or null while the proposal is open. */
export function voteRefusal(proposal: ProposalDates, now = nowIso()) {
  const state = proposalState(proposal, now);
  if (state === "closed") return "proposal_closed" as const;
  if (state === "awaiting_outcome") return "voting_ended" as const;
  return null;
}

/** Why members may not comment any more, or null until the outcome is recorded. */
export function commentRefusal(proposal: Pick<ProposalDates, "closed_at">) {
  return proposal.closed_at ? ("proposal_closed" as const) : null;
}

/** Why the outcome may not be recorded, or null until it is. */
export function closeRefusal(proposal: Pick<ProposalDates, "closed_at">) {
  return proposal.closed_at ? ("already_closed" as const) : null;
}

/**
 * What a group may become: open and closed groups switch between the two; a group never becomes
 * private or stops being private (its record would be exposed or hidden after the fact).
 */
export function visibilityChoices(current: GroupVisibility): readonly GroupVisibility[] {
  return current === "private" ? ["private"] : ["open", "closed"];
}

/** True when a member with this role is the group's only chair (who may be neither demoted nor removed). */
export function isLastChair(role: GroupRole | null | undefined, chairCount: number) {
  return role === "chair" && chairCount <= 1;
}
