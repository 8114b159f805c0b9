// The shapes of search results, shared by the engine, the search page and its components.

export interface SearchFilters {
  kinds?: string[];
  categoryId?: number;
  groupId?: number;
  authorId?: number;
  from?: string;
  to?: string;
  language?: string;
}

export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** A matching part of a result: a section of a document, a reply in a topic. */
export interface SearchMatch {
  url: string;
  /** The section's heading (empty for a reply: it has no title of its own). */
  title: SnippetPart[];
  snippet: SnippetPart[];
  createdAt: string;
}

export interface SearchTranslation {
  url: string;
  title: string;
  language: string | null;
}

/** One result: a document, topic, group, member …, with its best matching parts beneath it. */
export interface SearchHit {
  kind: string;
  url: string;
  title: SnippetPart[];
  /** From the entry itself when it matches; empty when only its parts do. */
  snippet: SnippetPart[];
  place: string;
  createdAt: string;
  language: string | null;
  /** Up to MATCHES_PER_RESULT best matching sections or replies. */
  matches: SearchMatch[];
  /** How many more of its parts match. */
  moreMatches: number;
  /** Translations the visitor may read (documents). */
  translations: SearchTranslation[];
}
