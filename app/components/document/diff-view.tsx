// A comparison of two texts, inline (removed and added words in one flow) or side by side.
// Removed text is struck through and added text underlined, and each carries a hidden label, so
// the difference never rests on colour alone.
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { Comparison, DiffBlock, Segment } from "~/services/document-diff.server";
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
        return (
          <ins key={i} className="diff-ins">
            <span className="visually-hidden">{addedMark}</span>
            {text}
          </ins>
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
      {t("documents.diff.unchangedLines", { count: block.count, formatted: number(block.count) })}
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
              {t("documents.diff.lines", { from: block.newStart + 1, to: block.newStart + Math.max(block.newCount, 1) })}
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
      {t("documents.diff.linesChanged", { count: Math.max(stats.linesAdded, stats.linesRemoved) })}
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
  return view === "split" ? <SplitView blocks={comparison.blocks} oldLabel={oldLabel} newLabel={newLabel} /> : <InlineView blocks={comparison.blocks} />;
}

/** Two small texts compared word by word (a proposal, a conflicting part). */
export function SegmentsView({ segments }: { segments: Segment[] }) {
  return (
    <pre className="diff-snippet">
      <Segments segments={segments} side="both" />
    </pre>
  );
}
