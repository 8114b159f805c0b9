// Frozen: see 2026-11-28T1500-foundation.ts.
// The search index: one row per searchable thing (search_doc) and an FTS5 index over its folded
// title and body (search_fts, contentless: the text lives in the source tables).
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("search_doc")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("ref_id", "integer", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("access", "text", (c) => c.notNull().check(sql`access in ('public','signed_in','members','group')`))
    .addColumn("group_id", "integer")
    .addColumn("category_id", "integer")
    .addColumn("author_id", "integer")
    .addColumn("place", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("language", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("search_doc_ref", ["kind", "ref_id"])
    .execute();
  await sql`create virtual table search_fts using fts5(
    title, body,
    content='', contentless_delete=1,
    tokenize="unicode61 remove_diacritics 2",
    prefix='2 3 4'
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table search_fts`.execute(db);
  await db.schema.dropTable("search_doc").execute();
}
