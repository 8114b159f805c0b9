// The shape of the demo content of the working groups (app/ops/demo/groups.server.ts seeds it).
// Days count from the day the demo is seeded (negative: in the past); times are wall-clock times
// in the group's zone; people are demo usernames.
import type { AttendanceResponse, VotePosition } from "~/domain/vocabulary";

export interface DemoMeeting {
  title: string;
  day: number;
  from: string;
  to: string;
  location?: string;
  videoUrl?: string;
  agenda: string;
  minutes?: { by: string; text: string; attended: string[] };
  answers?: Record<string, AttendanceResponse>;
}

export interface DemoProposal {
  title: string;
  body: string;
  openedDaysAgo: number;
  closes: { day: number; time: string };
  by: string;
  meeting?: number;
  document?: string;
  votes: Array<[string, VotePosition, string?]>;
  comments?: Array<[string, string]>;
  outcome?: { by: string; daysAgo: number; text: string };
}

export interface DemoGroup {
  slug: string;
  zone: string;
  organiser: string;
  meetings: DemoMeeting[];
  proposals: DemoProposal[];
}
