// keysetPage (app/models/keyset.server.ts): a page of rows and where the next one starts.
import { describe, expect, it } from "vitest";
import { keysetPage } from "~/models/keyset.server";

describe("keysetPage", () => {
  const rows = [{ at: "c" }, { at: "b" }, { at: "a" }];

  it("shows a page and points the next one after its last row when the query found one row more", () => {
    expect(keysetPage(rows, 2, (row) => row.at)).toEqual({ items: [{ at: "c" }, { at: "b" }], next: "b" });
  });

  it("has no next page when the rows fit", () => {
    expect(keysetPage(rows, 3, (row) => row.at)).toEqual({ items: rows, next: null });
    expect(keysetPage([], 3, (row: { at: string }) => row.at)).toEqual({ items: [], next: null });
  });
});
