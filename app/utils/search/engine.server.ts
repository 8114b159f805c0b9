// The search itself: one SQL query over the FTS5 index ranks a bounded set of candidates, groups
// them by what they belong to and answers one page of results with their best matching parts.
import { sql } from "kysely";
import type { ReadableScope } from "~/policies";
import type { DB } from "~/utils/db.server";
import { kindToken } from "./entries.server";
import { ftsExpression, quote, titlePhraseExpression, type ParsedQuery } from "./query";
import { snippet } from "./snippet";
import type { SearchFilters, SearchHit } from "./types";

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
