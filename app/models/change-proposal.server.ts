// Change proposals (amendments): a reader's new text for one section, with a reason.
import type { ProposalStatus } from "~/domain/vocabulary";
import type { Tx } from "~/utils/db.server";

export async function listProposals(db: Tx, documentId: number, options: { status?: ProposalStatus } = {}) {
  let query = db
    .selectFrom("change_proposal")
    .leftJoin("user as author", "author.id", "change_proposal.author_id")
    .leftJoin("user as decider", "decider.id", "change_proposal.decided_by")
    .select([
      "change_proposal.id",
      "change_proposal.section_key",
      "change_proposal.section_anchor",
      "change_proposal.section_title",
      "change_proposal.reason",
      "change_proposal.status",
      "change_proposal.created_at",
      "change_proposal.decided_at",
      "change_proposal.decision_reason",
      "change_proposal.applied_revision_id",
      "change_proposal.base_revision_id",
      "author.display_name as author_name",
      "author.username as author_username",
      "author.organization as author_organization",
      "decider.display_name as decider_name",
    ])
    .where("change_proposal.document_id", "=", documentId)
    .orderBy("change_proposal.id", "desc");
  if (options.status) query = query.where("change_proposal.status", "=", options.status);
  return query.execute();
}

export async function findProposal(db: Tx, documentId: number, proposalId: number) {
  return db
    .selectFrom("change_proposal")
    .leftJoin("user as author", "author.id", "change_proposal.author_id")
    .leftJoin("user as decider", "decider.id", "change_proposal.decided_by")
    .selectAll("change_proposal")
    .select([
      "author.display_name as author_name",
      "author.username as author_username",
      "author.organization as author_organization",
      "decider.display_name as decider_name",
    ])
    .where("change_proposal.document_id", "=", documentId)
    .where("change_proposal.id", "=", proposalId)
    .executeTakeFirst();
}

export type ProposalRow = NonNullable<Awaited<ReturnType<typeof findProposal>>>;

export interface NewProposal {
  documentId: number;
  authorId: number;
  baseRevisionId: number;
  sectionKey: string;
  sectionAnchor: string;
  sectionTitle: string;
  baseText: string;
  proposedText: string;
  reason: string;
  consultationId: number | null;
  createdAt?: string;
}

export async function insertProposal(db: Tx, proposal: NewProposal): Promise<number> {
  const { id } = await db
    .insertInto("change_proposal")
    .values({
      document_id: proposal.documentId,
      author_id: proposal.authorId,
      base_revision_id: proposal.baseRevisionId,
      section_key: proposal.sectionKey,
      section_anchor: proposal.sectionAnchor,
      section_title: proposal.sectionTitle,
      base_text: proposal.baseText,
      proposed_text: proposal.proposedText,
      reason: proposal.reason,
      consultation_id: proposal.consultationId,
      created_at: proposal.createdAt ?? new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function decideProposal(
  db: Tx,
  proposalId: number,
  decision: { status: "accepted" | "declined" | "withdrawn"; by: number; reason?: string; appliedRevisionId?: number | null },
) {
  const result = await db
    .updateTable("change_proposal")
    .set({
      status: decision.status,
      decided_by: decision.by,
      decided_at: new Date().toISOString(),
      decision_reason: decision.reason ?? "",
      applied_revision_id: decision.appliedRevisionId ?? null,
    })
    .where("id", "=", proposalId)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countOpenProposals(db: Tx, documentId: number) {
  const row = await db
    .selectFrom("change_proposal")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("document_id", "=", documentId)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
