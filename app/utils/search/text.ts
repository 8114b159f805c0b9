// Text as the search index sees it: folded for matching (case, accents, đ) and plain text from
// stored HTML. Isomorphic and engine-free: the index, the query parser and the snippets share it.

/**
 * Folds text for matching: lower case, accents removed, and đ/Đ (which have no Unicode
 * decomposition) turned into d. Character by character, so a folded string has the same length
 * as its original and positions found in one are valid in the other.
 */
export function fold(text: string): string {
  let out = "";
  for (const char of text) {
    if (char === "đ" || char === "Đ") {
      out += "d";
      continue;
    }
    const base = char
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
    out += base.length === char.length ? base : char.toLowerCase().length === char.length ? char.toLowerCase() : char;
  }
  return out;
}

/** Plain text from stored HTML: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<\/(p|h[1-6]|li|tr|pre|blockquote|div)>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (entity, code: string) => {
      const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
      if (named[code.toLowerCase()]) return named[code.toLowerCase()];
      const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : entity;
    })
    .replace(/[ \t\r\f\v]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}
