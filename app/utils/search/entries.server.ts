// The search index's entries: adding, replacing and removing the entry of one searchable thing, in
// the transaction of the write that changed it, and the bulk load of a rebuild. With query.ts and
// engine.server.ts, the only code that knows the index is SQLite FTS5.
import { sql } from "kysely";
import type { SearchAccess } from "~db/tables/search";
import type { Tx } from "~/utils/db.server";
import { fold } from "./text";

export interface SearchEntry {
  kind: string;
  refId: number;
  url: string;
  title: string;
  /** Plain text (not markdown or HTML). */
  text: string;
  access: SearchAccess;
  groupId?: number | null;
  categoryId?: number | null;
  authorId?: number | null;
  place?: string;
  language?: string | null;
  createdAt: string;
  /**
   * The entry this one is shown under in results, as "<kind>:<refId>" (a document's first entry
   * for its sections, the topic for a reply). Defaults to the entry itself: it heads its own group.
   */
  parent?: string;
  /** Documents that translate one another share a family key; results show them together. */
  family?: string | null;
}

const MAX_TEXT = 60_000;

/**
 * The FTS index holds an entry's kind as one token no text contains ("kinddocument"): filtering on
 * it then reads a list as short as the kind, not every mention of the word "group".
 */
export const kindToken = (kind: string) => `kind${kind}`;

/** The parent key of an entry that heads its own group. */
export const entryKey = (kind: string, refId: number) => `${kind}:${refId}`;

const HYPHENATED = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)+/gu;

/**
 * The folded text the FTS index holds: the tokenizer splits "post-deployment" into two words (so
 * "post deployment" matches it); the joined form of each hyphenated word is added at the end, so
 * "postdeployment" matches it too. Snippets are cut from the original text, never from this.
 */
function indexedText(text: string): string {
  const folded = fold(text);
  const joined = new Set<string>();
  for (const match of folded.matchAll(HYPHENATED)) {
    joined.add(match[0].replace(/[-\u2010\u2011]/g, ""));
    if (joined.size >= 500) break;
  }
  return joined.size ? `${folded}\n${[...joined].join(" ")}` : folded;
}

/** The search_doc row of an entry (its text cut to MAX_TEXT). */
function docRow(entry: SearchEntry) {
  return {
    kind: entry.kind,
    ref_id: entry.refId,
    url: entry.url,
    title: entry.title,
    text: entry.text.slice(0, MAX_TEXT),
    access: entry.access,
    group_id: entry.groupId ?? null,
    category_id: entry.categoryId ?? null,
    author_id: entry.authorId ?? null,
    place: entry.place ?? "",
    language: entry.language ?? null,
    created_at: entry.createdAt,
    parent: entry.parent ?? entryKey(entry.kind, entry.refId),
    family: entry.family ?? null,
  };
}

/** The FTS row of an entry, for `insert into search_fts (rowid, title, body, place, kind)`. */
const ftsRow = (id: number, row: ReturnType<typeof docRow>) =>
  sql`(${id}, ${indexedText(row.title)}, ${indexedText(row.text)}, ${fold(row.place)}, ${kindToken(row.kind)})`;

/** Adds or replaces the entry of one searchable thing. Call it in the transaction of the write. */
export async function indexEntry(db: Tx, entry: SearchEntry) {
  const existing = await db
    .selectFrom("search_doc")
    .select("id")
    .where("kind", "=", entry.kind)
    .where("ref_id", "=", entry.refId)
    .executeTakeFirst();
  const values = docRow(entry);
  let id: number;
  if (existing) {
    id = existing.id;
    await db.updateTable("search_doc").set(values).where("id", "=", id).execute();
    await sql`delete from search_fts where rowid = ${id}`.execute(db);
  } else {
    id = (await db.insertInto("search_doc").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }
  await sql`insert into search_fts (rowid, title, body, place, kind) values ${ftsRow(id, values)}`.execute(db);
}

/** Adds many entries to an index known not to hold them yet (a rebuild): no look-ups, few statements. */
export async function bulkIndex(db: Tx, entries: SearchEntry[]) {
  for (let i = 0; i < entries.length; i += 200) {
    const batch = entries.slice(i, i + 200).map(docRow);
    const rows = await db.insertInto("search_doc").values(batch).returning("id").execute();
    const values = rows.map((row, j) => ftsRow(row.id, batch[j]));
    await sql`insert into search_fts (rowid, title, body, place, kind) values ${sql.join(values)}`.execute(db);
  }
}

export async function removeEntry(db: Tx, kind: string, refId: number) {
  await removeEntries(db, kind, [refId]);
}

export async function removeEntries(db: Tx, kind: string, refIds: number[]) {
  for (let i = 0; i < refIds.length; i += 500) {
    const rows = await db
      .selectFrom("search_doc")
      .select("id")
      .where("kind", "=", kind)
      .where("ref_id", "in", refIds.slice(i, i + 500))
      .execute();
    for (const row of rows) await sql`delete from search_fts where rowid = ${row.id}`.execute(db);
    if (rows.length)
      await db
        .deleteFrom("search_doc")
        .where(
          "id",
          "in",
          rows.map((r) => r.id),
        )
        .execute();
  }
}

/** Empties the index (before a rebuild). */
export async function clearIndex(db: Tx) {
  await sql`delete from search_fts`.execute(db);
  await db.deleteFrom("search_doc").execute();
}
