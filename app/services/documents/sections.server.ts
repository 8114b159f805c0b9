// Sections of a draft: where each heading's text lies in the markdown source, and the stable key
// each section keeps from revision to revision, so that comments and proposals stay attached when
// a heading is reworded.
import MarkdownIt from "markdown-it";
import { renderMarkdown, type TocEntry } from "~/utils/markdown.server";

/** A section of one revision: its stable key, its heading anchor in that revision, level and title. */
export interface SectionInfo {
  key: string;
  id: string;
  level: number;
  title: string;
  /** A heading inside a block quote or a list: its text is not split out as a section of its own. */
  nested?: boolean;
}

export interface SectionRange extends SectionInfo {
  /** Lines [start, end) of the source: the heading line through the line before the next heading. */
  start: number;
  end: number;
}

/** The text before the first heading, and the document as a whole, have fixed keys. */
export const PREAMBLE_KEY = "_preamble";
export const DOCUMENT_KEY = "_document";

// Parses only (no rendering): finds the source lines of the headings the shared renderer anchors.
const parser = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

export function normalizeSource(source: string): string {
  return source.replace(/\r\n?/g, "\n");
}

interface HeadingLine {
  line: number;
  level: number;
  nested: boolean;
}

function headingLines(source: string): HeadingLine[] {
  const tokens = parser.parse(source, {});
  const out: HeadingLine[] = [];
  for (const token of tokens) {
    if (token.type !== "heading_open") continue;
    out.push({ line: token.map?.[0] ?? 0, level: Number(token.tag.slice(1)), nested: token.level > 0 });
  }
  return out;
}

/**
 * Gives each heading of `toc` a stable key, carried over from `previous` (the parent revision's
 * sections): the same anchor keeps its key; a heading whose text changed keeps the key of the
 * heading it replaced in place (same level, between the same unchanged neighbours); a new heading
 * takes its anchor as key (made unique).
 */
export function assignSectionKeys(toc: TocEntry[], previous: SectionInfo[] | null): SectionInfo[] {
  const keys: Array<string | undefined> = new Array(toc.length);
  const oldIndexOf: Array<number | undefined> = new Array(toc.length);
  if (previous?.length) {
    const oldById = new Map<string, number>();
    previous.forEach((section, index) => {
      if (!oldById.has(section.id)) oldById.set(section.id, index);
    });
    const usedOld = new Set<number>();
    toc.forEach((entry, i) => {
      const index = oldById.get(entry.id);
      if (index !== undefined && !usedOld.has(index)) {
        usedOld.add(index);
        keys[i] = previous[index].key;
        oldIndexOf[i] = index;
      }
    });
    // Reworded headings: pair the unmatched ones lying between the same matched neighbours.
    let lastOld = -1;
    for (let i = 0; i < toc.length; i++) {
      if (oldIndexOf[i] !== undefined) {
        lastOld = Math.max(lastOld, oldIndexOf[i]!);
        continue;
      }
      let nextOld = previous.length;
      for (let j = i + 1; j < toc.length; j++) {
        if (oldIndexOf[j] !== undefined) {
          nextOld = oldIndexOf[j]!;
          break;
        }
      }
      for (let k = lastOld + 1; k < nextOld; k++) {
        if (!usedOld.has(k) && previous[k].level === toc[i].level) {
          usedOld.add(k);
          keys[i] = previous[k].key;
          oldIndexOf[i] = k;
          lastOld = k;
          break;
        }
      }
    }
  }
  const taken = new Set(keys.filter((key): key is string => key !== undefined));
  return toc.map((entry, i) => {
    let key = keys[i];
    if (key === undefined) {
      key = entry.id;
      for (let n = 2; taken.has(key); n++) key = `${entry.id}~${n}`;
      taken.add(key);
    }
    return { key, id: entry.id, level: entry.level, title: entry.text };
  });
}

export interface RenderedRevision {
  body: string;
  html: string;
  toc: TocEntry[];
  sections: SectionInfo[];
}

/** Renders a revision's source and keys its sections against its parent's. */
export function renderRevision(source: string, parentSections: SectionInfo[] | null): RenderedRevision {
  const body = normalizeSource(source);
  const { html, toc } = renderMarkdown(body);
  const headings = headingLines(body);
  const sections = assignSectionKeys(toc, parentSections).map((section, i) =>
    headings[i]?.nested ? { ...section, nested: true } : section,
  );
  return { body, html, toc, sections };
}

/**
 * The sections of a revision: stored with it, or — for revisions imported with a published
 * version — keyed by their anchors, from the stored table of contents when there is one (pages
 * never render markdown), else from the source.
 */
export function sectionsOf(revision: { sections: string | null; body_md: string; toc?: TocEntry[] | null }): SectionInfo[] {
  if (revision.sections) return JSON.parse(revision.sections) as SectionInfo[];
  if (revision.toc) return assignSectionKeys(revision.toc, null);
  return renderRevision(revision.body_md, null).sections;
}

/** Where each section's text lies in the source (only top-level headings split the text). */
export function sectionRanges(source: string, sections: SectionInfo[]): SectionRange[] {
  const body = normalizeSource(source);
  const lines = body.split("\n");
  const headings = headingLines(body);
  const ranges: SectionRange[] = [];
  const firstLine = headings.find((h) => !h.nested)?.line ?? lines.length;
  if (firstLine > 0 && lines.slice(0, firstLine).some((line) => line.trim())) {
    ranges.push({ key: PREAMBLE_KEY, id: "", level: 0, title: "", start: 0, end: firstLine });
  }
  const top = sections
    .map((section, i) => ({ section, heading: headings[i] }))
    .filter((entry) => entry.heading && !entry.heading.nested);
  top.forEach(({ section, heading }, i) => {
    const end = i + 1 < top.length ? top[i + 1].heading.line : lines.length;
    ranges.push({ ...section, start: heading.line, end });
  });
  return ranges;
}

/** The source text of one section (without trailing blank lines), or undefined if it has none. */
export function sectionText(source: string, sections: SectionInfo[], key: string): string | undefined {
  const range = sectionRanges(source, sections).find((r) => r.key === key);
  if (!range) return undefined;
  return normalizeSource(source).split("\n").slice(range.start, range.end).join("\n").replace(/\s+$/, "");
}

/** The source with one section's text replaced (a blank line kept before the next section). */
export function replaceSection(source: string, sections: SectionInfo[], key: string, replacement: string): string | undefined {
  const body = normalizeSource(source);
  const range = sectionRanges(body, sections).find((r) => r.key === key);
  if (!range) return undefined;
  const lines = body.split("\n");
  const text = normalizeSource(replacement).replace(/\s+$/, "");
  const after = lines.slice(range.end);
  const replaced = [
    ...lines.slice(0, range.start),
    ...(text ? text.split("\n") : []),
    ...(after.length && text ? [""] : []),
    ...after,
  ];
  return replaced.join("\n");
}

export interface HtmlSection {
  key: string;
  id: string;
  title: string;
  level: number;
  html: string;
}

/**
 * Cuts stored HTML at its top-level headings (which the renderer writes as `<hN id="…">` at the
 * start of a line), so each section can be shown with its comments. No markdown is rendered.
 */
export function splitHtmlBySections(html: string, sections: SectionInfo[]): HtmlSection[] {
  const cuts: Array<{ at: number; section: SectionInfo }> = [];
  let from = 0;
  // Headings inside a quote, a list or a table stay with the section they are in: cutting there
  // would split an element in two.
  let depth = 0;
  let scanned = 0;
  const containers = /<(\/?)(blockquote|li|table)\b/g;
  for (const section of sections) {
    if (section.nested) continue;
    const marker = `<h${section.level} id="${section.id}">`;
    const at = html.indexOf(marker, from);
    if (at < 0) continue;
    containers.lastIndex = scanned;
    for (let match = containers.exec(html); match && match.index < at; match = containers.exec(html)) depth += match[1] ? -1 : 1;
    scanned = at;
    from = at + marker.length;
    if (depth > 0) continue;
    cuts.push({ at, section });
  }
  const out: HtmlSection[] = [];
  const preamble = html.slice(0, cuts[0]?.at ?? html.length);
  if (preamble.trim()) out.push({ key: PREAMBLE_KEY, id: "", title: "", level: 0, html: preamble });
  cuts.forEach((cut, i) => {
    out.push({
      key: cut.section.key,
      id: cut.section.id,
      title: cut.section.title,
      level: cut.section.level,
      html: html.slice(cut.at, i + 1 < cuts.length ? cuts[i + 1].at : html.length),
    });
  });
  return out;
}
