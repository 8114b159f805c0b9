// Who may find an entry, from the visibility of what it belongs to.
import type { SearchAccess } from "~db/tables/search";

/** Meetings, decisions and documents of a private group are found by its members; the rest by anyone. */
export const groupAccess = (visibility: string): SearchAccess => (visibility === "private" ? "group" : "public");

/** A forum space's posts: public, members only, or (a private group's space) its members. */
export function categoryAccess(visibility: string): SearchAccess {
  return visibility === "private" ? "group" : visibility === "members" ? "members" : "public";
}
