import { describe, expect, it } from "vitest";
import { mentionCandidates, renderMarkdown } from "~/utils/markdown.server";

describe("mentions in the shared renderer", () => {
  const members = new Set(["ravi", "member", "minh.tran"]);

  it("links @username only for existing members and lists who was mentioned", () => {
    const { html, mentions } = renderMarkdown("Hi @ravi, @Member. And @nobody, @minh.tran.", { mentions: members });
    expect(html).toContain('<a href="/members/ravi" class="mention">@ravi</a>,');
    expect(html).toContain('<a href="/members/member" class="mention">@Member</a>.');
    expect(html).toContain('<a href="/members/minh.tran" class="mention">@minh.tran</a>.');
    expect(html).toContain("@nobody");
    expect(html).not.toContain("/members/nobody");
    expect(mentions).toEqual(["ravi", "member", "minh.tran"]);
  });

  it("leaves e-mail addresses, code and existing links alone", () => {
    const { html, mentions } = renderMarkdown(
      "mail ravi@example.org, `@ravi`, [ask @ravi](https://example.org)\n\n```\n@ravi\n```",
      { mentions: members },
    );
    expect(html).not.toContain("/members/ravi");
    expect(mentions).toEqual([]);
  });

  it("keeps the old API: without a member list nothing is linked", () => {
    const { html, mentions } = renderMarkdown("Hi @ravi");
    expect(html).toBe("<p>Hi @ravi</p>\n");
    expect(mentions).toEqual([]);
  });

  it("finds the candidates to look up, including names followed by punctuation", () => {
    expect(mentionCandidates("@ravi. @a @minh.tran, a@b.c")).toEqual(["ravi.", "ravi", "minh.tran"]);
  });
});
