// The search index's document table; its FTS5 companion (search_fts) is reached only through
// the modules of app/utils/search/.
import type { Generated } from "kysely";

export type SearchAccess = "public" | "signed_in" | "members" | "group";

export interface SearchDocTable {
  id: Generated<number>;
  /** topic, post, document, draft, group, meeting, decision, member. */
  kind: string;
  ref_id: number;
  url: string;
  title: string;
  /** Plain text the snippet is cut from (the original, with its accents). */
  text: string;
  /** Who may see the entry: anyone, signed-in accounts, approved members, or members of group_id. */
  access: SearchAccess;
  group_id: number | null;
  category_id: number | null;
  author_id: number | null;
  /** Where it lives, for display: a category or working group name. */
  place: string;
  language: string | null;
  created_at: string;
  /**
   * The entry this one is grouped under in results, as "<kind>:<ref_id>": a document's or draft's
   * first entry for its sections, the topic for a reply; an entry that heads a group names itself.
   */
  parent: string;
  /** Entries of documents that translate one another share a family ("document-family:<id>"). */
  family: string | null;
}

export interface SearchTables {
  search_doc: SearchDocTable;
  /** A single row (id 1) whose version every successful write request increments. */
  content_version: { id: number; version: number };
  /** Fixed-window counters of app/models/rate-limit.server.ts. */
  rate_limit: { bucket: string; subject: string; window_start: number; count: number };
}
