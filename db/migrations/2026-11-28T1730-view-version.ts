// Frozen: see 2026-11-28T1500-foundation.ts.
// A counter per member that moves whenever a page view changes what that member will see next
// (a read position moves forward, notifications are marked read on the way): the cached pages of a
// signed-in member rendered before it moved are never served (see app/utils/page-cache.server.ts).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("user")
    .addColumn("view_version", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("user").dropColumn("view_version").execute();
}
