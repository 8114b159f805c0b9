// A comparison of two texts, inline (removed and added words in one flow) or side by side.
// Removed text is struck through and added text underlined, and each carries a hidden label, so
// the difference never rests on colour alone.
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { Comparison, DiffBlock, Segment } from "~/services/documents/diff.server";
import type { RenderedComparison } from "~/services/documents/rendered-diff.server";
import { useSite } from "~/utils/use-site";

type Side = "old" | "new" | "both";

function Segments({ segments, side }: { segments: Segment[]; side: Side }) {
  const { t } = useTranslation();
  // Looked up once: a long comparison has thousands of marks.
  const removedMark = t("documents.diff.removedMark");
  const addedMark = t("documents.diff.addedMark");
  return (
    <>
      {segments.map(([op, text], i) => {
        if (op === 0) return <Fragment key={i}>{text}</Fragment>;
        if (op === -1) {
          if (side === "new") return null;
          return (
            <del key={i} className="diff-del">
              <span className="visually-hidden">{removedMark}</span>
              {text}
            </del>
          );
        }
        if (side === "old") return null;
        // A space between a deletion and the insertion after it: read (and copied) as two words.
        const afterDeletion = side === "both" && i > 0 && segments[i - 1][0] === -1;
        return (
          <Fragment key={i}>
            {afterDeletion ? " " : null}
            <ins className="diff-ins">
              <span className="visually-hidden">{addedMark}</span>
              {text}
            </ins>
          </Fragment>
        );
      })}
    </>
  );
}

function Skip({ block }: { block: Extract<DiffBlock, { kind: "skip" }> }) {
  const { t } = useTranslation();
  const { number } = useSite();
  return (
    <div className="diff-skip" role="note">
      {t("documents.diff.unchangedLines", {
        count: block.count,
        formatted: number(block.count),
      })}
    </div>
  );
}

function InlineView({ blocks }: { blocks: DiffBlock[] }) {
  const { t } = useTranslation();
  return (
    <div className="diff diff--inline">
      {blocks.map((block, i) => {
        if (block.kind === "skip") return <Skip key={i} block={block} />;
        if (block.kind === "same") {
          return (
            <pre key={i} className="diff-same">
              {block.lines.join("\n")}
            </pre>
          );
        }
        return (
          <div key={i} className="diff-change">
            <p className="diff-change__where">
              {t("documents.diff.lines", {
                from: block.newStart + 1,
                to: block.newStart + Math.max(block.newCount, 1),
              })}
            </p>
            <pre>
              <Segments segments={block.segments} side="both" />
            </pre>
          </div>
        );
      })}
    </div>
  );
}

function SplitView({ blocks, oldLabel, newLabel }: { blocks: DiffBlock[]; oldLabel: string; newLabel: string }) {
  return (
    <div className="diff diff--split" role="table" aria-label={`${oldLabel} / ${newLabel}`}>
      <div className="diff-row diff-row--head" role="row">
        <div role="columnheader">{oldLabel}</div>
        <div role="columnheader">{newLabel}</div>
      </div>
      {blocks.map((block, i) => {
        if (block.kind === "skip") {
          return (
            <div key={i} className="diff-row" role="row">
              <div role="cell" className="diff-cell--full">
                <Skip block={block} />
              </div>
            </div>
          );
        }
        if (block.kind === "same") {
          const text = block.lines.join("\n");
          return (
            <div key={i} className="diff-row" role="row">
              <pre role="cell" className="diff-same">
                {text}
              </pre>
              <pre role="cell" className="diff-same">
                {text}
              </pre>
            </div>
          );
        }
        return (
          <div key={i} className="diff-row diff-row--change" role="row">
            <pre role="cell" className="diff-old">
              <Segments segments={block.segments} side="old" />
            </pre>
            <pre role="cell" className="diff-new">
              <Segments segments={block.segments} side="new" />
            </pre>
          </div>
        );
      })}
    </div>
  );
}

export function DiffStats({ stats }: { stats: Comparison["stats"] }) {
  const { t } = useTranslation();
  return (
    <p className="diff-stats">
      <span className="diff-stats__added">{t("documents.diff.wordsAdded", { count: stats.wordsAdded })}</span> ·{" "}
      <span className="diff-stats__removed">{t("documents.diff.wordsRemoved", { count: stats.wordsRemoved })}</span> ·{" "}
      {t("documents.diff.linesChanged", {
        count: Math.max(stats.linesAdded, stats.linesRemoved),
      })}
    </p>
  );
}

export function DiffView({
  comparison,
  view,
  oldLabel,
  newLabel,
}: {
  comparison: Comparison;
  view: "inline" | "split";
  oldLabel: string;
  newLabel: string;
}) {
  const { t } = useTranslation();
  if (comparison.identical) return <p className="empty-state">{t("documents.diff.identical")}</p>;
  return view === "split" ? (
    <SplitView blocks={comparison.blocks} oldLabel={oldLabel} newLabel={newLabel} />
  ) : (
    <InlineView blocks={comparison.blocks} />
  );
}

/** Two small texts compared word by word (a proposal, a conflicting part). */
export function SegmentsView({ segments }: { segments: Segment[] }) {
  return (
    <pre className="diff-snippet">
      <Segments segments={segments} side="both" />
    </pre>
  );
}

const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * Our comparison markup with the hidden "removed:"/"added:" labels of the reader's language (the
 * comparison itself is cached for every language), and table regions named after their side.
 */
function labelled(html: string, marks: { removed: string; added: string }, side?: string) {
  let out = html
    .replaceAll(
      '<del class="diff-del">',
      `<del class="diff-del"><span class="visually-hidden">${escapeAttribute(marks.removed)}</span>`,
    )
    .replaceAll(
      '<ins class="diff-ins">',
      `<ins class="diff-ins"><span class="visually-hidden">${escapeAttribute(marks.added)}</span>`,
    );
  if (side) out = out.replaceAll(' aria-label="', ` aria-label="${escapeAttribute(side)}: `);
  return out;
}

function UnchangedBlocks({ count }: { count: number }) {
  const { t } = useTranslation();
  const { number } = useSite();
  return (
    <div className="diff-skip" role="note">
      {t("documents.diff.unchangedBlocks", { count, formatted: number(count) })}
    </div>
  );
}

export function RenderedDiffStats({ stats }: { stats: RenderedComparison["stats"] }) {
  const { t } = useTranslation();
  return (
    <p className="diff-stats">
      <span className="diff-stats__added">{t("documents.diff.wordsAdded", { count: stats.wordsAdded })}</span> ·{" "}
      <span className="diff-stats__removed">{t("documents.diff.wordsRemoved", { count: stats.wordsRemoved })}</span> ·{" "}
      {t("documents.diff.blocksChanged", { count: stats.blocksChanged })}
    </p>
  );
}

/**
 * Two versions of a document compared as rendered: headings, lists and tables as such, changed
 * words marked inside them; inline (one flow) or side by side.
 */
export function RenderedDiffView({
  comparison,
  view,
  oldLabel,
  newLabel,
}: {
  comparison: RenderedComparison;
  view: "inline" | "split";
  oldLabel: string;
  newLabel: string;
}) {
  const { t } = useTranslation();
  if (comparison.identical) return <p className="empty-state">{t("documents.diff.identical")}</p>;
  const marks = {
    removed: t("documents.diff.removedMark"),
    added: t("documents.diff.addedMark"),
  };
  if (view === "inline") {
    return (
      <div className="diff diff--inline diff--rendered">
        {comparison.blocks.map((block, i) => {
          if (block.kind === "skip") return <UnchangedBlocks key={i} count={block.count} />;
          if (block.kind === "same")
            return <div key={i} className="prose diff-same" dangerouslySetInnerHTML={{ __html: block.html }} />;
          return <div key={i} className="prose diff-change" dangerouslySetInnerHTML={{ __html: labelled(block.html, marks) }} />;
        })}
      </div>
    );
  }
  return (
    <div className="diff diff--split diff--rendered" role="table" aria-label={`${oldLabel} / ${newLabel}`}>
      <div className="diff-row diff-row--head" role="row">
        <div role="columnheader">{oldLabel}</div>
        <div role="columnheader">{newLabel}</div>
      </div>
      {comparison.blocks.map((block, i) => {
        if (block.kind === "skip") {
          return (
            <div key={i} className="diff-row" role="row">
              <div role="cell" className="diff-cell--full">
                <UnchangedBlocks count={block.count} />
              </div>
            </div>
          );
        }
        const before = block.kind === "same" ? labelled(block.html, marks, oldLabel) : labelled(block.before, marks, oldLabel);
        const after = block.kind === "same" ? block.html : labelled(block.after, marks);
        return (
          <div key={i} className={block.kind === "change" ? "diff-row diff-row--change" : "diff-row"} role="row">
            <div role="cell" className="prose diff-old" dangerouslySetInnerHTML={{ __html: before }} />
            <div role="cell" className="prose diff-new" dangerouslySetInnerHTML={{ __html: after }} />
          </div>
        );
      })}
    </div>
  );
}

/** The parts of two texts that overlap, side by side: each side as changed from their common base. */
export function ConflictParts({
  parts,
  heading: Heading,
  labels,
}: {
  parts: Array<[Segment[], Segment[]]>;
  heading: "h3" | "h4";
  labels: [string, string];
}) {
  return (
    <ol className="conflict-parts">
      {parts.map(([left, right], i) => (
        <li key={i} className="conflict-part">
          <div className="conflict-part__grid">
            <div>
              <Heading>{labels[0]}</Heading>
              <SegmentsView segments={left} />
            </div>
            <div>
              <Heading>{labels[1]}</Heading>
              <SegmentsView segments={right} />
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
