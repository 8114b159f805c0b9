// The one markdown renderer of the site. Markdown is rendered when it is written and the HTML is
// stored next to its source; pages serve the stored HTML.
import MarkdownIt from "markdown-it";
import { memberPath } from "./paths";

export interface TocEntry {
  level: number;
  id: string;
  text: string;
}

export interface Rendered {
  html: string;
  toc: TocEntry[];
  /** Usernames mentioned with @username that exist (lower case, each once, in order of appearance). */
  mentions: string[];
}

export interface RenderOptions {
  /** Usernames that exist: `@username` becomes a link to their profile only for these. */
  mentions?: ReadonlySet<string> | ((username: string) => boolean);
}

// A mention: @ not preceded by a word character, dot, @ or slash (so e-mail addresses and paths
// are left alone), then a username as the join form accepts it.
const MENTION = /(^|[^\p{L}\p{N}_.@/])@([a-z0-9][a-z0-9._-]{2,29})/giu;

/** The usernames a text may mention (lower case, each once): to look up before rendering. */
export function mentionCandidates(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(MENTION)) {
    let name = match[2].toLowerCase();
    found.add(name);
    // "@ravi." or "@ravi-": the punctuation may end the sentence rather than the name.
    while (/[._-]$/.test(name)) {
      name = name.slice(0, -1);
      if (name.length >= 3) found.add(name);
    }
  }
  return [...found];
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

  // @username mentions of existing members link to their profile (never inside links or code).
  md.core.ruler.push("mentions", (state) => {
    const env = state.env as { isMember?: (name: string) => boolean; mentioned?: string[] };
    const isMember = env.isMember;
    if (!isMember) return;
    env.mentioned ??= [];
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const children: typeof block.children = [];
      let linkDepth = 0;
      for (const token of block.children) {
        if (token.type === "link_open") linkDepth++;
        if (token.type === "link_close") linkDepth--;
        if (token.type !== "text" || linkDepth > 0 || !token.content.includes("@")) {
          children.push(token);
          continue;
        }
        const text = token.content;
        let last = 0;
        for (const match of text.matchAll(MENTION)) {
          let name = match[2];
          while (!isMember(name.toLowerCase()) && /[._-]$/.test(name) && name.length > 3) name = name.slice(0, -1);
          const username = name.toLowerCase();
          if (!isMember(username)) continue;
          const at = (match.index ?? 0) + match[1].length;
          if (at > last) {
            const before = new state.Token("text", "", 0);
            before.content = text.slice(last, at);
            children.push(before);
          }
          const open = new state.Token("link_open", "a", 1);
          open.attrs = [
            ["href", memberPath(username)],
            ["class", "mention"],
          ];
          const label = new state.Token("text", "", 0);
          label.content = `@${name}`;
          const close = new state.Token("link_close", "a", -1);
          children.push(open, label, close);
          if (!env.mentioned.includes(username)) env.mentioned.push(username);
          last = at + 1 + name.length;
        }
        if (last === 0) {
          children.push(token);
        } else if (last < text.length) {
          const rest = new state.Token("text", "", 0);
          rest.content = text.slice(last);
          children.push(rest);
        }
      }
      block.children = children;
    }
  });

  // Tables scroll on their own on a phone instead of widening the page. A region that scrolls must
  // be reachable by keyboard (WCAG 2.1.1), so it is focusable, and a named region (a <section> with
  // a label) named after its column headings, unique within the text as landmarks must be.
  md.renderer.rules.table_open = (tokens, idx, _options, env) => {
    const state = env as { tableLabels?: Set<string> };
    state.tableLabels ??= new Set();
    const base = tableLabel(tokens, idx) || "Table";
    let label = base;
    for (let n = 2; state.tableLabels.has(label); n++) label = `${base} (${n})`;
    state.tableLabels.add(label);
    return `<section class="table-scroll" tabindex="0" aria-label="${md.utils.escapeHtml(label)}"><table>\n`;
  };
  md.renderer.rules.table_close = () => "</table></section>\n";
  return md;
}

/** The text of a table's header cells, from the tokens after its table_open. */
function tableLabel(tokens: ReturnType<InstanceType<typeof MarkdownIt>["parse"]>, open: number): string {
  const cells: string[] = [];
  for (let i = open + 1; i < tokens.length && tokens[i].type !== "thead_close" && tokens[i].type !== "tbody_open"; i++) {
    if (tokens[i].type === "inline") cells.push(tokens[i].children?.map((child) => child.content).join("") ?? tokens[i].content);
  }
  const text = cells.filter(Boolean).join(", ");
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

const renderer = createRenderer();

export function renderMarkdown(source: string, options: RenderOptions = {}): Rendered {
  const known = options.mentions;
  const isMember = known === undefined ? undefined : typeof known === "function" ? known : (name: string) => known.has(name);
  const env: { toc?: TocEntry[]; isMember?: (name: string) => boolean; mentioned?: string[] } = { isMember };
  const html = renderer.render(source, env);
  return { html, toc: env.toc ?? [], mentions: env.mentioned ?? [] };
}
