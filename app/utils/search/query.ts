// What the visitor typed, parsed (words, quoted phrases, -exclusions, in:title) and turned into
// FTS5 match expressions. Isomorphic: no database, only the index's expression syntax.
import { MAX_QUERY_LENGTH } from "./limits";
import { fold } from "./text";

export { MAX_QUERY_LENGTH };

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

export const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

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
