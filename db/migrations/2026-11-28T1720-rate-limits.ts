// Frozen: see 2026-11-28T1500-foundation.ts.
// Fixed-window counters for rate limits (applications, posting, flagging, searching).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rate_limit")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("window_start", "integer", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rate_limit_pk", ["bucket", "subject", "window_start"])
    .execute();
  await db.schema.createIndex("rate_limit_window").on("rate_limit").column("window_start").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("rate_limit").execute();
}
