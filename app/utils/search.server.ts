// Search: the modules of app/utils/search/ are the only ones that know the index is SQLite FTS5.
// Everything else talks to them through indexEntry / removeEntry / search / rebuild, so another
// engine (PostgreSQL full-text search) can replace them alone:
// - text.ts: folding and plain text from HTML;
// - entries.server.ts: writing the index (one entry, a bulk load, removal);
// - query.ts: parsing what was typed into FTS expressions;
// - snippet.ts: the marked windows of text results show;
// - engine.server.ts: the ranking query and the page of results;
// - types.ts: the shapes of results.
// This module gathers them under their former name.
export * from "./search/engine.server";
export * from "./search/entries.server";
export * from "./search/query";
export * from "./search/snippet";
export * from "./search/text";
export type * from "./search/types";
