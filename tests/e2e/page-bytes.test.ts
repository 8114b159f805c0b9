// Pages reach clients as valid UTF-8 without a single NUL byte, rendered or answered from the page
// cache (whose entries are bytes cut and spliced at each response's CSP nonce), in every language.
import { describe, expect, inject, it } from "vitest";
import { sessionCookieFor } from "./support/session";

const baseUrl = inject("baseUrl");
const PAGES = [
  "/",
  "/library",
  "/library/pre-deployment-evaluation",
  "/forums",
  "/groups",
  "/groups/evaluation-procedures",
  "/documents/pre-deployment-evaluation/history",
  "/library/feed.xml",
];

async function bytesOf(path: string, headers: Record<string, string>): Promise<Buffer> {
  const res = await fetch(`${baseUrl}${path}`, { headers });
  expect(res.status, path).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

function expectCleanUtf8(bytes: Buffer, what: string) {
  expect(bytes.indexOf(0), `NUL byte in ${what}`).toBe(-1);
  expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes), what).not.toThrow();
}

describe("the bytes of every page", () => {
  it("are NUL-free UTF-8 for visitors in Vietnamese, French and English, rendered and from the cache", async () => {
    for (const language of ["vi", "fr", "en"]) {
      for (const path of PAGES) {
        for (const round of ["rendered", "cached"]) {
          expectCleanUtf8(await bytesOf(path, { "accept-language": language }), `${path} (${language}, ${round})`);
        }
      }
    }
  });

  it("are NUL-free UTF-8 for a member, and in the data requests of client navigation", async () => {
    const cookie = await sessionCookieFor(baseUrl, "minh@demo.test");
    for (const path of [...PAGES.filter((p) => !p.endsWith(".xml")), "/_root.data", "/library.data", "/forums.data"]) {
      for (const round of ["rendered", "cached"]) {
        expectCleanUtf8(await bytesOf(path, { cookie }), `${path} (member, ${round})`);
      }
    }
  });
});
