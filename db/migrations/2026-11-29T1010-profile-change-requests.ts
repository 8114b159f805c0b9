// Frozen: see 2026-11-28T1500-foundation.ts.
// A member's member type and organisation are vetted at admission: changing them afterwards is a
// request that an administrator approves or rejects (with a reason the member sees). At most one
// request per member is pending at a time.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("profile_change_request")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    // The values when the request was made, and the values asked for.
    .addColumn("member_type_before", "text", (c) => c.notNull())
    .addColumn("organization_before", "text", (c) => c.notNull())
    .addColumn("member_type", "text", (c) => c.notNull())
    .addColumn("organization", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'approved', 'rejected', 'withdrawn')`),
    )
    .addColumn("reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addColumn("decided_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .execute();
  await sql`create unique index profile_change_request_one_pending on profile_change_request (user_id) where status = 'pending'`.execute(
    db,
  );
  await db.schema.createIndex("profile_change_request_user").on("profile_change_request").columns(["user_id", "id"]).execute();
  await db.schema.createIndex("profile_change_request_status").on("profile_change_request").columns(["status", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("profile_change_request").execute();
}
