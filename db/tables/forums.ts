// Tables of the forums capability; db/schema.ts merges them into the Database interface.
import type { ColumnType, Generated } from "kysely";
import type { FlagStatus, ReactionKind, WatchLevel } from "~/domain/vocabulary";

type DefaultedText = ColumnType<string, string | undefined, string>;
type DefaultedNumber = ColumnType<number, number | undefined, number>;

export interface TopicTable {
  id: Generated<number>;
  category_id: number;
  title: string;
  slug: string;
  author_id: number | null;
  pinned: DefaultedNumber;
  locked: DefaultedNumber;
  /** Posts that are not deleted; replies are post_count - 1. */
  post_count: DefaultedNumber;
  /** The highest post number given so far (numbers are never reused). */
  last_post_number: DefaultedNumber;
  view_count: DefaultedNumber;
  accepted_post_number: number | null;
  last_post_at: string;
  last_poster_id: number | null;
  created_at: DefaultedText;
  deleted_at: string | null;
  deleted_by: number | null;
}

export interface PostTable {
  id: Generated<number>;
  topic_id: number;
  number: number;
  author_id: number | null;
  body_md: string;
  body_html: string;
  /** Starts at 1; every edit adds a post_revision row and increments it. */
  revision: DefaultedNumber;
  hidden: DefaultedNumber;
  hidden_at: string | null;
  hidden_by: number | null;
  deleted_at: string | null;
  deleted_by: number | null;
  created_at: DefaultedText;
  edited_at: string | null;
  edited_by: number | null;
}

export interface PostRevisionTable {
  id: Generated<number>;
  post_id: number;
  revision: number;
  editor_id: number | null;
  /** The topic title at this revision (first posts only). */
  title: string | null;
  body_md: string;
  reason: DefaultedText;
  created_at: DefaultedText;
}

export interface ReactionTable {
  post_id: number;
  user_id: number;
  kind: ReactionKind;
  created_at: DefaultedText;
}

export interface FlagTable {
  id: Generated<number>;
  post_id: number;
  user_id: number | null;
  reason: string;
  status: ColumnType<FlagStatus, FlagStatus | undefined, FlagStatus>;
  resolved_by: number | null;
  resolved_at: string | null;
  created_at: DefaultedText;
}

export interface DraftTable {
  user_id: number;
  draft_key: string;
  title: DefaultedText;
  body: DefaultedText;
  tags: DefaultedText;
  updated_at: DefaultedText;
}

export interface TopicReadTable {
  user_id: number;
  topic_id: number;
  last_read_number: number;
  updated_at: DefaultedText;
}

export interface WatchTable {
  user_id: number;
  subject_type: "topic" | "category";
  subject_id: number;
  level: WatchLevel;
  created_at: DefaultedText;
}

export interface TagTable {
  id: Generated<number>;
  name: string;
}

export interface TopicTagTable {
  topic_id: number;
  tag_id: number;
}

export interface ForumTables {
  topic: TopicTable;
  post: PostTable;
  post_revision: PostRevisionTable;
  reaction: ReactionTable;
  flag: FlagTable;
  draft: DraftTable;
  topic_read: TopicReadTable;
  watch: WatchTable;
  tag: TagTable;
  topic_tag: TopicTagTable;
}
