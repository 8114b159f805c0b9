// Reading the library: a document family (original + translations) is one card on /library and on
// the home page, in the reader's language when one is published (else the original), with links to
// the other languages; counts and limits are by family; a translation in a private group never
// shows to outsiders. The compare page diffs the rendered document.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as compareLoader } from "~/routes/documents.$slug.compare";
import { action as publishAction } from "~/routes/documents.$slug.publish/route";
import { loader as changesLoader } from "~/routes/library.$slug.changes";
import { loader as libraryLoader } from "~/routes/library._index";
import { loader as homeLoader } from "~/routes/_index";
import { call, get, post } from "../support/routes";
import { as, createTestDocument, DEMO, head, save } from "./documents-support";

interface Card {
  slug: string;
  language: string;
  title: string;
  otherLanguages: Array<{ slug: string; language: string; title: string }>;
}

const anonymous = (language: string) => ({ headers: { "accept-language": language } });

async function library(path: string, options: { cookie?: string; headers?: Record<string, string> }) {
  const outcome = await call(libraryLoader, get(path, options));
  expect(outcome.status).toBe(200);
  return outcome.data.documents as Card[];
}

const cardOf = (cards: Card[], slugs: string[]) =>
  cards.filter((card) => slugs.includes(card.slug) || card.otherLanguages.some((o) => slugs.includes(o.slug)));
const EVALUATION = ["pre-deployment-evaluation", "evaluation-avant-deploiement", "danh-gia-rieng"];
const MONITORING = ["post-deployment-monitoring", "giam-sat-sau-trien-khai"];

async function publishAs(email: string, slug: string) {
  const h = await head(slug);
  const outcome = await call(
    publishAction,
    post(
      `/documents/${slug}/publish`,
      { intent: "publish", baseRevision: String(h.id), kind: "minor", notes: "First." },
      { cookie: await as(email) },
    ),
    { slug },
  );
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
}

beforeAll(async () => {
  // A Vietnamese translation of the public evaluation framework, made and published in the private
  // pilot-coordination group (the editor edits in both groups; minh chairs the private one).
  await createTestDocument(
    "danh-gia-rieng",
    "pilot-coordination",
    DEMO.editor,
    "# Đánh giá (bản riêng)\n\n## Phạm vi\n\nNội dung riêng.\n",
    {
      language: "vi",
      translationOf: "pre-deployment-evaluation",
      title: "Đánh giá trước triển khai (bản riêng)",
    },
  );
  await publishAs(DEMO.minh, "danh-gia-rieng");
});

describe("document families in the library", () => {
  it("shows a family as one card in the reader's language, linking the other languages", async () => {
    const english = await library("/library", anonymous("en"));
    const [evaluation] = cardOf(english, EVALUATION);
    expect(cardOf(english, EVALUATION)).toHaveLength(1);
    expect(evaluation).toMatchObject({ slug: "pre-deployment-evaluation", language: "en" });
    expect(evaluation.otherLanguages.map((o) => [o.slug, o.language])).toEqual([["evaluation-avant-deploiement", "fr"]]);
    expect(cardOf(english, MONITORING)).toMatchObject([
      { slug: "post-deployment-monitoring", otherLanguages: [{ slug: "giam-sat-sau-trien-khai", language: "vi" }] },
    ]);
    // Three families, five published documents: the cards (and the count) are by family.
    expect(english).toHaveLength(3);

    const french = await library("/library", anonymous("fr-FR,fr;q=0.9"));
    expect(cardOf(french, EVALUATION)).toMatchObject([
      {
        slug: "evaluation-avant-deploiement",
        language: "fr",
        otherLanguages: [{ slug: "pre-deployment-evaluation", language: "en" }],
      },
    ]);
    // No French monitoring framework: the original.
    expect(cardOf(french, MONITORING)).toMatchObject([{ slug: "post-deployment-monitoring" }]);
    expect(french).toHaveLength(3);

    const vietnamese = await library("/library", anonymous("vi"));
    expect(cardOf(vietnamese, MONITORING)).toMatchObject([{ slug: "giam-sat-sau-trien-khai", language: "vi" }]);
  });

  it("keeps sorting and filters working by family", async () => {
    const byTitle = await library("/library?sort=title", anonymous("fr"));
    const titles = byTitle.map((card) => card.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(byTitle).toHaveLength(3);
    // Filtering on French shows the French version to an English reader, still linking the original.
    const french = await library("/library?language=fr", anonymous("en"));
    expect(french).toMatchObject([
      { slug: "evaluation-avant-deploiement", otherLanguages: [{ slug: "pre-deployment-evaluation" }] },
    ]);
    expect(await library("/library?group=risk-management", anonymous("fr"))).toMatchObject([
      { slug: "ai-risk-management", otherLanguages: [] },
    ]);
  });

  it("never shows a translation in a private group to outsiders, and shows it to the group's members", async () => {
    for (const options of [anonymous("vi"), { cookie: await as(DEMO.member), headers: { "accept-language": "vi" } }]) {
      const cards = await library("/library", options);
      expect(JSON.stringify(cards)).not.toContain("danh-gia-rieng");
      expect(JSON.stringify(cards)).not.toContain("bản riêng");
      expect(cardOf(cards, EVALUATION)).toMatchObject([{ slug: "pre-deployment-evaluation" }]);
      const home = await call(homeLoader, get("/", options));
      expect(JSON.stringify(home.data.publications)).not.toContain("danh-gia-rieng");
    }
    // minh (interface in Vietnamese) is in the private group: the Vietnamese version is his card.
    const minh = await library("/library", { cookie: await as(DEMO.minh) });
    expect(cardOf(minh, EVALUATION)).toMatchObject([{ slug: "danh-gia-rieng", language: "vi" }]);
    expect(
      cardOf(minh, EVALUATION)[0]
        .otherLanguages.map((o) => o.slug)
        .sort(),
    ).toEqual(["evaluation-avant-deploiement", "pre-deployment-evaluation"]);
  });

  it("lists the home page's latest publications by family in the reader's language", async () => {
    const home = await call(homeLoader, get("/", anonymous("fr")));
    const publications = home.data.publications as Card[];
    expect(cardOf(publications, EVALUATION)).toMatchObject([
      {
        slug: "evaluation-avant-deploiement",
        language: "fr",
        otherLanguages: [{ slug: "pre-deployment-evaluation", language: "en" }],
      },
    ]);
    expect(publications).toHaveLength(3);
  });
});

describe("the compare page", () => {
  const BODY = [
    "# Triage tools",
    "",
    "## Scope of the evaluation",
    "",
    "Evidence is required from two sites.",
    "",
    "- Sensitivity",
    "- Specificity",
    "",
    "| Site | Cases |",
    "|---|---|",
    "| A | 412 |",
    "| B | 298 |",
    "",
  ].join("\n");

  it("diffs the rendered document: a changed heading as a heading, list items and table cells as such, del and ins apart", async () => {
    await createTestDocument("compare-rendered", "evaluation-procedures", DEMO.editor, BODY);
    const before = await head("compare-rendered");
    const edited = BODY.replace("## Scope of the evaluation", "## Scope of the assessment")
      .replace("two sites", "three sites")
      .replace("- Specificity", "- Specificity\n- Calibration")
      .replace("| B | 298 |", "| B | 301 |");
    expect((await save(DEMO.editor, "compare-rendered", { body: edited, baseRevision: before.id })).status).toBe(302);
    const after = await head("compare-rendered");
    const cookie = await as(DEMO.aisha);
    const outcome = await call(
      compareLoader,
      get(`/documents/compare-rendered/compare?from=${before.id}&to=${after.id}`, { cookie }),
      { slug: "compare-rendered" },
    );
    expect(outcome.status).toBe(200);
    const html = (outcome.data.comparison.blocks as Array<{ kind: string; html?: string }>)
      .filter((b) => b.kind === "change")
      .map((b) => b.html)
      .join("\n");
    // The heading is still a heading, with the changed word marked inside it, deletion and insertion apart.
    expect(html).toContain('<h2>Scope of the <del class="diff-del">evaluation</del> <ins class="diff-ins">assessment</ins></h2>');
    expect(html).toContain(
      '<p>Evidence is required from <del class="diff-del">two</del> <ins class="diff-ins">three</ins> sites.</p>',
    );
    // A new list item is an item of the list; a changed cell is a cell of the table, marked.
    expect(html).toMatch(
      /<ul>[\s\S]*<li>Specificity<\/li>\s*<li class="diff-added"><ins class="diff-ins">Calibration<\/ins><\/li>[\s\S]*<\/ul>/,
    );
    expect(html).toMatch(
      /<tr>\s*<td>B<\/td>\s*<td class="diff-changed"><del class="diff-del">298<\/del> <ins class="diff-ins">301<\/ins><\/td>\s*<\/tr>/,
    );
    expect(html).not.toMatch(/<\/del><ins/);
    expect(outcome.data.comparison.stats).toMatchObject({ wordsAdded: 4, wordsRemoved: 3 });
    // Side by side: each column alone, in its own structure.
    const change = (outcome.data.comparison.blocks as Array<{ kind: string; before?: string; after?: string }>).find(
      (b) => b.kind === "change",
    )!;
    expect(change.before).toContain('<h2>Scope of the <del class="diff-del">evaluation</del></h2>');
    expect(change.after).toContain('<h2>Scope of the <ins class="diff-ins">assessment</ins></h2>');
    expect(change.before).not.toContain("<ins");
    expect(change.after).not.toContain("<del");
  });

  it("shows the library's changes between versions as rendered blocks too", async () => {
    const outcome = await call(changesLoader, get("/library/danh-gia-rieng/changes", { cookie: await as(DEMO.minh) }), {
      slug: "danh-gia-rieng",
    });
    expect(outcome.status).toBe(200);
    // One version only: compared with itself, identical.
    expect(outcome.data.comparison.identical).toBe(true);
  });
});
