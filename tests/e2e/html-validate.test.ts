// The key pages' HTML, as the server sends it, checked by html-validate's recommended rules
// (docs/decisions/007-html-validation.md says which rules are off, and why).
import { HtmlValidate } from "html-validate";
import { describe, expect, inject, it } from "vitest";
import { sessionCookieFor } from "./support/session";

const baseUrl = inject("baseUrl");

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // React writes these; they are valid HTML, only not the rule set's preferred style.
    "attr-case": "off", // charSet, autoComplete… (HTML attribute names are case-insensitive)
    "void-style": "off", // <meta/>
    "attribute-boolean-style": "off", // selected="", async=""
    "attribute-empty-style": "off", // hidden=""
    "valid-id": "off", // useId() ids such as ":R1l5H1:" (valid in HTML5, not in the rule's stricter style)
    // Titles name guidance documents, which are long by nature.
    "long-title": "off",
  },
});

const ANONYMOUS = [
  "/",
  "/library",
  "/library/pre-deployment-evaluation",
  "/library/pre-deployment-evaluation/v/1.0",
  "/forums",
  "/forums/introductions",
  "/groups",
  "/groups/evaluation-procedures",
  "/groups/evaluation-procedures/meetings",
  "/search?q=risk",
  "/login",
  "/join",
  "/status",
];
const MEMBER = [
  "/",
  "/settings",
  "/notifications",
  "/documents/pre-deployment-evaluation",
  "/documents/pre-deployment-evaluation/history",
  "/forums/introductions/new",
  "/members",
];

async function problems(path: string, cookie?: string): Promise<string[]> {
  const res = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
  expect(res.status, path).toBe(200);
  const report = await validator.validateString(await res.text());
  return report.results.flatMap((result) => result.messages.map((m) => `${path}: ${m.ruleId} — ${m.message} (${m.selector})`));
}

describe("the HTML of the key pages", () => {
  it("passes html-validate for visitors", async () => {
    const found = (await Promise.all(ANONYMOUS.map((path) => problems(path)))).flat();
    expect(found).toEqual([]);
  });

  it("passes html-validate for a member", async () => {
    const cookie = await sessionCookieFor(baseUrl, "editor@demo.test");
    const found: string[] = [];
    for (const path of MEMBER) found.push(...(await problems(path, cookie)));
    expect(found).toEqual([]);
  });
});
