// Comparing two versions of a document as readers see them: the rendered HTML (our own markdown
// output, stored beside each revision) is split into its blocks — headings, paragraphs, lists,
// tables — and the blocks are compared as blocks. A changed heading shows as a heading, a list as
// a list with its changed items, a table as a table with its changed cells; inside a block, words
// removed are in <del> and words added in <ins>, with a space between a deletion and the insertion
// that follows it so screen readers and copy-paste never run them together.
//
// The markup produced is always well formed: changed blocks take the structure of the newer text
// (removed words are placed where they were, removed tags are dropped), or of the older text for
// the "before" column of the side-by-side view. The computation runs in slices (runInSlices) and
// is remembered by a digest of both texts, like the line comparison.
import { diffArrays } from "diff";
import { digest, runInSlices, similarity } from "./diff.server";
import {
  CONTAINERS,
  countWords,
  hasBlockChildren,
  isBlank,
  keyOf,
  parse,
  serialize,
  textOf,
  type Element,
  type Node,
} from "./rendered-html.server";

export type RenderedBlock =
  | { kind: "same"; html: string }
  | { kind: "skip"; count: number }
  /** `html`: the change inline (new structure); `before`/`after`: each side alone, for side by side. */
  | { kind: "change"; html: string; before: string; after: string };

export interface RenderedComparison {
  blocks: RenderedBlock[];
  stats: { wordsAdded: number; wordsRemoved: number; blocksChanged: number };
  identical: boolean;
}

type Mode = "both" | "old" | "new";

/** Blocks of unchanged text kept around each change. */
const CONTEXT_BLOCKS = 1;
/** Token edits a block's word comparison may look for before it is shown as replaced. */
const MAX_TOKEN_EDITS = 2_000;
/** Blocks below this similarity are shown as one removed and one added, not as an edit. */
const PAIRING_SIMILARITY = 0.25;
const PAIRING_WINDOW = 8;

function withClass(open: string, name: string): string {
  if (/\sclass="/.test(open)) return open.replace(/\sclass="/, ` class="${name} `);
  return open.replace(/^<([a-zA-Z0-9]+)/, `<$1 class="${name}"`);
}

interface Stats {
  wordsAdded: number;
  wordsRemoved: number;
}

/** Text runs in <del>/<ins>, whitespace kept outside the marks and a space between a deletion and an insertion. */
class Writer {
  out = "";
  private last: "del" | "ins" | "other" = "other";

  raw(html: string) {
    if (html === "") return;
    this.out += html;
    this.last = "other";
  }

  mark(kind: "del" | "ins", text: string) {
    const lead = text.match(/^\s*/)![0];
    const trail = text.slice(lead.length).match(/\s*$/)![0];
    const core = text.slice(lead.length, text.length - trail.length);
    if (core === "") {
      this.raw(text);
      return;
    }
    if (lead) this.raw(lead);
    else if (this.last !== "other" && this.last !== kind) this.out += " ";
    this.out += `<${kind} class="diff-${kind}">${core}</${kind}>`;
    this.last = kind;
    if (trail) this.raw(trail);
  }
}

/** A whole element (or text) removed or added: its structure kept, its text marked. */
function writeWhole(writer: Writer, node: Node, op: -1 | 1, stats: Stats | null, top = true) {
  const kind = op === -1 ? "del" : "ins";
  if (typeof node === "string") {
    if (node.trim() === "") writer.raw(node);
    else {
      writer.mark(kind, node);
      if (stats) stats[op === -1 ? "wordsRemoved" : "wordsAdded"] += countWords(node);
    }
    return;
  }
  writer.raw(top ? withClass(node.open, op === -1 ? "diff-removed" : "diff-added") : node.open);
  for (const child of node.children) writeWhole(writer, child, op, stats, false);
  writer.raw(node.close);
}

/** The tokens of an element's inline content: tags, words and runs of spaces. */
function inlineTokens(nodes: Node[], out: string[] = []): string[] {
  for (const node of nodes) {
    if (typeof node === "string") {
      for (const piece of node.match(/\s+|[^\s]+/g) ?? []) out.push(piece);
    } else {
      out.push(node.open);
      inlineTokens(node.children, out);
      if (node.close) out.push(node.close);
    }
  }
  return out;
}

const isTag = (token: string) => token.startsWith("<");

/** Two versions of one block of inline content (a paragraph, heading, list item, cell), word by word. */
function writeInline(writer: Writer, before: Element, after: Element, mode: Mode, stats: Stats | null) {
  const a = inlineTokens(before.children);
  const b = inlineTokens(after.children);
  const changes = diffArrays(a, b, { maxEditLength: MAX_TOKEN_EDITS });
  if (!changes) {
    // Too different to be read as an edit: the block removed, then the block added.
    if (mode !== "new") writeWhole(writer, before, -1, stats);
    if (mode === "both") writer.raw("\n");
    if (mode !== "old") writeWhole(writer, after, 1, stats);
    return;
  }
  const open = mode === "old" ? before.open : after.open;
  // A changed cell is marked as such (its column stays where it was).
  writer.raw(after.tag === "td" || after.tag === "th" ? withClass(open, "diff-changed") : open);
  for (const change of changes) {
    const op = change.added ? 1 : change.removed ? -1 : 0;
    if (op === 0) {
      writer.raw(change.value.join(""));
      continue;
    }
    if (stats) stats[op === -1 ? "wordsRemoved" : "wordsAdded"] += countWords(change.value.filter((t) => !isTag(t)).join(" "));
    // The side whose structure is written keeps its tags; the other side's tags are dropped.
    const structural = op === 1 ? mode !== "old" : mode === "old";
    const shown = op === -1 ? mode !== "new" : mode !== "old";
    let text = "";
    const flush = () => {
      if (text) writer.mark(op === -1 ? "del" : "ins", text);
      text = "";
    };
    for (const token of change.value) {
      if (isTag(token)) {
        if (structural) {
          flush();
          writer.raw(token);
        }
      } else if (shown) {
        text += token;
      }
    }
    flush();
  }
  writer.raw(mode === "old" ? before.close : after.close);
}

/** Two versions of one block: containers child by child, other blocks word by word. */
function writePair(writer: Writer, before: Element, after: Element, mode: Mode, stats: Stats | null) {
  if (CONTAINERS.has(after.tag) || hasBlockChildren(after) || hasBlockChildren(before)) {
    writer.raw(mode === "old" ? before.open : after.open);
    writeNodes(writer, before.children, after.children, mode, stats);
    writer.raw(mode === "old" ? before.close : after.close);
    return;
  }
  writeInline(writer, before, after, mode, stats);
}

/** How alike two blocks read: shared word pairs, or shared words for short ones (a cell, a row, a heading). */
function blockSimilarity(a: string, b: string): number {
  const wa = a.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wb = b.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (wa.length >= 4 && wb.length >= 4) return similarity(a, b);
  if (wa.length === 0 && wb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const word of wa) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of wb) {
    const n = counts.get(word);
    if (n) {
      shared++;
      counts.set(word, n - 1);
    }
  }
  return (2 * shared) / (wa.length + wb.length);
}

/** Containers (lists, tables) of one kind that share an item, a row or enough words are one edited container. */
function pairScore(before: Element, after: Element, text: (node: Node) => string): number {
  // Cells keep their column: a changed cell is always an edit of the cell it replaces.
  if (after.tag === "td" || after.tag === "th") return 1;
  if (CONTAINERS.has(after.tag)) {
    const keys = new Set(before.children.filter((node) => !isBlank(node)).map(keyOf));
    if (after.children.some((node) => !isBlank(node) && keys.has(keyOf(node)))) return 1;
  }
  const score = blockSimilarity(text(before), text(after));
  // A reworded heading of the same level is an edit of that heading (unless a closer one exists).
  return /^h[1-6]$/.test(after.tag) ? Math.max(score, PAIRING_SIMILARITY) : score;
}

/** A run of removed blocks and a run of added ones: similar blocks of one kind are paired as edits. */
function writeChange(writer: Writer, removed: Node[], added: Node[], mode: Mode, stats: Stats | null) {
  const texts = new Map<Node, string>();
  const text = (node: Node) => {
    let value = texts.get(node);
    if (value === undefined) texts.set(node, (value = textOf(node)));
    return value;
  };
  // Each added block's counterpart among the removed ones (in order), if any.
  const pairs: number[] = [];
  let from = 0;
  for (const node of added) {
    let best = -1;
    let bestScore = PAIRING_SIMILARITY;
    if (typeof node !== "string") {
      for (let j = from; j < removed.length && j < from + PAIRING_WINDOW; j++) {
        const candidate = removed[j];
        if (typeof candidate === "string" || candidate.tag !== node.tag) continue;
        const score = pairScore(candidate, node, text);
        if (score > bestScore || (best === -1 && score >= bestScore)) {
          best = j;
          bestScore = score;
        }
      }
    }
    pairs.push(best);
    if (best !== -1) from = best + 1;
  }
  const lastPaired = pairs.reduce((last, j, i) => (j === -1 ? last : i), -1);
  let next = 0;
  const writeRemovedUpTo = (end: number) => {
    for (; next < end; next++) {
      if (mode !== "new") writeWhole(writer, removed[next], -1, stats);
      else if (stats) stats.wordsRemoved += countWords(text(removed[next]));
    }
  };
  added.forEach((node, i) => {
    const j = pairs[i];
    if (j === -1) {
      // Blocks removed with no counterpart read before the blocks added after the last edit.
      if (i > lastPaired) writeRemovedUpTo(removed.length);
      if (mode !== "old") writeWhole(writer, node, 1, stats);
      else if (stats) stats.wordsAdded += countWords(text(node));
      return;
    }
    writeRemovedUpTo(j);
    writePair(writer, removed[j] as Element, node as Element, mode, stats);
    next = j + 1;
  });
  writeRemovedUpTo(removed.length);
}

/** Children of two versions of a container, compared as a sequence of blocks (or items, rows, cells). */
function writeNodes(writer: Writer, before: Node[], after: Node[], mode: Mode, stats: Stats | null) {
  const a = before.filter((node) => !isBlank(node));
  const b = after.filter((node) => !isBlank(node));
  const changes = diffArrays(a.map(keyOf), b.map(keyOf));
  let ia = 0;
  let ib = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (!change.added && !change.removed) {
      const nodes = (mode === "old" ? a.slice(ia, ia + change.count!) : b.slice(ib, ib + change.count!)).map(serialize);
      writer.raw(nodes.join("\n"));
      ia += change.count!;
      ib += change.count!;
      continue;
    }
    let removed: Node[] = [];
    let added: Node[] = [];
    for (; i < changes.length && (changes[i].added || changes[i].removed); i++) {
      if (changes[i].removed) {
        removed = removed.concat(a.slice(ia, ia + changes[i].count!));
        ia += changes[i].count!;
      } else {
        added = added.concat(b.slice(ib, ib + changes[i].count!));
        ib += changes[i].count!;
      }
    }
    i--;
    writeChange(writer, removed, added, mode, stats);
  }
}

function* renderedSteps(oldHtml: string, newHtml: string): Generator<void, RenderedComparison, void> {
  const a = parse(oldHtml).filter((node) => !isBlank(node));
  yield;
  const b = parse(newHtml).filter((node) => !isBlank(node));
  yield;
  const keysA = a.map(keyOf);
  const keysB = b.map(keyOf);
  // Common head and tail first: most revisions change a few blocks in the middle.
  let head = 0;
  while (head < a.length && head < b.length && keysA[head] === keysB[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && keysA[a.length - 1 - tail] === keysB[b.length - 1 - tail]) tail++;
  const runs: Array<{ op: 0; nodes: Node[] } | { op: 1; removed: Node[]; added: Node[] }> = [];
  if (head) runs.push({ op: 0, nodes: b.slice(0, head) });
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  if (midA.length || midB.length) {
    const changes = diffArrays(keysA.slice(head, a.length - tail), keysB.slice(head, b.length - tail), {
      maxEditLength: 2_000,
    }) ?? [
      { removed: true, added: false, count: midA.length, value: [] },
      { added: true, removed: false, count: midB.length, value: [] },
    ];
    let ia = 0;
    let ib = 0;
    for (const change of changes) {
      const count = change.count ?? change.value.length;
      if (!change.added && !change.removed) {
        runs.push({ op: 0, nodes: midB.slice(ib, ib + count) });
        ia += count;
        ib += count;
        continue;
      }
      let last = runs[runs.length - 1];
      if (!last || last.op !== 1) runs.push((last = { op: 1, removed: [], added: [] }));
      if (change.removed) {
        last.removed.push(...midA.slice(ia, ia + count));
        ia += count;
      } else {
        last.added.push(...midB.slice(ib, ib + count));
        ib += count;
      }
    }
  }
  if (tail) runs.push({ op: 0, nodes: b.slice(b.length - tail) });
  yield;

  const stats = { wordsAdded: 0, wordsRemoved: 0, blocksChanged: 0 };
  const blocks: RenderedBlock[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    if (run.op === 0) {
      const keepHead = i === 0 ? 0 : CONTEXT_BLOCKS;
      const keepTail = i === runs.length - 1 ? 0 : CONTEXT_BLOCKS;
      const nodes = run.nodes;
      if (nodes.length > keepHead + keepTail + 1) {
        if (keepHead) blocks.push({ kind: "same", html: nodes.slice(0, keepHead).map(serialize).join("\n") });
        blocks.push({ kind: "skip", count: nodes.length - keepHead - keepTail });
        if (keepTail)
          blocks.push({
            kind: "same",
            html: nodes
              .slice(nodes.length - keepTail)
              .map(serialize)
              .join("\n"),
          });
      } else {
        blocks.push({ kind: "same", html: nodes.map(serialize).join("\n") });
      }
      continue;
    }
    stats.blocksChanged += Math.max(run.removed.length, run.added.length);
    const inline = new Writer();
    writeChange(inline, run.removed, run.added, "both", stats);
    const before = new Writer();
    writeChange(before, run.removed, run.added, "old", null);
    const after = new Writer();
    writeChange(after, run.removed, run.added, "new", null);
    blocks.push({ kind: "change", html: inline.out, before: before.out, after: after.out });
    yield;
  }
  return { blocks, stats, identical: stats.blocksChanged === 0 };
}

/** Compares two rendered versions of a document (in slices, shared and remembered; see runInSlices). */
export function compareRenderedInSlices(oldHtml: string, newHtml: string): Promise<RenderedComparison> {
  return runInSlices(`rendered:${digest(oldHtml)}:${digest(newHtml)}`, oldHtml.length + newHtml.length, () =>
    renderedSteps(oldHtml, newHtml),
  );
}

/** The same, at once (tests, small texts). */
export function compareRendered(oldHtml: string, newHtml: string): RenderedComparison {
  const steps = renderedSteps(oldHtml, newHtml);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
