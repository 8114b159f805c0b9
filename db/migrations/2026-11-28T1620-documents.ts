// Frozen: see 2026-11-28T1500-foundation.ts.
// Guidance documents: what each revision renders to and how its sections are keyed, consultations,
// section comments with their dispositions, change proposals, and the facts a published version
// carries (the disposition table, the source version a translation follows).
import { sql, type Kysely } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("document")
    .addColumn("status_reason", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .alterTable("document")
    .addColumn("successor_id", "integer", (c) => c.references("document.id").onDelete("set null"))
    .execute();
  await db.schema.alterTable("document").addColumn("status_changed_at", "text").execute();
  await db.schema
    .alterTable("document")
    .addColumn("created_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .execute();

  // Revisions written by the workspace carry their rendering; revisions imported as published
  // versions (starter content) are rendered in their published_version row.
  await db.schema.alterTable("revision").addColumn("body_html", "text").execute();
  await db.schema.alterTable("revision").addColumn("toc", "text").execute();
  await db.schema.alterTable("revision").addColumn("sections", "text").execute();
  await db.schema
    .alterTable("revision")
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .defaultTo("edit")
        .check(sql`kind in ('create','edit','merge','restore','proposal','import')`),
    )
    .execute();
  await db.schema.alterTable("revision").addColumn("based_on_id", "integer").execute();
  await db.schema.alterTable("revision").addColumn("restored_from_id", "integer").execute();
  await db.schema.alterTable("revision").addColumn("proposal_id", "integer").execute();
  await db.schema
    .alterTable("revision")
    .addColumn("chars_added", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("revision")
    .addColumn("chars_removed", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema.alterTable("published_version").addColumn("source_version", "text").execute();
  await db.schema
    .alterTable("published_version")
    .addColumn("dispositions", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema.createIndex("published_version_published_at").on("published_version").column("published_at").execute();
  await db.schema.createIndex("published_version_revision").on("published_version").column("revision_id").execute();
  // A published version is a citable record: it is never changed once written.
  await sql`create trigger published_version_immutable before update on published_version
    begin select raise(abort, 'published versions are immutable'); end`.execute(db);

  await db.schema
    .createTable("consultation")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("document_id", "integer", (c) => c.notNull().references("document.id").onDelete("cascade"))
    .addColumn("revision_id", "integer", (c) => c.notNull().references("revision.id"))
    .addColumn("audience", "text", (c) => c.notNull().check(sql`audience in ('members','public')`))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("opens_at", "text", (c) => c.notNull())
    .addColumn("closes_at", "text", (c) => c.notNull())
    .addColumn("opened_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("closed_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("closed_early_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("consultation_window", sql`closes_at > opens_at`)
    .execute();
  await db.schema.createIndex("consultation_document").on("consultation").columns(["document_id", "id"]).execute();

  await db.schema
    .createTable("doc_comment")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("document_id", "integer", (c) => c.notNull().references("document.id").onDelete("cascade"))
    .addColumn("revision_id", "integer", (c) => c.notNull().references("revision.id"))
    .addColumn("section_key", "text", (c) => c.notNull())
    .addColumn("section_anchor", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("section_title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("parent_id", "integer", (c) => c.references("doc_comment.id").onDelete("cascade"))
    .addColumn("author_id", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("body_md", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("consultation_id", "integer", (c) => c.references("consultation.id").onDelete("set null"))
    .addColumn("resolved_at", "text")
    .addColumn("resolved_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("disposition", "text", (c) =>
      c.check(sql`disposition is null or disposition in ('accepted','partly_accepted','not_accepted','noted')`),
    )
    .addColumn("response_md", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("response_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("disposition_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("disposition_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("doc_comment_document").on("doc_comment").columns(["document_id", "section_key", "id"]).execute();
  await db.schema.createIndex("doc_comment_parent").on("doc_comment").columns(["parent_id", "id"]).execute();
  await db.schema.createIndex("doc_comment_consultation").on("doc_comment").columns(["consultation_id", "id"]).execute();

  await db.schema
    .createTable("change_proposal")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("document_id", "integer", (c) => c.notNull().references("document.id").onDelete("cascade"))
    .addColumn("author_id", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("base_revision_id", "integer", (c) => c.notNull().references("revision.id"))
    .addColumn("section_key", "text", (c) => c.notNull())
    .addColumn("section_anchor", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("section_title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("base_text", "text", (c) => c.notNull())
    .addColumn("proposed_text", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("consultation_id", "integer", (c) => c.references("consultation.id").onDelete("set null"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open','accepted','declined','withdrawn')`),
    )
    .addColumn("decided_by", "integer", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("decided_at", "text")
    .addColumn("decision_reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("applied_revision_id", "integer", (c) => c.references("revision.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("change_proposal_document")
    .on("change_proposal")
    .columns(["document_id", "status", "id"])
    .execute();
  await db.schema.createIndex("change_proposal_author").on("change_proposal").columns(["author_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("change_proposal").execute();
  await db.schema.dropTable("doc_comment").execute();
  await db.schema.dropTable("consultation").execute();
  await sql`drop trigger if exists published_version_immutable`.execute(db);
  await db.schema.dropIndex("published_version_revision").execute();
  await db.schema.dropIndex("published_version_published_at").execute();
  for (const column of ["dispositions", "source_version"])
    await db.schema.alterTable("published_version").dropColumn(column).execute();
  for (const column of [
    "chars_removed",
    "chars_added",
    "proposal_id",
    "restored_from_id",
    "based_on_id",
    "kind",
    "sections",
    "toc",
    "body_html",
  ]) {
    await db.schema.alterTable("revision").dropColumn(column).execute();
  }
  for (const column of ["created_by", "status_changed_at", "successor_id", "status_reason"]) {
    await db.schema.alterTable("document").dropColumn(column).execute();
  }
}
