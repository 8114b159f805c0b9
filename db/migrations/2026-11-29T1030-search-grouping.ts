// Frozen: see 2026-11-28T1500-foundation.ts.
// Search results are grouped by what they belong to: every entry names its parent (the entry of
// the document, topic, group … it is part of; a parent names itself) and, for a document that has
// translations, its family. The FTS index gains two columns: the place (forum category or working
// group name), ranked between title and body, and the entry's kind, so that the bound on ranked
// matches can be kept per kind (the newest forum posts must not crowd the library out). The kind
// is held as one token no text has ("kinddocument"), so that looking it up reads a short list.
//
// The FTS table is rebuilt here from search_doc with the folding SQL can do (đ → d; the unicode61
// tokenizer folds case and accents), so search keeps working straight after the upgrade;
// `npm run search:reindex` then also adds the joined forms of hyphenated words ("postdeployment").
import { sql, type Kysely } from "kysely";

const folded = (column: string) => sql.raw(`replace(replace(${column}, 'đ', 'd'), 'Đ', 'd')`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("search_doc")
    .addColumn("parent", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.alterTable("search_doc").addColumn("family", "text").execute();
  // Sections of a document or draft belong to its first entry (slot 0 of 1,000); a reply to its
  // topic (/t/<topic id>/…); anything else is its own parent.
  await sql`update search_doc set parent = case
      when kind in ('document', 'draft') then kind || ':' || ((ref_id / 1000) * 1000)
      when kind = 'post' then 'topic:' || substr(url, 4, instr(substr(url, 4), '/') - 1)
      else kind || ':' || ref_id end`.execute(db);
  await sql`update search_doc set family = (select 'document-family:' || document.family_id from document
      where document.id = search_doc.ref_id / 1000 and document.family_id is not null)
    where kind = 'document'`.execute(db);
  await db.schema.createIndex("search_doc_parent").on("search_doc").column("parent").execute();
  await sql`create index search_doc_family on search_doc (family) where family is not null`.execute(db);

  await sql`drop table search_fts`.execute(db);
  await sql`create virtual table search_fts using fts5(
    title, body, place, kind,
    content='', contentless_delete=1,
    tokenize="unicode61 remove_diacritics 2",
    prefix='2 3 4'
  )`.execute(db);
  await sql`insert into search_fts (rowid, title, body, place, kind)
    select id, ${folded("title")}, ${folded("text")}, ${folded("place")}, 'kind' || kind from search_doc`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table search_fts`.execute(db);
  await sql`create virtual table search_fts using fts5(
    title, body,
    content='', contentless_delete=1,
    tokenize="unicode61 remove_diacritics 2",
    prefix='2 3 4'
  )`.execute(db);
  await sql`insert into search_fts (rowid, title, body) select id, ${folded("title")}, ${folded("text")} from search_doc`.execute(
    db,
  );
  await db.schema.dropIndex("search_doc_family").execute();
  await db.schema.dropIndex("search_doc_parent").execute();
  await db.schema.alterTable("search_doc").dropColumn("family").execute();
  await db.schema.alterTable("search_doc").dropColumn("parent").execute();
}
