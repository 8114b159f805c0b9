// The kysely Database interface: the shape of every table, as the migrations leave it.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { DocumentTables } from "./tables/documents";
import type { ForumTables } from "./tables/forums";
import type { GroupTables } from "./tables/groups";
import type { SearchTables } from "./tables/search";
import type { SecurityTables } from "./tables/security";
import type {
  CategoryVisibility,
  DocumentStatus,
  GroupRole,
  GroupVisibility,
  Language,
  MemberType,
  ProfileChangeStatus,
  RevisionKind,
  SiteRole,
  UserStatus,
} from "~/domain/vocabulary";

/** A column the database fills in by default (timestamps written as ISO 8601 UTC text). */
type DefaultedText = ColumnType<string, string | undefined, string>;

export interface UserTable {
  id: Generated<number>;
  email: string;
  username: string;
  display_name: string;
  organization: string;
  country: string;
  member_type: MemberType;
  language: ColumnType<Language, Language | undefined, Language>;
  time_zone: DefaultedText;
  bio: DefaultedText;
  status: ColumnType<UserStatus, UserStatus | undefined, UserStatus>;
  site_role: ColumnType<SiteRole, SiteRole | undefined, SiteRole>;
  rejection_reason: string | null;
  password_hash: string;
  reviewed_by: number | null;
  reviewed_at: string | null;
  created_at: DefaultedText;
  updated_at: DefaultedText;
  /** Moves when a page view changes what this member sees next (see app/utils/page-cache.server.ts). */
  view_version: ColumnType<number, number | undefined, number>;
  /** When two-factor sign-in was confirmed; null while it is off (two-factor migration). */
  two_factor_enabled_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionTable {
  id: string;
  user_id: number;
  expires_at: number;
  created_at: string;
  user_agent: DefaultedText;
  ip_address: DefaultedText;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  ip_address: string;
  succeeded: number;
  at: DefaultedText;
}

export interface AuditEventTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string;
  data: DefaultedText;
  at: DefaultedText;
}

export interface WorkingGroupTable {
  id: Generated<number>;
  slug: string;
  name: string;
  purpose: string;
  visibility: GroupVisibility;
  charter_md: string;
  charter_html: string;
  position: ColumnType<number, number | undefined, number>;
  created_at: DefaultedText;
  updated_at: DefaultedText;
}

export interface GroupMembershipTable {
  group_id: number;
  user_id: number;
  role: GroupRole;
  joined_at: DefaultedText;
}

export interface CategoryTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: DefaultedText;
  visibility: CategoryVisibility;
  group_id: number | null;
  qa: ColumnType<number, number | undefined, number>;
  position: ColumnType<number, number | undefined, number>;
  archived_at: string | null;
  topic_count: ColumnType<number, number | undefined, number>;
  post_count: ColumnType<number, number | undefined, number>;
  last_post_at: string | null;
  created_at: DefaultedText;
}

export interface DocumentTable {
  id: Generated<number>;
  slug: string;
  group_id: number;
  title: string;
  summary: DefaultedText;
  language: Language;
  family_id: number | null;
  tags: DefaultedText;
  status: DocumentStatus;
  head_revision_id: number | null;
  /** Why it was withdrawn or superseded (documents migration). */
  status_reason: DefaultedText;
  /** The document that supersedes this one, or that readers should turn to instead. */
  successor_id: number | null;
  status_changed_at: string | null;
  created_by: number | null;
  created_at: DefaultedText;
  updated_at: DefaultedText;
}

export interface RevisionTable {
  id: Generated<number>;
  document_id: number;
  /** Per document: #1, #2, #3 … as people name revisions (URLs keep the id). Assigned on insert. */
  number: ColumnType<number, number | undefined, never>;
  parent_id: number | null;
  author_id: number | null;
  message: string;
  body_md: string;
  /** Rendered at write time; null for revisions imported with a published version (rendered there). */
  body_html: string | null;
  toc: string | null;
  /** JSON: the revision's sections with their stable keys (see app/services/document-sections.server.ts). */
  sections: string | null;
  kind: ColumnType<RevisionKind, RevisionKind | undefined, RevisionKind>;
  /** The revision the author started from, when the save was merged with newer revisions. */
  based_on_id: number | null;
  restored_from_id: number | null;
  proposal_id: number | null;
  chars_added: ColumnType<number, number | undefined, number>;
  chars_removed: ColumnType<number, number | undefined, number>;
  created_at: DefaultedText;
}

export interface PublishedVersionTable {
  id: Generated<number>;
  document_id: number;
  version: string;
  major: number;
  minor: number;
  revision_id: number;
  title: string;
  body_html: string;
  toc: DefaultedText;
  notes: DefaultedText;
  review_due: string | null;
  published_by: number | null;
  published_at: DefaultedText;
  /** For a translation: the version of its source it follows. */
  source_version: string | null;
  /** JSON snapshot of the disposition table published with this version. */
  dispositions: DefaultedText;
  /** The document's summary and topic tags (JSON array) when this version was published: what the public reads (published-metadata migration). */
  summary: DefaultedText;
  tags: DefaultedText;
}

/** A request to change the vetted fields of a profile (member type, organisation). */
export interface ProfileChangeRequestTable {
  id: Generated<number>;
  user_id: number;
  member_type_before: MemberType;
  organization_before: string;
  member_type: MemberType;
  organization: string;
  note: ColumnType<string, string | undefined, string>;
  status: ColumnType<ProfileChangeStatus, ProfileChangeStatus | undefined, ProfileChangeStatus>;
  reason: string | null;
  created_at: string;
  decided_at: string | null;
  decided_by: number | null;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  actor_id: number | null;
  /** What the notification is about, as a snapshot: it stays readable if the subject is renamed. */
  title: string;
  excerpt: DefaultedText;
  url: string;
  /** Set when the subject lives in a private working group: only its members may see the notification. */
  private_group_id: number | null;
  /** 1 when the subject is in a members-only space. */
  members_only: ColumnType<number, number | undefined, number>;
  created_at: DefaultedText;
  read_at: string | null;
}

export interface Database extends ForumTables, GroupTables, DocumentTables, SearchTables, SecurityTables {
  user: UserTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_event: AuditEventTable;
  working_group: WorkingGroupTable;
  group_membership: GroupMembershipTable;
  category: CategoryTable;
  document: DocumentTable;
  revision: RevisionTable;
  published_version: PublishedVersionTable;
  notification: NotificationTable;
  profile_change_request: ProfileChangeRequestTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type WorkingGroup = Selectable<WorkingGroupTable>;
export type Category = Selectable<CategoryTable>;
export type Document = Selectable<DocumentTable>;
export type PublishedVersion = Selectable<PublishedVersionTable>;
