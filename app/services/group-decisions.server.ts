// Proposals and the decision log: chairs and editors open proposals, members vote (agree,
// abstain, disagree, block — a block must be explained) and comment until the closing date,
// and a chair closes the proposal with the outcome statement. Opening and closing are audited
// and announced to the group's watchers (and, for outcomes, to everyone who voted).
import { indexDecision } from "./search-indexers.server";
import type { WorkingGroup } from "~db/schema";
import type { Proposal } from "~db/tables/groups";
import type { VotePosition } from "~/domain/vocabulary";
import { recordAudit } from "~/models/audit.server";
import { listWatcherIds } from "~/models/group.server";
import { notify } from "~/models/notification.server";
import { listVoterIds, proposalState, tallies } from "~/models/proposal.server";
import { writeTransaction, type DB } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import type { GroupResult } from "./group-membership.server";

type GroupRef = Pick<WorkingGroup, "id" | "slug" | "name" | "visibility">;

const privateGroupId = (group: GroupRef) => (group.visibility === "private" ? group.id : null);

export interface ProposalInput {
  title: string;
  body: string;
  /** UTC instant (ISO 8601). */
  closesAt: string;
  meetingId: number | null;
  documentId: number | null;
}

export async function openProposal(
  db: DB,
  actorId: number,
  group: GroupRef,
  input: ProposalInput,
): Promise<GroupResult<{ id: number }>> {
  if (input.closesAt <= new Date().toISOString())
    return { ok: false, status: 400, error: "groups.errors.closingInPast", field: "closesAt" };
  return writeTransaction(db, async (trx) => {
    if (input.meetingId !== null) {
      const meeting = await trx
        .selectFrom("meeting")
        .select("id")
        .where("id", "=", input.meetingId)
        .where("group_id", "=", group.id)
        .executeTakeFirst();
      if (!meeting) return { ok: false, status: 400, error: "groups.errors.unknownMeeting", field: "meetingId" };
    }
    if (input.documentId !== null) {
      const document = await trx
        .selectFrom("document")
        .select("id")
        .where("id", "=", input.documentId)
        .where("group_id", "=", group.id)
        .executeTakeFirst();
      if (!document) return { ok: false, status: 400, error: "groups.errors.unknownDocument", field: "documentId" };
    }
    const now = new Date().toISOString();
    const { id } = await trx
      .insertInto("proposal")
      .values({
        group_id: group.id,
        title: input.title,
        body_md: input.body,
        body_html: renderMarkdown(input.body).html,
        closes_at: input.closesAt,
        meeting_id: input.meetingId,
        document_id: input.documentId,
        opened_by: actorId,
        opened_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await indexDecision(trx, id);
    await recordAudit(trx, {
      actorId,
      action: "proposal.open",
      subjectType: "proposal",
      subjectId: id,
      data: { groupId: group.id, closesAt: input.closesAt },
    });
    await notify(trx, await listWatcherIds(trx, group), {
      kind: "proposal_opened",
      actorId,
      title: input.title,
      excerpt: input.body,
      url: `/groups/${group.slug}/decisions/${id}`,
      privateGroupId: privateGroupId(group),
    });
    return { ok: true, value: { id } };
  });
}

function refuseIfNotOpen(proposal: Proposal): GroupResult<never> | null {
  const state = proposalState(proposal);
  if (state === "closed") return { ok: false, status: 400, error: "groups.errors.proposalClosed" };
  if (state === "awaiting_outcome") return { ok: false, status: 400, error: "groups.errors.votingEnded" };
  return null;
}

/** Records or changes the member's vote while the proposal is open. */
export async function castVote(
  db: DB,
  userId: number,
  proposalId: number,
  input: { position: VotePosition; reason: string },
): Promise<GroupResult> {
  if (input.position === "block" && !input.reason)
    return { ok: false, status: 400, error: "groups.errors.blockNeedsReason", field: "reason" };
  return writeTransaction(db, async (trx) => {
    const proposal = await trx.selectFrom("proposal").selectAll().where("id", "=", proposalId).executeTakeFirst();
    if (!proposal) return { ok: false, status: 404, error: "groups.errors.noSuchProposal" };
    const refused = refuseIfNotOpen(proposal);
    if (refused) return refused;
    const now = new Date().toISOString();
    await trx
      .insertInto("vote")
      .values({
        proposal_id: proposal.id,
        user_id: userId,
        position: input.position,
        reason: input.reason,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(["proposal_id", "user_id"]).doUpdateSet({ position: input.position, reason: input.reason, updated_at: now }),
      )
      .execute();
    await trx.updateTable("proposal").set({ updated_at: now }).where("id", "=", proposal.id).execute();
    return { ok: true, value: undefined };
  });
}

/** A member comments on a proposal that is not closed yet. */
export async function commentOnProposal(db: DB, userId: number, proposalId: number, body: string): Promise<GroupResult> {
  return writeTransaction(db, async (trx) => {
    const proposal = await trx.selectFrom("proposal").selectAll().where("id", "=", proposalId).executeTakeFirst();
    if (!proposal) return { ok: false, status: 404, error: "groups.errors.noSuchProposal" };
    if (proposal.closed_at) return { ok: false, status: 400, error: "groups.errors.proposalClosed" };
    await trx
      .insertInto("proposal_comment")
      .values({
        proposal_id: proposal.id,
        author_id: userId,
        body_md: body,
        body_html: renderMarkdown(body).html,
        created_at: new Date().toISOString(),
      })
      .execute();
    return { ok: true, value: undefined };
  });
}

/** A chair closes a proposal (now, or after its closing date) with the outcome statement. */
export async function closeProposal(
  db: DB,
  actorId: number,
  group: GroupRef,
  proposalId: number,
  outcome: string,
): Promise<GroupResult> {
  return writeTransaction(db, async (trx) => {
    const proposal = await trx
      .selectFrom("proposal")
      .selectAll()
      .where("id", "=", proposalId)
      .where("group_id", "=", group.id)
      .executeTakeFirst();
    if (!proposal) return { ok: false, status: 404, error: "groups.errors.noSuchProposal" };
    if (proposal.closed_at) return { ok: false, status: 409, error: "groups.errors.proposalClosed" };
    const now = new Date().toISOString();
    await trx
      .updateTable("proposal")
      .set({
        closed_at: now,
        closed_by: actorId,
        outcome_md: outcome,
        outcome_html: renderMarkdown(outcome).html,
        updated_at: now,
      })
      .where("id", "=", proposal.id)
      .execute();
    const tally = (await tallies(trx, [proposal.id])).get(proposal.id)!;
    await indexDecision(trx, proposal.id);
    await recordAudit(trx, {
      actorId,
      action: "proposal.close",
      subjectType: "proposal",
      subjectId: proposal.id,
      data: { groupId: group.id, tally, early: now < proposal.closes_at },
    });
    await notify(trx, [...(await listWatcherIds(trx, group)), ...(await listVoterIds(trx, proposal.id))], {
      kind: "decision_recorded",
      actorId,
      title: proposal.title,
      excerpt: outcome,
      url: `/groups/${group.slug}/decisions/${proposal.id}`,
      privateGroupId: privateGroupId(group),
    });
    return { ok: true, value: undefined };
  });
}
