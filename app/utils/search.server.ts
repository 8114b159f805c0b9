// Search: the one module that knows the index is SQLite FTS5. Everything else talks to it through
// indexEntry / removeEntry / search / rebuild, so another engine (PostgreSQL full-text search)
// can replace it here alone.
import { sql } from "kysely";
import type { SearchAccess } from "../../db/tables/search";
import type { ReadableScope } from "~/policies";
import type { DB, Tx } from "./db.server";

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
}

const MAX_TEXT = 60_000;

/**
 * Folds text for matching: lower case, accents removed, and đ/Đ (which have no Unicode
 * decomposition) turned into d. Character by character, so a folded string has the same length
 * as its original and positions found in one are valid in the other.
 */
export function fold(text: string): string {
  let out = "";
  for (const char of text) {
    if (char === "đ" || char === "Đ") {
      out += "d";
      continue;
    }
    const base = char.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    out += base.length === char.length ? base : char.toLowerCase().length === char.length ? char.toLowerCase() : char;
  }
  return out;
}

/** Plain text from stored HTML: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<\/(p|h[1-6]|li|tr|pre|blockquote|div)>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (entity, code: string) => {
      const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
      if (named[code.toLowerCase()]) return named[code.toLowerCase()];
      const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : entity;
    })
    .replace(/[ \t\r\f\v]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/** Adds or replaces the entry of one searchable thing. Call it in the transaction of the write. */
export async function indexEntry(db: Tx, entry: SearchEntry) {
  const text = entry.text.slice(0, MAX_TEXT);
  const existing = await db
    .selectFrom("search_doc")
    .select("id")
    .where("kind", "=", entry.kind)
    .where("ref_id", "=", entry.refId)
    .executeTakeFirst();
  const values = {
    kind: entry.kind,
    ref_id: entry.refId,
    url: entry.url,
    title: entry.title,
    text,
    access: entry.access,
    group_id: entry.groupId ?? null,
    category_id: entry.categoryId ?? null,
    author_id: entry.authorId ?? null,
    place: entry.place ?? "",
    language: entry.language ?? null,
    created_at: entry.createdAt,
  };
  let id: number;
  if (existing) {
    id = existing.id;
    await db.updateTable("search_doc").set(values).where("id", "=", id).execute();
    await sql`delete from search_fts where rowid = ${id}`.execute(db);
  } else {
    id = (await db.insertInto("search_doc").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }
  await sql`insert into search_fts (rowid, title, body) values (${id}, ${fold(entry.title)}, ${fold(text)})`.execute(db);
}

/** Adds many entries to an index known not to hold them yet (a rebuild): no look-ups, few statements. */
export async function bulkIndex(db: Tx, entries: SearchEntry[]) {
  for (let i = 0; i < entries.length; i += 200) {
    const batch = entries.slice(i, i + 200);
    const rows = await db
      .insertInto("search_doc")
      .values(
        batch.map((entry) => ({
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
        })),
      )
      .returning("id")
      .execute();
    const values = rows.map((row, j) => sql`(${row.id}, ${fold(batch[j].title)}, ${fold(batch[j].text.slice(0, MAX_TEXT))})`);
    await sql`insert into search_fts (rowid, title, body) values ${sql.join(values)}`.execute(db);
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
    if (rows.length) await db.deleteFrom("search_doc").where("id", "in", rows.map((r) => r.id)).execute();
  }
}

/** Empties the index (before a rebuild). */
export async function clearIndex(db: Tx) {
  await sql`delete from search_fts`.execute(db);
  await db.deleteFrom("search_doc").execute();
}

// ---------------------------------------------------------------------------------------------
// Queries

export const MAX_QUERY_LENGTH = 300;
const MAX_TERMS = 12;

/** Words too common to narrow a search, in the three languages; dropped when other words remain. */
const STOP_WORDS = new Set(
  (
    "a an and are as at be by for from in is it of on or that the this to with " +
    "au aux ce ces dans de des du en est et la le les leur ou par pour sur un une " +
    "cac cho co cua duoc la mot nhung trong va voi ve"
  ).split(" "),
);

export interface ParsedQuery {
  /** Single words (folded). */
  terms: string[];
  /** Quoted phrases (folded words). */
  phrases: string[][];
  excluded: string[][];
  inTitle: boolean;
  /** True when the query was cut (too long or too many words). */
  truncated: boolean;
}

function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function parseQuery(raw: string): ParsedQuery {
  let truncated = raw.length > MAX_QUERY_LENGTH;
  const input = raw.slice(0, MAX_QUERY_LENGTH);
  const parsed: ParsedQuery = { terms: [], phrases: [], excluded: [], inTitle: false, truncated };
  const pattern = /(-?)"([^"]*)"?|(\S+)/g;
  let count = 0;
  for (const match of input.matchAll(pattern)) {
    const negative = match[1] === "-";
    if (match[2] !== undefined) {
      const phrase = words(match[2]);
      if (!phrase.length) continue;
      if (negative) parsed.excluded.push(phrase);
      else parsed.phrases.push(phrase);
      count += 1;
    } else {
      const token = match[3];
      if (token.toLowerCase() === "in:title") {
        parsed.inTitle = true;
        continue;
      }
      const isExcluded = token.startsWith("-") && token.length > 1;
      const parts = words(isExcluded ? token.slice(1) : token);
      if (!parts.length) continue;
      if (isExcluded) parsed.excluded.push(parts);
      else if (parts.length > 1) parsed.phrases.push(parts);
      else parsed.terms.push(parts[0]);
      count += 1;
    }
    if (count >= MAX_TERMS) {
      truncated = truncated || count < input.split(/\s+/).length;
      break;
    }
  }
  const meaningful = parsed.terms.filter((term) => !STOP_WORDS.has(term));
  if (meaningful.length || parsed.phrases.length) parsed.terms = meaningful;
  parsed.truncated = truncated;
  return parsed;
}

const quote = (word: string) => `"${word.replace(/"/g, '""')}"`;

/** The FTS5 expression for a parsed query, or null when nothing positive is left to match. */
export function ftsExpression(query: ParsedQuery, options: { prefix?: boolean } = {}): string | null {
  const column = query.inTitle ? "title : " : "";
  const positives: string[] = [];
  query.terms.forEach((term, index) => {
    const last = index === query.terms.length - 1 && !query.phrases.length;
    positives.push(`${column}${quote(term)}${options.prefix && last && term.length >= 2 ? "*" : ""}`);
  });
  for (const phrase of query.phrases) positives.push(`${column}${quote(phrase.join(" "))}`);
  if (!positives.length) return null;
  let expression = positives.join(" AND ");
  for (const phrase of query.excluded) expression = `(${expression}) NOT ${quote(phrase.join(" "))}`;
  return expression;
}

export interface SearchFilters {
  kinds?: string[];
  categoryId?: number;
  groupId?: number;
  authorId?: number;
  from?: string;
  to?: string;
  language?: string;
}

export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  kind: string;
  url: string;
  title: SnippetPart[];
  snippet: SnippetPart[];
  place: string;
  createdAt: string;
  language: string | null;
}

export const SEARCH_PAGE_SIZE = 20;
/** Only the most recent matches of a very common word are ranked, so no query can hold the server. */
export const RANKED_CANDIDATES = 4000;

function visible(scope: ReadableScope & { signedIn: boolean }) {
  const groups = scope.groupIds.length ? scope.groupIds : [-1];
  return sql<boolean>`(d.access = 'public'
    or (d.access = 'signed_in' and ${scope.signedIn ? 1 : 0} = 1)
    or (d.access = 'members' and ${scope.approved ? 1 : 0} = 1)
    or (d.access = 'group' and d.group_id in (${sql.join(groups)})))`;
}

/** Cuts a snippet around the first matches of `needles` in `text`, marking every match. */
export function snippet(text: string, needles: string[], length = 240): SnippetPart[] {
  const folded = fold(text);
  const positions: Array<[number, number]> = [];
  for (const needle of needles) {
    if (!needle) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "gu");
    for (const m of folded.matchAll(re)) {
      positions.push([m.index!, m.index! + m[0].length]);
      if (positions.length > 50) break;
    }
  }
  positions.sort((a, b) => a[0] - b[0]);
  const first = positions[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  if (start > 0) {
    const space = text.indexOf(" ", start);
    if (space !== -1 && space < first) start = space + 1;
  }
  const end = Math.min(text.length, start + length);
  const parts: SnippetPart[] = [];
  let cursor = start;
  for (const [a, b] of positions) {
    if (a < cursor || b > end) continue;
    if (a > cursor) parts.push({ text: text.slice(cursor, a), mark: false });
    parts.push({ text: text.slice(a, b), mark: true });
    cursor = b;
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), mark: false });
  if (start > 0) parts.unshift({ text: "… ", mark: false });
  if (end < text.length) parts.push({ text: " …", mark: false });
  return parts.map((part) => ({ ...part, text: part.text.replace(/\s+/g, " ") }));
}

export async function search(
  db: DB,
  scope: ReadableScope & { signedIn: boolean },
  query: ParsedQuery,
  filters: SearchFilters = {},
  options: { page?: number; prefix?: boolean; pageSize?: number } = {},
): Promise<{ hits: SearchHit[]; hasMore: boolean }> {
  const expression = ftsExpression(query, { prefix: options.prefix });
  if (!expression) return { hits: [], hasMore: false };
  const pageSize = options.pageSize ?? SEARCH_PAGE_SIZE;
  const page = Math.max(1, Math.min(options.page ?? 1, 50));

  // Bound the work: rank only the newest RANKED_CANDIDATES matches (a doclist walk, no scoring).
  const floor = await sql<{ rowid: number }>`select rowid from search_fts where search_fts match ${expression}
    order by rowid desc limit 1 offset ${RANKED_CANDIDATES - 1}`.execute(db);
  const minRowid = floor.rows[0]?.rowid ?? 0;

  const conditions = [visible(scope)];
  if (filters.kinds?.length) conditions.push(sql<boolean>`d.kind in (${sql.join(filters.kinds)})`);
  if (filters.categoryId) conditions.push(sql<boolean>`d.category_id = ${filters.categoryId}`);
  if (filters.groupId) conditions.push(sql<boolean>`d.group_id = ${filters.groupId}`);
  if (filters.authorId) conditions.push(sql<boolean>`d.author_id = ${filters.authorId}`);
  if (filters.language) conditions.push(sql<boolean>`d.language = ${filters.language}`);
  if (filters.from) conditions.push(sql<boolean>`d.created_at >= ${filters.from}`);
  if (filters.to) conditions.push(sql<boolean>`d.created_at < ${filters.to}`);

  const rows = await sql<{ kind: string; url: string; title: string; text: string; place: string; created_at: string; language: string | null }>`
    select d.kind, d.url, d.title, d.text, d.place, d.created_at, d.language
    from (select rowid, bm25(search_fts, 10.0, 1.0) as score from search_fts
          where search_fts match ${expression} and rowid >= ${minRowid}) as m
    join search_doc d on d.id = m.rowid
    where ${sql.join(conditions, sql` and `)}
    order by m.score, d.id desc
    limit ${pageSize + 1} offset ${(page - 1) * pageSize}`.execute(db);

  const needles = [...query.terms, ...query.phrases.map((p) => p.join(" "))];
  const hits = rows.rows.slice(0, pageSize).map((row) => ({
    kind: row.kind,
    url: row.url,
    title: snippet(row.title, needles, 300),
    snippet: snippet(row.text, needles),
    place: row.place,
    createdAt: row.created_at,
    language: row.language,
  }));
  return { hits, hasMore: rows.rows.length > pageSize };
}
