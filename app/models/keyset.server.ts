// Keyset pagination: a list query asks for one row more than a page; that extra row tells whether
// there is a next page, which starts after the last row shown.

/** The first `size` rows, and the cursor of the next page (from the last row shown) when there is one. */
export function keysetPage<T, C>(rows: T[], size: number, cursorOf: (row: T) => C): { items: T[]; next: C | null } {
  const items = rows.slice(0, size);
  return { items, next: rows.length > size ? cursorOf(items[items.length - 1]) : null };
}
