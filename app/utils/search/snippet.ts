// Snippets: a window of a result's original text around the first matches, every match marked.
import { fold } from "./text";
import type { SnippetPart } from "./types";

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
