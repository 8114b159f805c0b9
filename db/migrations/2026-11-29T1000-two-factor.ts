// Frozen: see 2026-11-28T1500-foundation.ts.
// Two-factor sign-in (TOTP, RFC 6238): the secret of each account that enrols, when it was
// confirmed (on the user row, so the session check that loads the user knows it without another
// query), single-use recovery codes (hashed), remembered browsers (hashed tokens) and the pending
// sign-ins whose password was right and whose second step is due (hashed tokens; not sessions).
import { sql, type Kysely } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  // Set when the member confirmed a code from their authenticator; null: two-factor sign-in is off.
  await db.schema.alterTable("user").addColumn("two_factor_enabled_at", "text").execute();

  // One row per account that started enrolling; enrolment is complete when user.two_factor_enabled_at is set.
  await db.schema
    .createTable("two_factor")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("user.id").onDelete("cascade"))
    // The TOTP key, base32 (as authenticator apps take it).
    .addColumn("secret", "text", (c) => c.notNull())
    // The last 30-second step a code was accepted for: a code is never accepted twice.
    .addColumn("last_used_step", "integer")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("recovery_code")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    // SHA-256 (hex) of the normalised code; the codes themselves are shown once and never stored.
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("recovery_code_user_hash").on("recovery_code").columns(["user_id", "code_hash"]).execute();

  await db.schema
    .createTable("remembered_browser")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("user_agent", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("ip_address", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("remembered_browser_user").on("remembered_browser").column("user_id").execute();

  await db.schema
    .createTable("pending_sign_in")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("redirect_to", "text", (c) => c.notNull().defaultTo("/"))
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("ip_address", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("pending_sign_in_user").on("pending_sign_in").column("user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("pending_sign_in").execute();
  await db.schema.dropTable("remembered_browser").execute();
  await db.schema.dropTable("recovery_code").execute();
  await db.schema.dropTable("two_factor").execute();
  await db.schema.alterTable("user").dropColumn("two_factor_enabled_at").execute();
}
