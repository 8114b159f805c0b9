// Tables of the documents capability; db/schema.ts merges them into the Database interface.
import type { ColumnType, Generated } from "kysely";
import type { ConsultationAudience, Disposition, ProposalStatus } from "~/domain/vocabulary";

type DefaultedText = ColumnType<string, string | undefined, string>;

export interface ConsultationTable {
  id: Generated<number>;
  document_id: number;
  /** The draft revision put to consultation. */
  revision_id: number;
  audience: ConsultationAudience;
  note: DefaultedText;
  opens_at: string;
  closes_at: string;
  opened_by: number | null;
  closed_by: number | null;
  /** Set when a chair closed the window before its end date (closes_at then holds that moment). */
  closed_early_at: string | null;
  created_at: DefaultedText;
}

export interface DocCommentTable {
  id: Generated<number>;
  document_id: number;
  /** The revision the commenter was reading. */
  revision_id: number;
  /** The stable key of the section (kept across heading edits), "_document" for the whole text. */
  section_key: string;
  section_anchor: DefaultedText;
  section_title: DefaultedText;
  /** Replies point at the first comment of their thread. */
  parent_id: number | null;
  author_id: number | null;
  body_md: string;
  body_html: string;
  consultation_id: number | null;
  resolved_at: string | null;
  resolved_by: number | null;
  disposition: Disposition | null;
  response_md: DefaultedText;
  response_html: DefaultedText;
  disposition_by: number | null;
  disposition_at: string | null;
  created_at: DefaultedText;
}

export interface ChangeProposalTable {
  id: Generated<number>;
  document_id: number;
  author_id: number | null;
  base_revision_id: number;
  section_key: string;
  section_anchor: DefaultedText;
  section_title: DefaultedText;
  /** The section's text in the base revision, as the proposer saw it. */
  base_text: string;
  proposed_text: string;
  reason: string;
  consultation_id: number | null;
  status: ColumnType<ProposalStatus, ProposalStatus | undefined, ProposalStatus>;
  decided_by: number | null;
  decided_at: string | null;
  decision_reason: DefaultedText;
  applied_revision_id: number | null;
  created_at: DefaultedText;
}

export interface DocumentTables {
  consultation: ConsultationTable;
  doc_comment: DocCommentTable;
  change_proposal: ChangeProposalTable;
}
