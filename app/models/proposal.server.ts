// Proposals a working group decides on, their votes, comments and outcomes (the decision log).
import { sql } from "kysely";
import { type Proposal } from "~db/tables/groups";
import { VOTE_POSITIONS, type VotePosition } from "~/domain/vocabulary";
import type { Tx } from "~/utils/db.server";
import { MEMBER_BYLINE_COLUMNS } from "./group.server";
import { keysetPage } from "./keyset.server";

export type { Proposal };

export type ProposalState = "open" | "awaiting_outcome" | "closed";

/** Open until its closing date; then it waits for the chair's outcome statement; then it is closed. */
export function proposalState(
  proposal: { closes_at: string; closed_at: string | null },
  now = new Date().toISOString(),
): ProposalState {
  if (proposal.closed_at) return "closed";
  return proposal.closes_at > now ? "open" : "awaiting_outcome";
}

export type Tally = Record<VotePosition, number>;

export const emptyTally = (): Tally => ({ agree: 0, abstain: 0, disagree: 0, block: 0 });

export async function tallies(db: Tx, proposalIds: number[]): Promise<Map<number, Tally>> {
  const result = new Map<number, Tally>(proposalIds.map((id) => [id, emptyTally()]));
  if (!proposalIds.length) return result;
  const rows = await db
    .selectFrom("vote")
    .select(["proposal_id", "position", (eb) => eb.fn.countAll<number>().as("n")])
    .where("proposal_id", "in", proposalIds)
    .groupBy(["proposal_id", "position"])
    .execute();
  for (const row of rows) {
    if ((VOTE_POSITIONS as readonly string[]).includes(row.position)) result.get(row.proposal_id)![row.position] = Number(row.n);
  }
  return result;
}

const LIST_COLUMNS = [
  "proposal.id",
  "proposal.title",
  "proposal.closes_at",
  "proposal.opened_at",
  "proposal.closed_at",
  "proposal.outcome_html",
  "proposal.meeting_id",
  "proposal.document_id",
  "meeting.title as meeting_title",
  "document.slug as document_slug",
  "document.title as document_title",
] as const;

function listQuery(db: Tx, groupId: number) {
  return db
    .selectFrom("proposal")
    .leftJoin("meeting", "meeting.id", "proposal.meeting_id")
    .leftJoin("document", "document.id", "proposal.document_id")
    .select(LIST_COLUMNS)
    .where("proposal.group_id", "=", groupId);
}

/** Proposals not closed yet (open for votes, or waiting for an outcome), closing soonest first. */
export async function listOpenProposals(db: Tx, groupId: number) {
  return listQuery(db, groupId).where("proposal.closed_at", "is", null).orderBy("proposal.closes_at").limit(100).execute();
}

export const DECISIONS_PAGE = 20;

/** The decision log: closed proposals, newest first, paginated by keyset on the closing time. */
export async function listDecisions(db: Tx, groupId: number, options: { before?: string } = {}) {
  let query = listQuery(db, groupId)
    .where("proposal.closed_at", "is not", null)
    .orderBy("proposal.closed_at", "desc")
    .limit(DECISIONS_PAGE + 1);
  if (options.before) query = query.where("proposal.closed_at", "<", options.before);
  const rows = await query.execute();
  const { items: decisions, next: nextBefore } = keysetPage(rows, DECISIONS_PAGE, (decision) => decision.closed_at);
  return { decisions, nextBefore };
}

/** The proposal's own row, for the services that change it. */
export async function findProposalRow(db: Tx, groupId: number, proposalId: number) {
  return db.selectFrom("proposal").selectAll().where("group_id", "=", groupId).where("id", "=", proposalId).executeTakeFirst();
}

export async function findProposal(db: Tx, groupId: number, proposalId: number) {
  return db
    .selectFrom("proposal")
    .leftJoin("user as opener", "opener.id", "proposal.opened_by")
    .leftJoin("user as closer", "closer.id", "proposal.closed_by")
    .leftJoin("meeting", "meeting.id", "proposal.meeting_id")
    .leftJoin("document", "document.id", "proposal.document_id")
    .selectAll("proposal")
    .select([
      "opener.display_name as opener_name",
      "opener.username as opener_username",
      "closer.display_name as closer_name",
      "meeting.title as meeting_title",
      "meeting.starts_at as meeting_starts_at",
      "document.slug as document_slug",
      "document.title as document_title",
    ])
    .where("proposal.group_id", "=", groupId)
    .where("proposal.id", "=", proposalId)
    .executeTakeFirst();
}

export async function listVotes(db: Tx, proposalId: number) {
  return db
    .selectFrom("vote")
    .innerJoin("user", "user.id", "vote.user_id")
    .select([...MEMBER_BYLINE_COLUMNS, "vote.position", "vote.reason", "vote.created_at", "vote.updated_at"])
    .where("vote.proposal_id", "=", proposalId)
    .orderBy(sql`case vote.position when 'block' then 0 when 'disagree' then 1 when 'abstain' then 2 else 3 end`)
    .orderBy("vote.updated_at")
    .execute();
}

export async function findVote(db: Tx, proposalId: number, userId: number) {
  return (
    (await db
      .selectFrom("vote")
      .select(["position", "reason", "updated_at"])
      .where("proposal_id", "=", proposalId)
      .where("user_id", "=", userId)
      .executeTakeFirst()) ?? null
  );
}

export async function listVoterIds(db: Tx, proposalId: number) {
  const rows = await db.selectFrom("vote").select("user_id").where("proposal_id", "=", proposalId).execute();
  return rows.map((row) => row.user_id);
}

export async function listComments(db: Tx, proposalId: number) {
  return db
    .selectFrom("proposal_comment")
    .leftJoin("user", "user.id", "proposal_comment.author_id")
    .select([
      "proposal_comment.id",
      "proposal_comment.body_html",
      "proposal_comment.created_at",
      "user.username",
      "user.display_name",
      "user.organization",
      "user.country",
      "user.member_type",
    ])
    .where("proposal_comment.proposal_id", "=", proposalId)
    .orderBy("proposal_comment.id")
    .limit(500)
    .execute();
}

/** Proposals that refer to a meeting (shown on the meeting's page). */
export async function listProposalsOfMeeting(db: Tx, meetingId: number) {
  return db
    .selectFrom("proposal")
    .select(["id", "title", "closes_at", "closed_at"])
    .where("meeting_id", "=", meetingId)
    .orderBy("opened_at")
    .execute();
}

/** Documents of the group a proposal may refer to. */
export async function listDocumentChoices(db: Tx, groupId: number) {
  return db.selectFrom("document").select(["id", "title", "language"]).where("group_id", "=", groupId).orderBy("title").execute();
}
