// Frozen: see 2026-11-28T1500-foundation.ts.
// Revisions are numbered per document (#1, #2, #3 …) for people; their ids stay in URLs, which
// people cite. Existing revisions are numbered in order of creation within their document (ties by
// id). A revision inserted without a number (the starter-content seed, scripts) takes the next one
// of its document through a trigger; the workspace's saves assign it themselves inside their write
// transaction. UNIQUE(document_id, number) makes a collision fail rather than pass unnoticed.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("revision").addColumn("number", "integer").execute();
  await sql`update revision set number = (
      select count(*) from revision as earlier
      where earlier.document_id = revision.document_id
        and (earlier.created_at < revision.created_at or (earlier.created_at = revision.created_at and earlier.id <= revision.id))
    )`.execute(db);
  await db.schema.createIndex("revision_document_number").unique().on("revision").columns(["document_id", "number"]).execute();
  await sql`create trigger revision_number_default after insert on revision when new.number is null
    begin
      update revision set number = (select coalesce(max(number), 0) + 1 from revision where document_id = new.document_id)
      where id = new.id;
    end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists revision_number_default`.execute(db);
  await db.schema.dropIndex("revision_document_number").execute();
  await db.schema.alterTable("revision").dropColumn("number").execute();
}
