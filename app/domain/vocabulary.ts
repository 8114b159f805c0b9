// The portal's closed vocabularies: every enumerated value a column may hold, shared by the database
// schema (db/), the services, the validation schemas and the UI. Isomorphic: no server-only imports.

// Members, groups, categories, documents
export const MEMBER_TYPES = ["regulator", "industry", "academia", "civil_society", "secretariat"] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];
export const LANGUAGES = ["en", "fr", "vi"] as const;
export type Language = (typeof LANGUAGES)[number];
export const USER_STATUSES = ["pending", "approved", "rejected", "suspended"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const SITE_ROLES = ["admin", "moderator", "member"] as const;
export type SiteRole = (typeof SITE_ROLES)[number];
export const GROUP_ROLES = ["chair", "editor", "member"] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export const GROUP_VISIBILITIES = ["open", "closed", "private"] as const;
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number];
export const CATEGORY_VISIBILITIES = ["public", "members", "private"] as const;
export type CategoryVisibility = (typeof CATEGORY_VISIBILITIES)[number];
export const DOCUMENT_STATUSES = [
  "working_draft",
  "consultation",
  "final_draft",
  "published",
  "superseded",
  "withdrawn",
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const REVISION_KINDS = ["create", "edit", "merge", "restore", "proposal", "import"] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];
export const PROFILE_CHANGE_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;
export type ProfileChangeStatus = (typeof PROFILE_CHANGE_STATUSES)[number];

// Drafting and consultation
export const CONSULTATION_AUDIENCES = ["members", "public"] as const;
export type ConsultationAudience = (typeof CONSULTATION_AUDIENCES)[number];
export const DISPOSITIONS = ["accepted", "partly_accepted", "not_accepted", "noted"] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const PROPOSAL_STATUSES = ["open", "accepted", "declined", "withdrawn"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

// Forums
export const REACTION_KINDS = ["thumbs_up", "check", "idea", "heart"] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export const FLAG_STATUSES = ["open", "hidden", "dismissed", "restored"] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];
export const WATCH_LEVELS = ["watching", "muted"] as const;
export type WatchLevel = (typeof WATCH_LEVELS)[number];

// Working groups
export const JOIN_REQUEST_STATUSES = ["pending", "approved", "declined", "withdrawn"] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];
export const ATTENDANCE_RESPONSES = ["attending", "not_attending"] as const;
export type AttendanceResponse = (typeof ATTENDANCE_RESPONSES)[number];
export const VOTE_POSITIONS = ["agree", "abstain", "disagree", "block"] as const;
export type VotePosition = (typeof VOTE_POSITIONS)[number];
