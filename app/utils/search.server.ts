// Search: the one module that knows the index is SQLite FTS5. Everything else talks to it through
// indexEntry / removeEntry / search / rebuild, so another engine (PostgreSQL full-text search)
// can replace it here alone.
import { sql } from "kysely";
import type { SearchAccess } from "~db/tables/search";
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
const kindToken = (kind: string) => `kind${kind}`;

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
    const base = char
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
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
    parent: entry.parent ?? entryKey(entry.kind, entry.refId),
    family: entry.family ?? null,
  };
  let id: number;
  if (existing) {
    id = existing.id;
    await db.updateTable("search_doc").set(values).where("id", "=", id).execute();
    await sql`delete from search_fts where rowid = ${id}`.execute(db);
  } else {
    id = (await db.insertInto("search_doc").values(values).returning("id").executeTakeFirstOrThrow()).id;
  }
  await sql`insert into search_fts (rowid, title, body, place, kind)
    values (${id}, ${indexedText(entry.title)}, ${indexedText(text)}, ${fold(values.place)}, ${kindToken(entry.kind)})`.execute(
    db,
  );
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
          parent: entry.parent ?? entryKey(entry.kind, entry.refId),
          family: entry.family ?? null,
        })),
      )
      .returning("id")
      .execute();
    const values = rows.map(
      (row, j) =>
        sql`(${row.id}, ${indexedText(batch[j].title)}, ${indexedText(batch[j].text.slice(0, MAX_TEXT))}, ${fold(batch[j].place ?? "")}, ${kindToken(batch[j].kind)})`,
    );
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

/**
 * One thing to look for: a word; a quoted phrase (its words in order); or a word made of several
 * joined by punctuation, "post-deployment", which matches its words in order ("post deployment",
 * "post-deployment") or joined ("postdeployment").
 */
export interface QueryPart {
  /** Folded words. */
  words: string[];
  quoted: boolean;
}

export interface ParsedQuery {
  /** What every result must match (stop words dropped when other words remain). */
  parts: QueryPart[];
  excluded: QueryPart[];
  /** Every positive part in the order typed, stop words kept: the phrase a title may hold whole. */
  sequence: QueryPart[];
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
  const parsed: ParsedQuery = { parts: [], excluded: [], sequence: [], inTitle: false, truncated };
  const pattern = /(-?)"([^"]*)"?|(\S+)/g;
  let count = 0;
  for (const match of input.matchAll(pattern)) {
    const negative = match[1] === "-";
    let part: QueryPart;
    let isExcluded: boolean;
    if (match[2] !== undefined) {
      part = { words: words(match[2]), quoted: true };
      isExcluded = negative;
    } else {
      const token = match[3];
      if (token.toLowerCase() === "in:title") {
        parsed.inTitle = true;
        continue;
      }
      isExcluded = token.startsWith("-") && token.length > 1;
      part = { words: words(isExcluded ? token.slice(1) : token), quoted: false };
    }
    if (!part.words.length) continue;
    if (isExcluded) parsed.excluded.push(part);
    else parsed.sequence.push(part);
    count += 1;
    if (count >= MAX_TERMS) {
      truncated = truncated || count < input.split(/\s+/).length;
      break;
    }
  }
  const isStopWord = (part: QueryPart) => !part.quoted && part.words.length === 1 && STOP_WORDS.has(part.words[0]);
  const meaningful = parsed.sequence.filter((part) => !isStopWord(part));
  parsed.parts = meaningful.length ? meaningful : [...parsed.sequence];
  parsed.truncated = truncated;
  return parsed;
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** FTS for one part; `prefix` marks its last word as a prefix (a word still being typed). */
function partExpression(part: QueryPart, prefix: boolean): string {
  const star = prefix && part.words[part.words.length - 1].length >= 2 ? "*" : "";
  const split = `${quote(part.words.join(" "))}${star}`;
  if (part.quoted || part.words.length === 1) return split;
  return `(${split} OR ${quote(part.words.join(""))}${star})`;
}

/** The part a suggestion completes: the last one typed, unless it was quoted. */
function completing(query: ParsedQuery, options: { prefix?: boolean }): QueryPart | null {
  const last = query.sequence[query.sequence.length - 1];
  return options.prefix && last && !last.quoted ? last : null;
}

/** The FTS expression for a parsed query, or null when nothing positive is left to match. */
export function ftsExpression(query: ParsedQuery, options: { prefix?: boolean } = {}): string | null {
  const column = query.inTitle ? "title : " : "";
  const partial = completing(query, options);
  const positives = query.parts.map((part) => `${column}${partExpression(part, part === partial)}`);
  if (!positives.length) return null;
  let expression = positives.join(" AND ");
  for (const part of query.excluded) expression = `(${expression}) NOT ${partExpression(part, false)}`;
  return expression;
}

/**
 * Titles that hold the whole query as typed, its words in order (hyphenated words split or joined):
 * they rank first.
 */
export function titlePhraseExpression(query: ParsedQuery, options: { prefix?: boolean } = {}): string | null {
  if (!query.sequence.length) return null;
  const star = completing(query, options) && query.sequence[query.sequence.length - 1].words.at(-1)!.length >= 2 ? "*" : "";
  const split = query.sequence.map((part) => part.words.join(" ")).join(" ");
  const joined = query.sequence.map((part) => (part.quoted ? part.words.join(" ") : part.words.join(""))).join(" ");
  const phrases = [split, ...(joined !== split ? [joined] : [])].map((phrase) => `${quote(phrase)}${star}`);
  return phrases.length > 1 ? `title : (${phrases.join(" OR ")})` : `title : ${phrases[0]}`;
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

/** A matching part of a result: a section of a document, a reply in a topic. */
export interface SearchMatch {
  url: string;
  /** The section's heading (empty for a reply: it has no title of its own). */
  title: SnippetPart[];
  snippet: SnippetPart[];
  createdAt: string;
}

export interface SearchTranslation {
  url: string;
  title: string;
  language: string | null;
}

/** One result: a document, topic, group, member …, with its best matching parts beneath it. */
export interface SearchHit {
  kind: string;
  url: string;
  title: SnippetPart[];
  /** From the entry itself when it matches; empty when only its parts do. */
  snippet: SnippetPart[];
  place: string;
  createdAt: string;
  language: string | null;
  /** Up to MATCHES_PER_RESULT best matching sections or replies. */
  matches: SearchMatch[];
  /** How many more of its parts match. */
  moreMatches: number;
  /** Translations the visitor may read (documents). */
  translations: SearchTranslation[];
}

export const SEARCH_PAGE_SIZE = 20;
/** Only the most recent matches of a very common word are ranked, so no query can hold the server. */
export const RANKED_CANDIDATES = 4000;
/**
 * When a word is so common that its newest RANKED_CANDIDATES matches fill the bound (forum posts
 * are the bulk of the index), the newest KIND_CANDIDATES matches of each of these pools of kinds
 * are ranked too, so the library, drafts and groups keep their place on the first page. A pool
 * costs one more walk of the word's list (for bm25's statistics): few pools, each of many entries.
 */
const KIND_POOLS = [["document"], ["draft"], ["group", "meeting", "decision"], ["member"]];
const KIND_CANDIDATES = 500;
export const MATCHES_PER_RESULT = 3;

function visible(scope: ReadableScope & { signedIn: boolean }) {
  const groups = scope.groupIds.length ? scope.groupIds : [-1];
  return sql<boolean>`(d.access = 'public'
    or (d.access = 'signed_in' and ${scope.signedIn ? 1 : 0} = 1)
    or (d.access = 'members' and ${scope.approved ? 1 : 0} = 1)
    or (d.access = 'group' and d.group_id in (${sql.join(groups)})))`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Cuts a snippet around the first matches of `needles` in `text`, marking every match. A needle of
 * several words ("post deployment") matches them separated by anything but letters and digits, or
 * joined: "post-deployment", "post deployment", "postdeployment"; and a word matches its hyphenated
 * spelling.
 */
export function snippet(text: string, needles: string[], length = 240): SnippetPart[] {
  const folded = fold(text);
  const positions: Array<[number, number]> = [];
  for (const needle of needles) {
    if (!needle) continue;
    // Letters may be split by hyphens too: "postdeployment" marks "post-deployment".
    const word = (w: string) => [...w].map(escapeRegExp).join("[-\\u2010\\u2011]?");
    const source = needle.split(" ").map(word).join("[^\\p{L}\\p{N}]*");
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${source}`, "gu");
    for (const m of folded.matchAll(re)) {
      positions.push([m.index!, m.index! + m[0].length]);
      if (positions.length > 50) break;
    }
  }
  positions.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
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

interface EntryRow {
  id: number;
  kind: string;
  ref_id: number;
  url: string;
  title: string;
  text: string;
  place: string;
  created_at: string;
  language: string | null;
  parent: string;
  family: string | null;
}

/** The entry that heads its group (a document's first entry, the topic itself …). */
const isHead = sql<boolean>`d.parent = d.kind || ':' || d.ref_id`;

/**
 * Searches what the visitor may read and answers one page of results grouped by what they belong
 * to. All in SQL over a bounded candidate set (the newest RANKED_CANDIDATES matches, and for a
 * very common word the newest KIND_CANDIDATES of the library, drafts, groups … too):
 * - each matching entry belongs to a group: its parent, or its document family for translations;
 * - a group ranks by its best entry: a title holding the whole phrase first, then bm25 (title 10,
 *   place 2, body 1);
 * - variety: within the page order, each kind of result takes at most `perKind` places before any
 *   kind takes more, so one document's sections or one busy forum cannot fill the first page;
 * - beneath each result, its best matching parts (by their body's match) and how many more match.
 */
export async function search(
  db: DB,
  scope: ReadableScope & { signedIn: boolean },
  query: ParsedQuery,
  filters: SearchFilters = {},
  options: { page?: number; prefix?: boolean; pageSize?: number } = {},
): Promise<{ hits: SearchHit[]; hasMore: boolean }> {
  const expression = ftsExpression(query, { prefix: options.prefix });
  if (!expression) return { hits: [], hasMore: false };
  const titleExpression = titlePhraseExpression(query, { prefix: options.prefix });
  const pageSize = options.pageSize ?? SEARCH_PAGE_SIZE;
  const page = Math.max(1, Math.min(options.page ?? 1, 50));
  const perKind = Math.max(2, Math.ceil(pageSize / 4));

  const conditions = [visible(scope)];
  if (filters.kinds?.length) conditions.push(sql<boolean>`d.kind in (${sql.join(filters.kinds)})`);
  if (filters.categoryId) conditions.push(sql<boolean>`d.category_id = ${filters.categoryId}`);
  if (filters.groupId) conditions.push(sql<boolean>`d.group_id = ${filters.groupId}`);
  if (filters.authorId) conditions.push(sql<boolean>`d.author_id = ${filters.authorId}`);
  if (filters.language) conditions.push(sql<boolean>`d.language = ${filters.language}`);
  if (filters.from) conditions.push(sql<boolean>`d.created_at >= ${filters.from}`);
  if (filters.to) conditions.push(sql<boolean>`d.created_at < ${filters.to}`);

  // Bound the work: rank only the newest RANKED_CANDIDATES matches (FTS walks its lists newest
  // first and stops there) and, when a word is that common, the newest KIND_CANDIDATES matches of
  // each kind other than forum posts that the visitor may read. What the visitor typed only ever
  // matches the text columns, never the kind.
  const searchable = `{title body place} : (${expression})`;
  const ofKinds = (kinds: string[]) => {
    const tokens = kinds.map((kind) => quote(kindToken(kind)));
    return ` AND kind : ${tokens.length > 1 ? `(${tokens.join(" OR ")})` : tokens[0]}`;
  };
  const scores = sql`rowid as id, bm25(search_fts, 10.0, 1.0, 2.0, 0.0) as score, bm25(search_fts, 0.0, 1.0, 0.0, 0.0) as body`;
  // Drafts are read by working groups' members only, the directory by approved members only.
  const kindPools = filters.kinds
    ? []
    : KIND_POOLS.filter(([kind]) => (kind === "draft" ? scope.groupIds.length > 0 : kind === "member" ? scope.approved : true));
  const newest = sql`select ${scores} from search_fts where search_fts match ${searchable + (filters.kinds ? ofKinds(filters.kinds) : "")}
    order by rowid desc limit ${RANKED_CANDIDATES}`;
  const olderOfKind = (kinds: string[]) => sql`select * from (select ${scores} from search_fts
    where search_fts match ${searchable + ofKinds(kinds)} and (select count(*) from newest) >= ${RANKED_CANDIDATES}
    order by rowid desc limit ${KIND_CANDIDATES})`;
  // Titles holding the whole phrase, looked up over the same ranges: the newest matches, and the
  // older ones of the other kinds.
  const titleMatch = titleExpression
    ? sql<number>`(d.id in (select rowid from search_fts where search_fts match ${titleExpression} and rowid >= (select min(id) from newest)${
        kindPools.length
          ? sql` union all select rowid from search_fts where search_fts match ${titleExpression + ofKinds(kindPools.flat())}
              and rowid >= (select min(id) from m) and rowid < (select min(id) from newest)`
          : sql``
      }))`
    : sql<number>`0`;

  const ranking = sql<{ pos: number; parent: string; matches: number; id: number; head: number; in_body: number }>`
    with newest as materialized (${newest}),
    m as materialized (
      select id, min(score) as score, min(body) as body from (
        select * from newest${sql.join(
          kindPools.map((kinds) => sql` union all ${olderOfKind(kinds)}`),
          sql``,
        )}
      ) group by id
    ),
    h as materialized (
      select d.id, d.parent, coalesce(d.family, d.parent) as grp,
        case when d.kind = 'post' then 'topic' else d.kind end as grp_kind,
        ${isHead} as head, ${titleMatch} as title_match, m.score, m.body
      from m join search_doc d on d.id = m.id
      where ${sql.join(conditions, sql` and `)}
    ),
    ranked as (
      select h.*, row_number() over (partition by grp order by title_match desc, score, id desc) as in_group,
        sum(case when head = 0 and body < 0 then 1 else 0 end) over (partition by parent) as matches
      from h
    ),
    best as (
      select grp, parent, title_match, score, id, matches,
        row_number() over (partition by grp_kind order by title_match desc, score, id desc) as of_kind
      from ranked where in_group = 1
    ),
    page as (
      select parent, matches, row_number() over (order by of_kind > ${perKind}, title_match desc, score, id desc) as pos
      from best order by pos limit ${pageSize + 1} offset ${(page - 1) * pageSize}
    ),
    parts as (
      select h.id, h.parent, h.head, h.body < 0 as in_body,
        row_number() over (partition by h.parent, h.head order by h.body, h.score, h.id desc) as rank
      from h join page on page.parent = h.parent
    )
    select page.pos, page.parent, page.matches, parts.id, parts.head, parts.in_body
    from page join parts on parts.parent = page.parent
      and (parts.head = 1 or parts.rank = 1 or (parts.in_body = 1 and parts.rank <= ${MATCHES_PER_RESULT}))
    order by page.pos, parts.head desc, parts.rank`;
  const { rows } = await ranking.execute(db);

  // Per group: whether its head matched; its parts that match in their own text (sections whose
  // only match is the document's title or place are not worth listing), and one part in any case,
  // to stand in for a head the index does not have.
  const groups: Array<{ parent: string; matches: number; ids: number[]; headMatched: boolean; standIn: number | null }> = [];
  for (const row of rows) {
    let group = groups[groups.length - 1];
    if (!group || group.parent !== row.parent)
      groups.push((group = { parent: row.parent, matches: row.matches, ids: [], headMatched: false, standIn: null }));
    if (row.head) group.headMatched = true;
    else if (row.in_body) group.ids.push(row.id);
    else group.standIn ??= row.id;
  }
  const hasMore = groups.length > pageSize;
  groups.length = Math.min(groups.length, pageSize);
  if (!groups.length) return { hits: [], hasMore };

  // The page's entries: each group's head (matching or not, if the visitor may read it) and parts.
  const parents = groups.map((g) => g.parent);
  const columns = sql`d.id, d.kind, d.ref_id, d.url, d.title, d.text, d.place, d.created_at, d.language, d.parent, d.family`;
  const entries = await sql<EntryRow>`select ${columns} from search_doc d
    where d.id in (${sql.join(groups.flatMap((g) => [...g.ids, g.standIn ?? -1]))})
       or (d.parent in (${sql.join(parents)}) and ${isHead} and ${visible(scope)})`.execute(db);
  const byId = new Map(entries.rows.map((row) => [row.id, row]));
  const headOf = new Map(
    entries.rows.filter((row) => row.parent === `${row.kind}:${row.ref_id}`).map((row) => [row.parent, row]),
  );
  const families = [...new Set(entries.rows.map((row) => row.family).filter((f): f is string => !!f))];
  const translations = families.length
    ? (
        await sql<EntryRow>`select ${columns} from search_doc d
          where d.family in (${sql.join(families)}) and ${isHead} and ${visible(scope)}
          order by d.language, d.id`.execute(db)
      ).rows
    : [];

  const needles = query.parts.map((part) => part.words.join(" "));
  const hits = groups.map((group): SearchHit => {
    const parts = group.ids.map((id) => byId.get(id)!).filter(Boolean);
    const head = headOf.get(group.parent) ?? (group.standIn ? byId.get(group.standIn) : undefined) ?? parts.shift()!;
    const label = (title: string) =>
      title === head.title ? "" : title.startsWith(`${head.title} — `) ? title.slice(head.title.length + 3) : title;
    return {
      kind: head.kind,
      url: head.url,
      title: snippet(head.title, needles, 300),
      snippet: group.headMatched ? snippet(head.text, needles) : [],
      place: head.place,
      createdAt: head.created_at,
      language: head.language,
      matches: parts.map((part) => ({
        url: part.url,
        title: label(part.title) ? snippet(label(part.title), needles, 300) : [],
        snippet: snippet(part.text, needles, 160),
        createdAt: part.created_at,
      })),
      moreMatches: Math.max(0, group.matches - group.ids.length),
      translations: head.family
        ? translations
            .filter((t) => t.family === head.family && t.parent !== head.parent)
            .map((t) => ({ url: t.url, title: t.title, language: t.language }))
        : [],
    };
  });
  return { hits, hasMore };
}
