// Our markdown renderer's HTML as a tree of blocks, for comparing two versions of a document as
// readers see them (rendered-diff.server.ts): elements keep the markup they were written with,
// which is their identity in comparisons.

export interface Element {
  tag: string;
  open: string;
  close: string;
  children: Node[];
  /** The element's markup as it appears in the source: its identity in comparisons. */
  html: string;
}
export type Node = string | Element;

const VOID = new Set(["br", "hr", "img", "input", "wbr", "col"]);
/** Elements whose children are blocks (or rows, items): compared child by child. */
export const CONTAINERS = new Set(["ul", "ol", "table", "thead", "tbody", "tfoot", "tr", "blockquote", "div", "dl", "section"]);
export const BLOCKS = new Set([...CONTAINERS, "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "li", "hr", "dd", "dt"]);
const TOKEN = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|[^<]+|</g;

/** Parses our renderer's HTML into a tree (ids dropped: both texts are shown on one page). */
export function parse(source: string): Node[] {
  const html = source.replace(/ id="[^"]*"/g, "");
  const root: Element = { tag: "#root", open: "", close: "", children: [], html: "" };
  const stack: Array<{ element: Element; start: number }> = [{ element: root, start: 0 }];
  for (const match of html.matchAll(TOKEN)) {
    const token = match[0];
    const at = match.index ?? 0;
    const parent = stack[stack.length - 1].element;
    if (token.startsWith("<!--")) continue;
    const tag = match[1]?.toLowerCase();
    if (!tag) {
      parent.children.push(token === "<" ? "&lt;" : token);
      continue;
    }
    if (token.startsWith("</")) {
      // Close the nearest open element of that name (our renderer's markup is well formed).
      let index = stack.length - 1;
      while (index > 0 && stack[index].element.tag !== tag) index--;
      if (index <= 0) continue;
      while (stack.length > index) {
        const { element, start } = stack.pop()!;
        element.close = `</${element.tag}>`;
        element.html = stack.length === index ? html.slice(start, at + token.length) : html.slice(start, at) + element.close;
      }
      continue;
    }
    const element: Element = { tag, open: token, close: "", children: [], html: token };
    parent.children.push(element);
    if (!VOID.has(tag) && !token.endsWith("/>")) stack.push({ element, start: at });
  }
  // Unclosed elements (never from our renderer): close them where the text ends.
  while (stack.length > 1) {
    const { element, start } = stack.pop()!;
    element.close = `</${element.tag}>`;
    element.html = html.slice(start) + element.close;
  }
  return root.children;
}

export const isBlank = (node: Node) => typeof node === "string" && node.trim() === "";
export const keyOf = (node: Node) => (typeof node === "string" ? `#text ${node}` : node.html);

export function textOf(node: Node): string {
  if (typeof node === "string") return node;
  return node.children.map(textOf).join(" ");
}

export const serialize = (node: Node): string => (typeof node === "string" ? node : node.html);

export const countWords = (text: string) => (text.replace(/&[a-z0-9#]+;/gi, " ").match(/[\p{L}\p{N}]+/gu) ?? []).length;

export function hasBlockChildren(element: Element) {
  return element.children.some((child) => typeof child !== "string" && BLOCKS.has(child.tag));
}
