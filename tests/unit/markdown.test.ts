import { describe, expect, it } from "vitest";
import { renderMarkdown, slugify } from "~/utils/markdown.server";

describe("the markdown renderer", () => {
  it("escapes raw HTML instead of rendering it", () => {
    const { html } = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it("refuses dangerous link schemes in every link form", () => {
    const sources = [
      "[a](javascript:alert(1))",
      "[a](JaVaScRiPt:alert(1))",
      "[a](jav&#x61;script:alert(1))",
      "[a](vbscript:msgbox(1))",
      "[a](data:text/html;base64,PHNjcmlwdD4=)",
      "<javascript:alert(1)>",
      "[a][r]\n\n[r]: javascript:alert(1)",
      '![x](javascript:alert(1) "t")',
    ];
    for (const source of sources) {
      const { html } = renderMarkdown(source);
      expect(html, source).not.toMatch(/href="(javascript|vbscript|data):/i);
      expect(html, source).not.toMatch(/src="(javascript|vbscript|data):/i);
    }
  });

  it("links addresses, marking external links nofollow ugc noopener", () => {
    const { html } = renderMarkdown("See https://www.who.int and [the library](/library).");
    expect(html).toContain('<a href="https://www.who.int" rel="nofollow ugc noopener">');
    expect(html).toContain('<a href="/library">');
  });

  it("anchors headings with unique, accent-free ids and builds a table of contents", () => {
    const { html, toc } = renderMarkdown("## Quản lý rủi ro\n\n## Évaluation\n\n## Évaluation\n\n### Đánh giá");
    expect(toc.map((entry) => entry.id)).toEqual(["quan-ly-rui-ro", "evaluation", "evaluation-2", "danh-gia"]);
    expect(html).toContain('<h2 id="quan-ly-rui-ro">');
    expect(toc[3]).toEqual({ level: 3, id: "danh-gia", text: "Đánh giá" });
  });

  it("renders tables and code blocks", () => {
    const { html } = renderMarkdown("| KPI | Target |\n|---|---|\n| Sensitivity | ≥ 0.90 |\n\n```\nselect 1;\n```");
    expect(html).toContain("<table>");
    expect(html).toContain("<pre><code>select 1;");
  });

  it("makes each table's scrolling region keyboard-focusable and names it after its columns, uniquely", () => {
    const table = "| KPI | Target |\n|---|---|\n| Sensitivity | ≥ 0.90 |\n";
    const { html } = renderMarkdown(`${table}\n${table}\n| <b> & "x" |\n|---|\n| 1 |\n`);
    const regions = [...html.matchAll(/<section class="table-scroll" tabindex="0" aria-label="([^"]*)">/g)].map((m) => m[1]);
    expect(regions).toEqual(["KPI, Target", "KPI, Target (2)", "&lt;b&gt; &amp; &quot;x&quot;"]);
  });

  it("slugifies đ, which has no Unicode decomposition", () => {
    expect(slugify("Điều chỉnh đánh giá")).toBe("dieu-chinh-danh-gia");
  });
});
