// How much of a search the site reads: shared by the search forms (maxLength) and the server.

/** Longer queries are cut (and the page says so). */
export const MAX_QUERY_LENGTH = 300;
/** A username is at most 30 characters; the author filter reads a little more (an "@" and spaces). */
export const MAX_AUTHOR_LENGTH = 40;
