// The list of migrations, in order. Listed statically (not read from the folder) so that the
// server bundle carries them and the Migrator needs no file system access at run time.
import type { Migration } from "kysely";
import * as foundation from "./2026-11-28T1500-foundation";
import * as notifications from "./2026-11-28T1550-notifications";

export const migrations: Record<string, Migration> = {
  "2026-11-28T1500-foundation": foundation,
  "2026-11-28T1550-notifications": notifications,
};
