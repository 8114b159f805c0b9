// Proposals and the decision log: chairs and editors open proposals, members vote (agree,
// abstain, disagree, block — a block must be explained) and comment until the closing date,
// and a chair closes the proposal with the outcome statement. Opening and closing are audited
// and announced to the group's watchers (and, for outcomes, to everyone who voted). Who may act
// and whether the proposal still allows it are checked inside each write transaction.
import type { VotePosition } from "~/domain/vocabulary";
import { recordAudit } from "~/models/audit.server";
import { groupResource, listWatcherIds } from "~/models/group.server";
import { findProposalRow, listVoterIds, tallies } from "~/models/proposal.server";
import { can, type Viewer } from "~/policies";
import { indexDecision } from "~/services/search/indexers.server";
import { writeTransaction, type DB, type Tx } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { decisionPath } from "~/utils/paths";
import { fail, ok, type Result } from "~/utils/result";
import type { DecisionReason } from "./failures";
import { closeRefusal, commentRefusal, voteRefusal } from "./rules.server";
import { notifyAboutGroup, subjectOfAction, type GroupRef } from "./shared.server";

export interface ProposalInput {
  title: string;
  body: string;
  /** UTC instant (ISO 8601). */
  closesAt: string;
  meetingId: number | null;
  documentId: number | null;
}

type Refusal<R extends DecisionReason> = "forbidden" | "proposal_not_found" | R;

async function auditProposal(trx: Tx, actorId: number, proposalId: number, action: string, data: Record<string, unknown>) {
  await recordAudit(trx, { actorId, action, subjectType: "proposal", subjectId: proposalId, data });
}

/** Whether the group has this meeting (or document), for a proposal to refer to it. */
async function groupHas(trx: Tx, table: "meeting" | "document", id: number, groupId: number) {
  return Boolean(
    await trx.selectFrom(table).select("id").where("id", "=", id).where("group_id", "=", groupId).executeTakeFirst(),
  );
}

/** The proposal a service acts on, read inside its transaction, once the viewer may take `action` in the group. */
function proposalFor(
  trx: Tx,
  viewer: Viewer,
  action: "proposal:vote" | "proposal:comment" | "proposal:close",
  group: GroupRef,
  proposalId: number,
) {
  return subjectOfAction(viewer, action, group, () => findProposalRow(trx, group.id, proposalId), "proposal_not_found");
}

export async function openProposal(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
  input: ProposalInput,
): Promise<Result<{ id: number }, "forbidden" | "closing_in_past" | "unknown_meeting" | "unknown_document">> {
  return writeTransaction(db, async (trx) => {
    if (!can(viewer, "proposal:open", groupResource(group))) return fail("forbidden");
    if (input.closesAt <= new Date().toISOString()) return fail("closing_in_past");
    if (input.meetingId !== null && !(await groupHas(trx, "meeting", input.meetingId, group.id))) return fail("unknown_meeting");
    if (input.documentId !== null && !(await groupHas(trx, "document", input.documentId, group.id)))
      return fail("unknown_document");
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
        opened_by: viewer.id,
        opened_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await indexDecision(trx, id);
    await auditProposal(trx, viewer.id, id, "proposal.open", { groupId: group.id, closesAt: input.closesAt });
    await notifyAboutGroup(trx, await listWatcherIds(trx, group), group, {
      kind: "proposal_opened",
      actorId: viewer.id,
      title: input.title,
      excerpt: input.body,
      url: decisionPath(group.slug, id),
    });
    return ok({ id });
  });
}

/** Records or changes the member's vote while the proposal is open. */
export async function castVote(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
  proposalId: number,
  input: { position: VotePosition; reason: string },
): Promise<Result<undefined, Refusal<"block_needs_reason" | "proposal_closed" | "voting_ended">>> {
  if (input.position === "block" && !input.reason) return fail("block_needs_reason");
  return writeTransaction(db, async (trx) => {
    const found = await proposalFor(trx, viewer, "proposal:vote", group, proposalId);
    if (!found.ok) return found;
    const refusal = voteRefusal(found.value);
    if (refusal) return fail(refusal);
    const now = new Date().toISOString();
    await trx
      .insertInto("vote")
      .values({
        proposal_id: proposalId,
        user_id: viewer.id,
        position: input.position,
        reason: input.reason,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(["proposal_id", "user_id"]).doUpdateSet({ position: input.position, reason: input.reason, updated_at: now }),
      )
      .execute();
    await trx.updateTable("proposal").set({ updated_at: now }).where("id", "=", proposalId).execute();
    return ok();
  });
}

/** A member comments on a proposal that is not closed yet. */
export async function commentOnProposal(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
  proposalId: number,
  body: string,
): Promise<Result<undefined, Refusal<"proposal_closed">>> {
  return writeTransaction(db, async (trx) => {
    const found = await proposalFor(trx, viewer, "proposal:comment", group, proposalId);
    if (!found.ok) return found;
    const refusal = commentRefusal(found.value);
    if (refusal) return fail(refusal);
    await trx
      .insertInto("proposal_comment")
      .values({
        proposal_id: proposalId,
        author_id: viewer.id,
        body_md: body,
        body_html: renderMarkdown(body).html,
        created_at: new Date().toISOString(),
      })
      .execute();
    return ok();
  });
}

/** A chair closes a proposal (now, or after its closing date) with the outcome statement. */
export async function closeProposal(
  db: DB,
  viewer: Viewer,
  group: GroupRef,
  proposalId: number,
  outcome: string,
): Promise<Result<undefined, Refusal<"already_closed">>> {
  return writeTransaction(db, async (trx) => {
    const found = await proposalFor(trx, viewer, "proposal:close", group, proposalId);
    if (!found.ok) return found;
    const proposal = found.value;
    const refusal = closeRefusal(proposal);
    if (refusal) return fail(refusal);
    const now = new Date().toISOString();
    await trx
      .updateTable("proposal")
      .set({
        closed_at: now,
        closed_by: viewer.id,
        outcome_md: outcome,
        outcome_html: renderMarkdown(outcome).html,
        updated_at: now,
      })
      .where("id", "=", proposal.id)
      .execute();
    const tally = (await tallies(trx, [proposal.id])).get(proposal.id)!;
    await indexDecision(trx, proposal.id);
    await auditProposal(trx, viewer.id, proposal.id, "proposal.close", {
      groupId: group.id,
      tally,
      early: now < proposal.closes_at,
    });
    await notifyAboutGroup(trx, [...(await listWatcherIds(trx, group)), ...(await listVoterIds(trx, proposal.id))], group, {
      kind: "decision_recorded",
      actorId: viewer.id,
      title: proposal.title,
      excerpt: outcome,
      url: decisionPath(group.slug, proposal.id),
    });
    return ok();
  });
}
