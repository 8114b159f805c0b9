// The pieces under the workspace: three-way merging, comparison, and the stable keys of sections.
import { describe, expect, it } from "vitest";
import { compareTexts, compareTextsInSlices, mergeThreeWay } from "~/services/documents/diff.server";
import {
  renderRevision,
  replaceSection,
  sectionRanges,
  sectionText,
  splitHtmlBySections,
} from "~/services/documents/sections.server";

function rebuild(oldText: string, newText: string) {
  const out: string[] = [];
  for (const block of compareTexts(oldText, newText, { context: 1e9 }).blocks) {
    if (block.kind === "same") out.push(...block.lines);
    if (block.kind === "change" && block.newCount)
      out.push(
        ...block.segments
          .filter(([op]) => op !== -1)
          .map(([, text]) => text)
          .join("")
          .split("\n"),
      );
  }
  return out.join("\n");
}

describe("three-way merge", () => {
  const base =
    "# Title\n\nFirst paragraph about evaluation.\n\nSecond paragraph about monitoring.\n\nThird paragraph about risk.\n";

  it("merges edits of different lines and of different words of one line", () => {
    const mine = base.replace("evaluation", "pre-deployment evaluation");
    const theirs = base.replace("risk", "risk management").replace("Second paragraph", "The second paragraph");
    expect(mergeThreeWay(mine, base, theirs)).toEqual({
      clean: true,
      text: "# Title\n\nFirst paragraph about pre-deployment evaluation.\n\nThe second paragraph about monitoring.\n\nThird paragraph about risk management.\n",
    });
    const wordsMine = base.replace("Second paragraph", "Second short paragraph");
    const wordsTheirs = base.replace("about monitoring", "about quarterly monitoring");
    const merged = mergeThreeWay(wordsMine, base, wordsTheirs);
    expect(merged.clean && merged.text).toContain("Second short paragraph about quarterly monitoring.");
  });

  it("reports overlapping edits as conflicts with the three texts, and identical edits as none", () => {
    const outcome = mergeThreeWay(base.replace("monitoring", "surveillance"), base, base.replace("monitoring", "oversight"));
    expect(outcome).toEqual({
      clean: false,
      conflicts: [
        {
          mine: "Second paragraph about surveillance.",
          base: "Second paragraph about monitoring.",
          theirs: "Second paragraph about oversight.",
        },
      ],
    });
    const same = base.replace("risk", "harm");
    expect(mergeThreeWay(same, base, same)).toEqual({ clean: true, text: same });
  });

  it("is not confused by lines named like object properties, or by Windows line endings", () => {
    const tricky = "constructor\n__proto__\nhasOwnProperty\ntoString\n";
    const outcome = mergeThreeWay(
      tricky.replace("toString", "toString()"),
      tricky,
      tricky.replace("constructor", "constructor()"),
    );
    expect(outcome).toEqual({ clean: true, text: "constructor()\n__proto__\nhasOwnProperty\ntoString()\n" });
    expect(mergeThreeWay(base.replace(/\n/g, "\r\n"), base, base)).toEqual({ clean: true, text: base });
  });
});

describe("comparison", () => {
  it("finds changed words inside changed lines and collapses long unchanged runs", () => {
    const lines = Array.from({ length: 40 }, (_, i) => `Line ${i} of the text.`);
    const oldText = lines.join("\n");
    const newText = lines.map((line, i) => (i === 20 ? "Line 20 of the revised text." : line)).join("\n");
    const { blocks, stats } = compareTexts(oldText, newText);
    expect(blocks.map((b) => b.kind)).toEqual(["skip", "same", "change", "same", "skip"]);
    const change = blocks.find((b) => b.kind === "change")!;
    expect(change.kind === "change" && change.segments).toEqual([
      [0, "Line 20 of the "],
      [1, "revised "],
      [0, "text."],
    ]);
    expect(stats).toEqual({ linesAdded: 1, linesRemoved: 1, wordsAdded: 1, wordsRemoved: 0 });
  });

  it("always describes the new text exactly, whatever the edits", () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const words = ["risk", "evaluation", "the", "monitoring", "KPI", "patients", "hospital", "đánh", "giá", "évaluation"];
    const paragraph = () =>
      Array.from({ length: 5 + Math.floor(random() * 20) }, () => words[Math.floor(random() * words.length)]).join(" ");
    for (let round = 0; round < 30; round++) {
      const old = Array.from({ length: 30 }, paragraph);
      const edited = old.flatMap((p) => {
        const r = random();
        if (r < 0.1) return [];
        if (r < 0.2) return [p, paragraph()];
        if (r < 0.35) return [p.replace(/\w+/, "changed")];
        return [p];
      });
      expect(rebuild(old.join("\n\n"), edited.join("\n\n"))).toBe(edited.join("\n\n"));
    }
  });

  it("compares two rewritten 100 KiB revisions line by line, then word by word, without holding the server", async () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const vocabulary =
      "the evaluation of risk monitoring KPI patients hospital triage validation evidence safety performance report quarterly".split(
        " ",
      );
    const paragraph = () =>
      Array.from({ length: 30 + Math.floor(random() * 30) }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(
        " ",
      );
    const text = () => Array.from({ length: 600 }, paragraph).join("\n\n");
    const oldText = text();
    const newText = text();
    expect(oldText.length).toBeGreaterThan(100 * 1024);
    // Most lines differ: far more edits than Myers' diff is allowed to look for.
    const sync = compareTexts(oldText, newText, { context: 1e9 });
    expect(sync.stats.linesRemoved).toBeGreaterThan(400);
    expect(rebuild(oldText, newText)).toBe(newText);
    const removed = sync.blocks.flatMap((b) =>
      b.kind === "change"
        ? b.segments.filter(([op]) => op !== 1).map(([, t]) => t)
        : b.kind === "same"
          ? [b.lines.join("\n")]
          : [],
    );
    expect(removed.join("")).toBe(oldText.replace(/\n/g, ""));

    // For a request: the same comparison, computed in slices with the event loop free in between,
    // and shared by concurrent requests.
    const other = text();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const [sliced, again] = await Promise.all([
      compareTextsInSlices(oldText, other, { context: 7 }),
      compareTextsInSlices(oldText, other, { context: 7 }),
    ]);
    clearInterval(ticker);
    expect(again).toBe(sliced);
    expect(ticks).toBeGreaterThan(0);
    // Computed afresh (Windows line endings are the same text, under another cache key).
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(compareTexts(oldText.replace(/\n/g, "\r\n"), other, { context: 7 })));
    expect(await compareTextsInSlices(oldText, other, { context: 7 })).toBe(sliced);
  });

  it("shows far-apart passages as replaced rather than as a confetti of words", () => {
    const { blocks } = compareTexts(
      "Alpha beta gamma delta epsilon zeta.",
      "Completely unrelated wording about quarterly reports.",
    );
    expect(blocks).toHaveLength(1);
    expect(blocks[0].kind === "change" && blocks[0].segments.map(([op]) => op)).toEqual([-1, 1]);
  });
});

describe("sections", () => {
  const body =
    "Preamble text.\n\n## Scope\n\nScope text.\n\n## Evidence\n\nEvidence text.\n\n> ## Quoted heading\n> inside a quote\n\n### Local validation\n\nLocal text.\n";

  it("lie between headings, with a preamble; headings inside quotes do not cut the text", () => {
    const { sections, html } = renderRevision(body, null);
    expect(sections.map((s) => [s.key, s.nested ?? false])).toEqual([
      ["scope", false],
      ["evidence", false],
      ["quoted-heading", true],
      ["local-validation", false],
    ]);
    expect(sectionRanges(body, sections).map((r) => r.key)).toEqual(["_preamble", "scope", "evidence", "local-validation"]);
    expect(sectionText(body, sections, "evidence")).toBe(
      "## Evidence\n\nEvidence text.\n\n> ## Quoted heading\n> inside a quote",
    );
    const parts = splitHtmlBySections(html, sections);
    expect(parts.map((p) => p.key)).toEqual(["_preamble", "scope", "evidence", "local-validation"]);
    expect(parts.map((p) => p.html).join("")).toBe(html);
    expect(parts[2].html).toContain("<blockquote>");
    expect(parts[2].html).toContain("</blockquote>");
    // Sections derived from a stored table of contents (no nesting known) cut the same way.
    const fromToc = sections.map(({ nested: _nested, ...rest }) => rest);
    expect(splitHtmlBySections(html, fromToc).map((p) => p.key)).toEqual(["_preamble", "scope", "evidence", "local-validation"]);
  });

  it("keep their keys when headings are reworded, moved around them, or duplicated", () => {
    const first = renderRevision(body, null);
    const reworded = renderRevision(
      body.replace("## Evidence", "## Evidence required").replace("## Scope", "## Scope of the framework"),
      first.sections,
    );
    expect(reworded.sections.map((s) => [s.key, s.id])).toEqual([
      ["scope", "scope-of-the-framework"],
      ["evidence", "evidence-required"],
      ["quoted-heading", "quoted-heading"],
      ["local-validation", "local-validation"],
    ]);
    // A new section called "Scope" does not steal the comments of the renamed one.
    const added = renderRevision(
      `## Scope\n\nNew.\n\n${body.replace("## Scope", "## Scope of the framework")}`,
      reworded.sections,
    );
    const keys = added.sections.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(added.sections.find((s) => s.id === "scope-of-the-framework")?.key).toBe("scope");
    expect(added.sections.find((s) => s.id === "scope")?.key).toBe("scope~2");
    // Replacing one section's text leaves the others as they were.
    const replaced = replaceSection(body, first.sections, "scope", "## Scope\n\nNarrower scope.");
    expect(replaced).toBe(body.replace("Scope text.", "Narrower scope."));
  });
});
