// Frozen: this migration describes the schema as it was on the day it was written.
// It must never import application code; later changes go into new, dated migrations.
import { sql, type Kysely } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("user")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("organization", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("member_type", "text", (c) =>
      c.notNull().check(sql`member_type in ('regulator','industry','academia','civil_society','secretariat')`),
    )
    .addColumn("language", "text", (c) =>
      c
        .notNull()
        .defaultTo("en")
        .check(sql`language in ('en','fr','vi')`),
    )
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("UTC"))
    .addColumn("bio", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending','approved','rejected','suspended')`),
    )
    .addColumn("site_role", "text", (c) =>
      c
        .notNull()
        .defaultTo("member")
        .check(sql`site_role in ('admin','moderator','member')`),
    )
    .addColumn("rejection_reason", "text")
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("reviewed_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("reviewed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("user_status_created").on("user").columns(["status", "created_at"]).execute();

  // Lucia's adapter reads id, user_id and expires_at (unix seconds); the rest are session attributes.
  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("expires_at", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("user_agent", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("ip_address", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("session_user").on("session").column("user_id").execute();

  await db.schema
    .createTable("login_attempt")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("ip_address", "text", (c) => c.notNull())
    .addColumn("succeeded", "integer", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("login_attempt_email_at").on("login_attempt").columns(["email", "at"]).execute();
  await db.schema.createIndex("login_attempt_ip_at").on("login_attempt").columns(["ip_address", "at"]).execute();

  await db.schema
    .createTable("audit_event")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("actor_id", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("audit_event_at").on("audit_event").column("at").execute();
  await db.schema.createIndex("audit_event_subject").on("audit_event").columns(["subject_type", "subject_id"]).execute();

  await db.schema
    .createTable("working_group")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull().check(sql`visibility in ('open','closed','private')`))
    .addColumn("charter_md", "text", (c) => c.notNull())
    .addColumn("charter_html", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("group_membership")
    .addColumn("group_id", "integer", (c) => c.notNull().references("working_group.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('chair','editor','member')`))
    .addColumn("joined_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("group_membership_pk", ["group_id", "user_id"])
    .execute();
  await db.schema.createIndex("group_membership_user").on("group_membership").column("user_id").execute();

  await db.schema
    .createTable("category")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("visibility", "text", (c) => c.notNull().check(sql`visibility in ('public','members','private')`))
    .addColumn("group_id", "integer", (c) => c.references("working_group.id").onDelete("cascade"))
    .addColumn("qa", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("archived_at", "text")
    .addColumn("topic_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("post_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_post_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("category_private_has_group", sql`visibility <> 'private' or group_id is not null`)
    .execute();
  await db.schema.createIndex("category_position").on("category").columns(["archived_at", "position"]).execute();

  await db.schema
    .createTable("document")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("group_id", "integer", (c) => c.notNull().references("working_group.id").onDelete("restrict"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("language", "text", (c) => c.notNull().check(sql`language in ('en','fr','vi')`))
    .addColumn("family_id", "integer")
    .addColumn("tags", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('working_draft','consultation','final_draft','published','superseded','withdrawn')`),
    )
    .addColumn("head_revision_id", "integer")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("document_group").on("document").column("group_id").execute();
  await db.schema.createIndex("document_family").on("document").column("family_id").execute();

  await db.schema
    .createTable("revision")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("document_id", "integer", (c) => c.notNull().references("document.id").onDelete("cascade"))
    .addColumn("parent_id", "integer", (c) => c.references("revision.id"))
    .addColumn("author_id", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("body_md", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("revision_document").on("revision").columns(["document_id", "id"]).execute();

  await db.schema
    .createTable("published_version")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("document_id", "integer", (c) => c.notNull().references("document.id").onDelete("cascade"))
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("major", "integer", (c) => c.notNull())
    .addColumn("minor", "integer", (c) => c.notNull())
    .addColumn("revision_id", "integer", (c) => c.notNull().references("revision.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("toc", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("review_due", "text")
    .addColumn("published_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("published_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("published_version_unique", ["document_id", "major", "minor"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "published_version",
    "revision",
    "document",
    "category",
    "group_membership",
    "working_group",
    "audit_event",
    "login_attempt",
    "session",
    "user",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
