// The one reader of the Cookie header (app/utils/request-cookies.server.ts).
import { describe, expect, it } from "vitest";
import { readCookies, readSessionCookie } from "~/utils/request-cookies.server";

describe("readSessionCookie", () => {
  it("finds one session cookie wherever it stands and however the pairs are separated", () => {
    for (const header of [
      "cop_session=abc",
      "a=1;cop_session=abc",
      "a=1; cop_session=abc; b=2",
      "cop_session=abc;",
      "cop_session=abc; ",
      "  cop_session=abc",
      "lang=vi;cop_session=abc;theme=dark",
    ]) {
      expect(readSessionCookie(header), header).toEqual({ kind: "one", id: "abc" });
    }
  });

  it("sees no session where there is none", () => {
    for (const header of [undefined, null, "", "lang=vi", "xcop_session=abc", "cop_sessionx=abc", "cop_session_old=abc", ";;"]) {
      expect(readSessionCookie(header), String(header)).toEqual({ kind: "none" });
    }
  });

  it("calls ambiguous two session cookies in any order, even equal ones", () => {
    for (const header of [
      "cop_session=a; cop_session=b",
      "cop_session=b;cop_session=a",
      "x=1; cop_session=a; y=2; cop_session=b",
      "cop_session=a; cop_session=a",
    ]) {
      expect(readSessionCookie(header), header).toEqual({ kind: "ambiguous" });
    }
  });

  it("calls ambiguous a session cookie spelled another way: encoded, in other case, alone or beside the real one", () => {
    for (const header of [
      "cop%5Fsession=a",
      "cop%5fsession=a",
      "%63op_session=a",
      "%63%6F%70%5F%73%65%73%73%69%6F%6E=a",
      "COP_SESSION=a",
      "Cop_Session=a",
      "cop_session=a; cop%5Fsession=b",
      "cop%5Fsession=b; cop_session=a",
      "cop_session=a; COP_SESSION=b",
    ]) {
      expect(readSessionCookie(header), header).toEqual({ kind: "ambiguous" });
    }
  });
});

describe("readCookies", () => {
  it("reads cookies with the first of duplicates winning, values decoded", () => {
    expect(readCookies("lang=vi; lang=fr")).toEqual({ lang: "vi" });
    expect(readCookies("a=%C3%A9")).toEqual({ a: "é" });
    expect(readCookies(null)).toEqual({});
  });
});
