import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readForm } from "~/utils/form.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { isCalendarDate } from "~/schemas/primitives";

const status = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 200;
  } catch (thrown) {
    return (thrown as { init?: { status?: number } }).init?.status ?? 500;
  }
};

const request = (type: string | null, body: string) =>
  new Request("http://localhost/x", { method: "POST", headers: type ? { "content-type": type } : {}, body });

describe("readForm", () => {
  it("reads url-encoded and multipart forms", async () => {
    expect((await readForm(request("application/x-www-form-urlencoded", "a=1&a=2"))).getAll("a")).toEqual(["1", "2"]);
    const multipart = new Request("http://localhost/x", {
      method: "POST",
      body: (() => {
        const f = new FormData();
        f.set("b", "é");
        return f;
      })(),
    });
    expect((await readForm(multipart)).get("b")).toBe("é");
  });

  it("answers 415 for a body that is not a form and 400 for a broken one", async () => {
    expect(await status(readForm(request("text/plain", "a=1")))).toBe(415);
    expect(await status(readForm(request("application/json", "{}")))).toBe(415);
    expect(await status(readForm(request(null, "a=1")))).toBe(415);
    expect(await status(readForm(request("multipart/form-data", "a")))).toBe(400);
    expect(await status(readForm(request("multipart/form-data; boundary=zz", "--zz\r\nbroken")))).toBe(400);
  });

  it("is the only way routes read a form", () => {
    const dir = path.resolve(__dirname, "../../app/routes");
    // Route folders (app/routes/<name>/route.tsx and their handlers) count too.
    const files = fs
      .readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((file) => fs.statSync(path.join(dir, file)).isFile());
    const offenders = files.filter((file) => /\.formData\(\)/.test(fs.readFileSync(path.join(dir, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("redirect targets in a Location header", () => {
  it("are percent-encoded where a Location header cannot carry them, and encoded paths stay as they are", () => {
    expect(safeRedirect("/forums/€?q=a b")).toBe("/forums/%E2%82%AC?q=a%20b");
    expect(safeRedirect("/search?q=%E2%82%AC#x")).toBe("/search?q=%E2%82%AC#x");
    expect(safeRedirect("/x\uD800")).toBe("/x%EF%BF%BD");
    expect(() => new Headers({ location: safeRedirect("/ụ\u{1F600}") })).not.toThrow();
  });
});

describe("isCalendarDate", () => {
  it("accepts days that exist only", () => {
    expect(isCalendarDate("2026-11-29")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    for (const value of ["2026-13-45", "2026-02-31", "2027-02-29", "0000-00-00", "2026-1-1", "99999-01-01", ""])
      expect(isCalendarDate(value), value).toBe(false);
  });
});
