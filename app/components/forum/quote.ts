/** A quotation of (part of) a post in markdown, credited and linked to its permalink. */
export function quoteMarkdown(name: string, permalink: string, text: string): string {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .trim()
    .split("\n")
    .map((line) => (line.trim() ? `> ${line}` : ">"));
  return `> **${name.replace(/[*_[\]]/g, "")}** — [#${permalink.split("#post-")[1] ?? ""}](${permalink}):\n${lines.join("\n")}\n\n`;
}
