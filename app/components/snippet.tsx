import type { SnippetPart } from "~/utils/search/types";

/** Text with the matched words marked, rendered without any HTML from the index. */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <>{parts.map((part, index) => (part.mark ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}</>
  );
}
