// Tables of the groups capability; db/schema.ts merges them into the Database interface.
import type { ColumnType, Generated, Selectable } from "kysely";
import type { AttendanceResponse, JoinRequestStatus, VotePosition } from "~/domain/vocabulary";

type DefaultedText = ColumnType<string, string | undefined, string>;
type DefaultedNumber = ColumnType<number, number | undefined, number>;

/** Members watch their groups unless they opt out (watching = 0); others follow with watching = 1. */
export interface GroupWatchTable {
  group_id: number;
  user_id: number;
  watching: number;
  updated_at: DefaultedText;
}

export interface JoinRequestTable {
  id: Generated<number>;
  group_id: number;
  user_id: number;
  motivation: string;
  status: ColumnType<JoinRequestStatus, JoinRequestStatus | undefined, JoinRequestStatus>;
  /** The chair's answer, shown to the requester when a request is declined. */
  response: DefaultedText;
  decided_by: number | null;
  decided_at: string | null;
  created_at: DefaultedText;
}

/** The secret in a member's private calendar-feed address for one group. */
export interface GroupCalendarTokenTable {
  group_id: number;
  user_id: number;
  token: string;
  created_at: DefaultedText;
}

export interface MeetingTable {
  id: Generated<number>;
  group_id: number;
  title: string;
  /** UTC instants (ISO 8601). */
  starts_at: string;
  ends_at: string;
  /** The organiser's IANA time zone. */
  time_zone: string;
  location: DefaultedText;
  video_url: DefaultedText;
  agenda_md: DefaultedText;
  agenda_html: DefaultedText;
  minutes_md: string | null;
  minutes_html: string | null;
  minutes_by: number | null;
  minutes_at: string | null;
  cancelled_at: string | null;
  sequence: DefaultedNumber;
  created_by: number | null;
  created_at: DefaultedText;
  updated_at: DefaultedText;
}

export interface AttendanceTable {
  meeting_id: number;
  user_id: number;
  response: AttendanceResponse | null;
  /** 1 or 0 once an editor or chair recorded the attendees; null before. */
  attended: number | null;
  updated_at: DefaultedText;
}

export interface ProposalTable {
  id: Generated<number>;
  group_id: number;
  title: string;
  body_md: string;
  body_html: string;
  closes_at: string;
  meeting_id: number | null;
  document_id: number | null;
  opened_by: number | null;
  opened_at: DefaultedText;
  closed_at: string | null;
  closed_by: number | null;
  outcome_md: string | null;
  outcome_html: string | null;
  updated_at: DefaultedText;
}

export interface VoteTable {
  proposal_id: number;
  user_id: number;
  position: VotePosition;
  reason: DefaultedText;
  created_at: DefaultedText;
  updated_at: DefaultedText;
}

export interface ProposalCommentTable {
  id: Generated<number>;
  proposal_id: number;
  author_id: number | null;
  body_md: string;
  body_html: string;
  created_at: DefaultedText;
}

export interface GroupTables {
  group_watch: GroupWatchTable;
  join_request: JoinRequestTable;
  group_calendar_token: GroupCalendarTokenTable;
  meeting: MeetingTable;
  attendance: AttendanceTable;
  proposal: ProposalTable;
  vote: VoteTable;
  proposal_comment: ProposalCommentTable;
}

export type Meeting = Selectable<MeetingTable>;
export type Proposal = Selectable<ProposalTable>;
