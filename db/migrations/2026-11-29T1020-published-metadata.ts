// Frozen: see 2026-11-28T1500-foundation.ts.
// What the public reads is what a chair published: each published version carries the summary and
// topic tags of its document as they were when it was published (its title already was). Existing
// versions take their document's current summary and tags, the best record there is of them.
// Published versions are immutable (a trigger refuses updates): the trigger is lifted for the
// backfill only, inside this migration's transaction.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("published_version")
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .alterTable("published_version")
    .addColumn("tags", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await sql`drop trigger published_version_immutable`.execute(db);
  await sql`update published_version set
      summary = (select document.summary from document where document.id = published_version.document_id),
      tags = (select document.tags from document where document.id = published_version.document_id)`.execute(db);
  await sql`create trigger published_version_immutable before update on published_version
    begin select raise(abort, 'published versions are immutable'); end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("published_version").dropColumn("tags").execute();
  await db.schema.alterTable("published_version").dropColumn("summary").execute();
}
