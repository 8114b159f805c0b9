// The one markdown renderer of the site. Markdown is rendered when it is written and the HTML is
// stored next to its source; pages serve the stored HTML.
import MarkdownIt from "markdown-it";

export interface TocEntry {
  level: number;
  id: string;
  text: string;
}

export interface Rendered {
  html: string;
  toc: TocEntry[];
}

const SAFE_SCHEME = /^(https?:|mailto:)/i;

/** Links may be web or mail addresses, or relative to the site; every other scheme is refused. */
export function isSafeLink(url: string): boolean {
  // markdown-it has already normalised entities and percent-encoding here.
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return SAFE_SCHEME.test(trimmed);
  // Protocol-relative links would leave the site with whatever scheme the page has: allowed,
  // but they count as external below.
  return true;
}

function isExternal(url: string): boolean {
  return /^(https?:)?\/\//i.test(url.trim());
}

/** A heading id made from its text: lower case, accents removed (đ folded by hand), dashes. */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

function createRenderer() {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.validateLink = isSafeLink;

  const defaultLinkOpen =
    md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const href = String(token.attrGet("href") ?? "");
    if (isExternal(href)) token.attrSet("rel", "nofollow ugc noopener");
    return defaultLinkOpen(tokens, idx, options, env, self);
  };

  // Headings get stable, unique anchors and feed the table of contents.
  md.core.ruler.push("heading_anchors", (state) => {
    const env = state.env as { toc?: TocEntry[]; usedIds?: Set<string> };
    env.toc ??= [];
    env.usedIds ??= new Set();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.type !== "heading_open") continue;
      const inline = tokens[i + 1];
      const text = inline?.children?.map((child) => child.content).join("") ?? "";
      const base = slugify(text) || "section";
      let id = base;
      for (let n = 2; env.usedIds.has(id); n++) id = `${base}-${n}`;
      env.usedIds.add(id);
      token.attrSet("id", id);
      env.toc.push({ level: Number(token.tag.slice(1)), id, text });
    }
  });

  // Tables scroll on their own on a phone instead of widening the page.
  md.renderer.rules.table_open = () => '<div class="table-scroll"><table>\n';
  md.renderer.rules.table_close = () => "</table></div>\n";
  return md;
}

const renderer = createRenderer();

export function renderMarkdown(source: string): Rendered {
  const env: { toc?: TocEntry[] } = {};
  const html = renderer.render(source, env);
  return { html, toc: env.toc ?? [] };
}
