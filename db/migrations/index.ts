// The list of migrations, in order. Listed statically (not read from the folder) so that the
// server bundle carries them and the Migrator needs no file system access at run time.
import type { Migration } from "kysely";
import * as foundation from "./2026-11-28T1500-foundation";
import * as notifications from "./2026-11-28T1550-notifications";
import * as forums from "./2026-11-28T1600-forums";
import * as groups from "./2026-11-28T1610-groups";
import * as documents from "./2026-11-28T1620-documents";
import * as search from "./2026-11-28T1700-search";
import * as contentVersion from "./2026-11-28T1710-content-version";
import * as rateLimits from "./2026-11-28T1720-rate-limits";
import * as viewVersion from "./2026-11-28T1730-view-version";
import * as twoFactor from "./2026-11-29T1000-two-factor";
import * as profileChangeRequests from "./2026-11-29T1010-profile-change-requests";
import * as publishedMetadata from "./2026-11-29T1020-published-metadata";
import * as searchGrouping from "./2026-11-29T1030-search-grouping";
import * as revisionNumbers from "./2026-11-29T1040-revision-numbers";

export const migrations: Record<string, Migration> = {
  "2026-11-28T1500-foundation": foundation,
  "2026-11-28T1550-notifications": notifications,
  "2026-11-28T1600-forums": forums,
  "2026-11-28T1610-groups": groups,
  "2026-11-28T1620-documents": documents,
  "2026-11-28T1700-search": search,
  "2026-11-28T1710-content-version": contentVersion,
  "2026-11-28T1720-rate-limits": rateLimits,
  "2026-11-28T1730-view-version": viewVersion,
  "2026-11-29T1000-two-factor": twoFactor,
  "2026-11-29T1010-profile-change-requests": profileChangeRequests,
  "2026-11-29T1020-published-metadata": publishedMetadata,
  "2026-11-29T1030-search-grouping": searchGrouping,
  "2026-11-29T1040-revision-numbers": revisionNumbers,
};
