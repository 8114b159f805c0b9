// Comparing and merging drafts. Comparison diffs lines first and then words inside the changed
// blocks only, so a long document with a few edits compares quickly (jsdiff). Merging a stale save
// is a three-way merge by lines (node-diff3), digging into each conflicting block word by word:
// two edits of different words in one paragraph merge; edits of the same words conflict.
import { createHash } from "node:crypto";
import { diffArrays, diffWordsWithSpace } from "diff";
import { diff3Merge, diffIndices } from "node-diff3";
import { normalizeSource } from "./sections.server";

/** One piece of a changed block: 0 unchanged, -1 removed, 1 added. */
export type Segment = [op: -1 | 0 | 1, text: string];

export type DiffBlock =
  | { kind: "same"; oldStart: number; newStart: number; lines: string[] }
  | { kind: "skip"; oldStart: number; newStart: number; count: number }
  | { kind: "change"; oldStart: number; newStart: number; oldCount: number; newCount: number; segments: Segment[] };

export interface Comparison {
  blocks: DiffBlock[];
  stats: { linesAdded: number; linesRemoved: number; wordsAdded: number; wordsRemoved: number };
  identical: boolean;
}

const CONTEXT_LINES = 3;
/** Line edits Myers' diff looks for before the comparison switches to a longest common subsequence. */
const MAX_LINE_EDITS = 400;
/** Word-level diffs of very large changed blocks are not worth their cost: shown as replaced. */
const MAX_WORD_EDITS = 4_000;
const MAX_WORD_BLOCK_CHARS = 60_000;

const splitLines = (text: string) => {
  const body = normalizeSource(text);
  return body === "" ? [] : body.split("\n");
};

const countWords = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** Pairs of consecutive words: two passages sharing few of them were rewritten, not edited. */
function wordPairs(text: string): Map<string, number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const pairs = new Map<string, number>();
  for (let i = 1; i < words.length; i++) {
    const pair = `${words[i - 1]} ${words[i]}`;
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
}

export function similarity(a: string, b: string): number {
  const pa = wordPairs(a);
  const pb = wordPairs(b);
  let shared = 0;
  let total = 0;
  for (const [pair, n] of pa) {
    shared += Math.min(n, pb.get(pair) ?? 0);
    total += n;
  }
  for (const n of pb.values()) total += n;
  return total === 0 ? 1 : (2 * shared) / total;
}

function wordSegments(oldText: string, newText: string): Segment[] {
  if (!oldText) return newText ? [[1, newText]] : [];
  if (!newText) return [[-1, oldText]];
  // A passage rewritten through and through reads better (and is found far sooner) as replaced.
  if (oldText.length + newText.length <= MAX_WORD_BLOCK_CHARS && similarity(oldText, newText) >= 0.3) {
    const changes = diffWordsWithSpace(oldText, newText, { maxEditLength: MAX_WORD_EDITS });
    if (changes) {
      const out: Segment[] = [];
      for (const change of changes) {
        const op = change.added ? 1 : change.removed ? -1 : 0;
        const last = out[out.length - 1];
        if (last && last[0] === op) last[1] += change.value;
        else out.push([op, change.value]);
      }
      return out;
    }
  }
  return [
    [-1, oldText],
    [1, newText],
  ];
}

/**
 * Lines of either text without a counterpart in the other: each is an insertion or a deletion in
 * any diff, so more of them than MAX_LINE_EDITS means Myers' diff would search its whole budget
 * (tens of milliseconds on two far-apart 100 KiB revisions) only to give up.
 */
function unmatchedLines(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const line of a) counts.set(line, (counts.get(line) ?? 0) + 1);
  let unmatched = 0;
  for (const line of b) {
    const n = counts.get(line);
    if (n) counts.set(line, n - 1);
    else unmatched++;
  }
  for (const n of counts.values()) unmatched += n;
  return unmatched;
}

/**
 * Comparing two long revisions costs tens of milliseconds and revisions never change, so recent
 * comparisons are kept (by a digest of both texts) and served again: a compare page that many
 * reviewers open during a consultation is computed once.
 */
const recentComparisons = new Map<string, { comparison: unknown; size: number }>();
const RECENT_COMPARISONS = 64;
/**
 * A comparison holds about five bytes of memory per character compared (two far-apart 68 KB
 * revisions: 0.7 MB), so the cache is also bounded by the characters compared: about 15 MB.
 */
const RECENT_COMPARISON_CHARACTERS = 3_000_000;
let recentCharacters = 0;

function comparisonKey(oldText: string, newText: string, options: { context?: number }) {
  return `${digest(oldText)}:${digest(newText)}:${options.context ?? ""}`;
}

function recall<T = Comparison>(key: string): T | undefined {
  const cached = recentComparisons.get(key);
  if (!cached) return undefined;
  recentComparisons.delete(key);
  recentComparisons.set(key, cached);
  return cached.comparison as T;
}

function remember(key: string, comparison: unknown, size: number) {
  if (recentComparisons.has(key)) return;
  recentComparisons.set(key, { comparison, size });
  recentCharacters += size;
  while (
    recentComparisons.size > RECENT_COMPARISONS ||
    (recentCharacters > RECENT_COMPARISON_CHARACTERS && recentComparisons.size > 1)
  ) {
    const [oldest, entry] = recentComparisons.entries().next().value!;
    recentComparisons.delete(oldest);
    recentCharacters -= entry.size;
  }
}

/** Compares two texts: unchanged runs (with context), skipped runs, and changed blocks word by word. */
export function compareTexts(oldText: string, newText: string, options: { context?: number } = {}): Comparison {
  const key = comparisonKey(oldText, newText, options);
  const cached = recall(key);
  if (cached) return cached;
  const steps = comparisonSteps(oldText, newText, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  remember(key, step.value, oldText.length + newText.length);
  return step.value;
}

/** One side of a conflicting part against their common base, whole: unchanged lines and marked changes. */
export function segmentsAgainst(base: string, text: string): Segment[] {
  return compareTexts(base, text, { context: 1000 }).blocks.flatMap((b) =>
    b.kind === "change" ? b.segments : b.kind === "same" ? ([[0, b.lines.join("\n") + "\n"]] as Segment[]) : [],
  );
}

/** Work done between two returns to the event loop while comparing for a request. */
const SLICE_MS = 8;
const inProgress = new Map<string, Promise<unknown>>();

/**
 * The same comparison as compareTexts, for requests: the work is cut into slices of a few
 * milliseconds with other requests served in between (two far-apart 100 KiB revisions take
 * 60-100 ms of CPU), and a comparison already under way for another request is shared.
 */
export function compareTextsInSlices(oldText: string, newText: string, options: { context?: number } = {}): Promise<Comparison> {
  return runInSlices(comparisonKey(oldText, newText, options), oldText.length + newText.length, () =>
    comparisonSteps(oldText, newText, options),
  );
}

/**
 * Runs a comparison's steps in slices of SLICE_MS, remembered under `key` (a digest of its inputs)
 * and shared with concurrent requests for the same key.
 */
export function runInSlices<T>(key: string, size: number, start: () => Generator<void, T, void>): Promise<T> {
  const cached = recall<T>(key);
  if (cached) return Promise.resolve(cached);
  let pending = inProgress.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = (async () => {
      try {
        const steps = start();
        let sliceStart = performance.now();
        let step = steps.next();
        while (!step.done) {
          if (performance.now() - sliceStart >= SLICE_MS) {
            await new Promise<void>((resolve) => setImmediate(resolve));
            sliceStart = performance.now();
          }
          step = steps.next();
        }
        remember(key, step.value, size);
        return step.value;
      } finally {
        inProgress.delete(key);
      }
    })();
    inProgress.set(key, pending);
  }
  return pending;
}

/** A digest of a text, for cache keys. */
export function digest(text: string) {
  return createHash("sha1").update(text).digest("base64url");
}

/** The comparison, pausing (yield) after the line diff and after each changed block. */
function* comparisonSteps(
  oldText: string,
  newText: string,
  options: { context?: number } = {},
): Generator<void, Comparison, void> {
  const context = options.context ?? CONTEXT_LINES;
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const stats = { linesAdded: 0, linesRemoved: 0, wordsAdded: 0, wordsRemoved: 0 };
  // Common head and tail first: most revisions change a few lines in the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const runs: Array<{ op: -1 | 0 | 1; lines: string[] }> = [];
  if (head) runs.push({ op: 0, lines: a.slice(0, head) });
  const edited =
    midA.length && midB.length && unmatchedLines(midA, midB) <= MAX_LINE_EDITS
      ? diffArrays(midA, midB, { maxEditLength: MAX_LINE_EDITS })
      : undefined;
  if (edited) {
    // A few edits (the usual revision): Myers' diff (jsdiff) finds them in time proportional to their number.
    for (const change of edited) runs.push({ op: change.added ? 1 : change.removed ? -1 : 0, lines: change.value });
  } else if (midA.length && midB.length) {
    // Far-apart texts: a longest common subsequence of lines (node-diff3), fast when most lines are distinct.
    let ia = 0;
    for (const chunk of diffIndices(wrap(midA), wrap(midB))) {
      const [aStart, aLength] = chunk.buffer1;
      const [bStart, bLength] = chunk.buffer2;
      if (aStart > ia) runs.push({ op: 0, lines: midA.slice(ia, aStart) });
      if (aLength) runs.push({ op: -1, lines: midA.slice(aStart, aStart + aLength) });
      if (bLength) runs.push({ op: 1, lines: midB.slice(bStart, bStart + bLength) });
      ia = aStart + aLength;
    }
    if (ia < midA.length) runs.push({ op: 0, lines: midA.slice(ia) });
  } else if (midA.length) {
    runs.push({ op: -1, lines: midA });
  } else if (midB.length) {
    runs.push({ op: 1, lines: midB });
  }
  if (tail) runs.push({ op: 0, lines: a.slice(a.length - tail) });
  yield;

  const blocks: DiffBlock[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    if (run.op === 0) {
      const lines = run.lines;
      const isFirst = i === 0;
      const isLast = i === runs.length - 1;
      const keepHead = isFirst && !isLast ? 0 : context;
      const keepTail = isLast ? 0 : context;
      if (lines.length > keepHead + keepTail + 1) {
        if (keepHead) blocks.push({ kind: "same", oldStart: oldLine, newStart: newLine, lines: lines.slice(0, keepHead) });
        const skipped = lines.length - keepHead - keepTail;
        blocks.push({ kind: "skip", oldStart: oldLine + keepHead, newStart: newLine + keepHead, count: skipped });
        if (keepTail) {
          blocks.push({
            kind: "same",
            oldStart: oldLine + keepHead + skipped,
            newStart: newLine + keepHead + skipped,
            lines: lines.slice(lines.length - keepTail),
          });
        }
      } else {
        blocks.push({ kind: "same", oldStart: oldLine, newStart: newLine, lines });
      }
      oldLine += lines.length;
      newLine += lines.length;
      continue;
    }
    // A changed block: the removed lines and the added lines that follow (or precede) them.
    let removed: string[] = [];
    let added: string[] = [];
    while (i < runs.length && runs[i].op !== 0) {
      if (runs[i].op === -1) removed = removed.concat(runs[i].lines);
      else added = added.concat(runs[i].lines);
      i++;
    }
    i--;
    const oldText = removed.join("\n");
    const newText = added.join("\n");
    const segments = wordSegments(oldText, newText);
    for (const [op, text] of segments) {
      if (op === 1) stats.wordsAdded += countWords(text);
      if (op === -1) stats.wordsRemoved += countWords(text);
    }
    stats.linesAdded += added.length;
    stats.linesRemoved += removed.length;
    blocks.push({
      kind: "change",
      oldStart: oldLine,
      newStart: newLine,
      oldCount: removed.length,
      newCount: added.length,
      segments,
    });
    oldLine += removed.length;
    newLine += added.length;
    yield;
  }
  const identical = stats.linesAdded === 0 && stats.linesRemoved === 0;
  return { blocks, stats, identical };
}

/** Characters added and removed between two texts (by changed lines), for the history list. */
export function changeSize(oldText: string, newText: string): { added: number; removed: number } {
  const { blocks } = compareTexts(oldText, newText, { context: 0 });
  let added = 0;
  let removed = 0;
  for (const block of blocks) {
    if (block.kind !== "change") continue;
    for (const [op, text] of block.segments) {
      if (op === 1) added += text.length;
      if (op === -1) removed += text.length;
    }
  }
  return { added, removed };
}

export interface ConflictPart {
  /** The text the saver wrote, the text both started from, and the text now current. */
  mine: string;
  base: string;
  theirs: string;
}

export type MergeOutcome = { clean: true; text: string } | { clean: false; conflicts: ConflictPart[] };

// node-diff3 indexes lines in a plain object: a prefix keeps lines such as "__proto__" harmless.
const wrap = (items: string[]) => items.map((item) => `\u0001${item}`);
const unwrap = (items: string[]) => items.map((item) => item.slice(1));

const tokenize = (text: string) => text.match(/\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];

function mergeWords(mine: string, base: string, theirs: string): string | undefined {
  const regions = diff3Merge(wrap(tokenize(mine)), wrap(tokenize(base)), wrap(tokenize(theirs)), { excludeFalseConflicts: true });
  let out = "";
  for (const region of regions) {
    if (region.conflict) return undefined;
    out += unwrap(region.ok ?? []).join("");
  }
  return out;
}

/**
 * Merges `mine` (a save based on `base`) with `theirs` (what was saved since). Non-overlapping
 * changes merge; overlapping ones are returned as conflicts and nothing is merged.
 */
export function mergeThreeWay(mine: string, base: string, theirs: string): MergeOutcome {
  const [m, o, t] = [mine, base, theirs].map((text) => normalizeSource(text).split("\n"));
  const regions = diff3Merge(wrap(m), wrap(o), wrap(t), { excludeFalseConflicts: true });
  const lines: string[] = [];
  const conflicts: ConflictPart[] = [];
  for (const region of regions) {
    if (region.ok) {
      lines.push(...unwrap(region.ok));
      continue;
    }
    const conflict = region.conflict!;
    const part = {
      mine: unwrap(conflict.a).join("\n"),
      base: unwrap(conflict.o).join("\n"),
      theirs: unwrap(conflict.b).join("\n"),
    };
    const merged = mergeWords(part.mine, part.base, part.theirs);
    if (merged === undefined) conflicts.push(part);
    else lines.push(...merged.split("\n"));
  }
  return conflicts.length ? { clean: false, conflicts } : { clean: true, text: lines.join("\n") };
}
