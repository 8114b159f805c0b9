import { beforeAll, describe, expect, it } from "vitest";
import { loader as searchLoader } from "~/routes/search";
import { loader as suggestLoader } from "~/routes/search.suggest";
import { action as adminMembersAction } from "~/routes/admin.members/route";
import { getDb, writeTransaction } from "~/utils/db.server";
import { indexEntry } from "~/utils/search/entries.server";
import { ftsExpression, parseQuery, titlePhraseExpression } from "~/utils/search/query";
import { snippet } from "~/utils/search/snippet";
import { fold } from "~/utils/search/text";
import { call, get, post, sessionCookie, userByEmail } from "../support/routes";

// The fixture entries have bare /t/N addresses; the demo community's topics have slugs.
const urls = (res: { data: { hits: Array<{ url: string }> } }) =>
  res.data.hits.map((h) => h.url).filter((url) => !/^\/t\/\d+\//.test(url));

async function searchAs(email: string | null, query: string) {
  const cookie = email ? await sessionCookie(email) : undefined;
  return call(searchLoader, get(`/search?${query}`, { cookie }));
}

beforeAll(async () => {
  const db = getDb();
  const pilot = await db
    .selectFrom("working_group")
    .select("id")
    .where("slug", "=", "pilot-coordination")
    .executeTakeFirstOrThrow();
  await writeTransaction(db, async (trx) => {
    const entries = [
      {
        refId: 1,
        title: "Điều chỉnh quy trình đánh giá",
        text: "Hướng dẫn điều chỉnh quy trình quản lý rủi ro cho công cụ AI trong bệnh viện.",
        language: "vi",
      },
      {
        refId: 2,
        title: "Évaluation clinique locale",
        text: "L'évaluation avant déploiement exige une validation locale.",
        language: "fr",
      },
      // Ranking fixture: the word in the title ranks above the word in the body only.
      { refId: 3, title: "Sepsis alert thresholds", text: "How hospitals tune alerts.", language: "en" },
      {
        refId: 4,
        title: "Quarterly report template",
        text: "The sepsis alert appears once in this long body about quarterly reporting of many indicators.",
        language: "en",
      },
    ];
    for (const entry of entries) {
      // Ref ids far from the demo community's topics, which these entries must not replace.
      await indexEntry(trx, {
        kind: "topic",
        url: `/t/${entry.refId}`,
        access: "public",
        place: "Fixture",
        createdAt: "2026-10-01T00:00:00Z",
        ...entry,
        refId: 9000 + entry.refId,
      });
    }
    await indexEntry(trx, {
      kind: "topic",
      refId: 9005,
      url: "/t/5",
      title: "Embargoed sepsis results from pilot sites",
      text: "Confidential sepsis alert performance by site.",
      access: "group",
      groupId: pilot.id,
      place: "Pilot coordination (internal)",
      createdAt: "2026-10-02T00:00:00Z",
    });
    await indexEntry(trx, {
      kind: "topic",
      refId: 9006,
      url: "/t/6",
      title: "Members-only sepsis discussion",
      text: "Data protection of sepsis alert logs.",
      access: "members",
      place: "Data protection",
      createdAt: "2026-10-03T00:00:00Z",
    });
  });
});

describe("search", () => {
  it("folds accents, including đ which has no decomposition", async () => {
    expect(fold("Điều chỉnh ĐÁNH GIÁ évaluation")).toBe("dieu chinh danh gia evaluation");
    expect(fold("Điều chỉnh").length).toBe("Điều chỉnh".length);
    expect(urls(await searchAs(null, "q=dieu+chinh"))).toContain("/t/1");
    expect(urls(await searchAs(null, "q=quan+ly+rui+ro"))).toContain("/t/1");
    expect(urls(await searchAs(null, "q=evaluation+locale"))).toContain("/t/2");
    expect(urls(await searchAs(null, "q=%C3%A9valuation"))).toContain("/t/2");
  });

  it("shows snippets in the original text with the matches marked", async () => {
    const res = await searchAs(null, "q=dieu+chinh");
    const hit = res.data.hits.find((h: { url: string }) => h.url === "/t/1");
    const marked = hit.snippet.filter((p: { mark: boolean }) => p.mark).map((p: { text: string }) => p.text);
    expect(marked).toEqual(["điều", "chỉnh"]);
  });

  it("ranks a match in the title above a match in the body", async () => {
    const res = await searchAs(null, "q=sepsis+alert");
    expect(urls(res).slice(0, 2)).toEqual(["/t/3", "/t/4"]);
  });

  it("supports quoted phrases, exclusions and in:title", async () => {
    expect(urls(await searchAs(null, "q=%22sepsis+alert%22&kind=topic"))).toEqual(expect.arrayContaining(["/t/3", "/t/4"]));
    expect(urls(await searchAs(null, "q=%22alert+sepsis%22&kind=topic"))).toEqual([]);
    expect(urls(await searchAs(null, "q=sepsis+-quarterly&kind=topic"))).toEqual(["/t/3"]);
    expect(urls(await searchAs(null, "q=in%3Atitle+quarterly&kind=topic"))).toEqual(["/t/4"]);
    expect(urls(await searchAs(null, "q=in%3Atitle+hospitals&kind=topic"))).toEqual([]);
  });

  it("never shows what the visitor may not read", async () => {
    const matrix: Array<[string | null, string[]]> = [
      [null, ["/t/3", "/t/4"]],
      ["pending@demo.test", ["/t/3", "/t/4"]],
      ["member@demo.test", ["/t/3", "/t/4", "/t/6"]],
      ["admin@demo.test", ["/t/3", "/t/4", "/t/6"]],
      ["editor@demo.test", ["/t/3", "/t/4", "/t/5", "/t/6"]],
    ];
    for (const [email, expected] of matrix) {
      expect(urls(await searchAs(email, "q=sepsis&kind=topic")).sort(), email ?? "anonymous").toEqual(expected.sort());
    }
  });

  it("finds members only for approved members, and never pending applications", async () => {
    expect(urls(await searchAs(null, "q=whitfield&kind=member"))).toEqual([]);
    expect(urls(await searchAs("pending@demo.test", "q=whitfield&kind=member"))).toEqual([]);
    expect(urls(await searchAs("member@demo.test", "q=whitfield&kind=member"))).toEqual(["/members/editor"]);
    expect(urls(await searchAs("admin@demo.test", "q=mehta&kind=member"))).toEqual([]);
  });

  it("drops a suspended member from the index", async () => {
    const daniel = await userByEmail("daniel@demo.test");
    expect(urls(await searchAs("member@demo.test", "q=osei&kind=member"))).toEqual(["/members/daniel"]);
    await call(
      adminMembersAction,
      post(
        "/admin/members",
        { intent: "suspend", confirm: "yes", userId: String(daniel.id), reason: "test" },
        { cookie: await sessionCookie("admin@demo.test") },
      ),
    );
    expect(urls(await searchAs("member@demo.test", "q=osei&kind=member"))).toEqual([]);
  });

  it("finds published frameworks section by section, and private groups only for their members", async () => {
    const res = await searchAs(null, "q=predetermined+change+control");
    expect(res.data.hits.length).toBeGreaterThan(0);
    expect(res.data.hits[0].url).toMatch(/^\/library\/[a-z-]+$/);
    expect(res.data.hits[0].matches[0].url).toMatch(/^\/library\/[a-z-]+#[a-z0-9-]+$/);
    expect(urls(await searchAs(null, "q=pilot+programme+coordination+group&kind=group"))).not.toContain(
      "/groups/pilot-coordination",
    );
    expect(urls(await searchAs("chair@demo.test", "q=pilot+programme+coordination+group&kind=group"))).toContain(
      "/groups/pilot-coordination",
    );
  });

  it("filters by kind, working group and language", async () => {
    const fr = await searchAs(null, "q=evaluation&language=fr");
    expect(fr.data.hits.length).toBeGreaterThan(0);
    for (const hit of fr.data.hits) expect(hit.language).toBe("fr");
    const groups = await searchAs(null, "q=evaluation&kind=group");
    for (const hit of groups.data.hits) expect(hit.kind).toBe("group");
    const inGroup = await searchAs(null, "q=risk&group=risk-management");
    expect(inGroup.data.hits.length).toBeGreaterThan(0);
    for (const hit of inGroup.data.hits) expect(hit.url).toMatch(/risk/);
  });

  it("answers malformed queries with a helpful page, never an error", async () => {
    for (const q of [
      '"unbalanced',
      "sepsis AND (OR",
      "NEAR(a b",
      "*",
      "^title:x",
      "{col}: y",
      '""',
      "   ",
      "-only -excluded",
      "a".repeat(10_240),
      "🙂 ∑ ∫",
    ]) {
      const res = await call(searchLoader, get(`/search?q=${encodeURIComponent(q)}`));
      expect(res.status, q.slice(0, 20)).toBe(200);
    }
    expect((await searchAs(null, "q=")).data.notice).toBe("empty");
    expect((await searchAs(null, "q=-sepsis")).data.notice).toBe("onlyExcluded");
    expect((await searchAs(null, `q=${"word ".repeat(400)}`)).data.notice).toBe("truncated");
    expect((await searchAs(null, "q=sepsis&page=-4&from=not-a-date&kind=%3Cscript%3E")).status).toBe(200);
  });

  it("limits searches per address with 429", async () => {
    const headers = { "x-cop-client-address": "192.0.2.44" };
    let last = 200;
    for (let i = 0; i < 121; i++) last = (await call(searchLoader, get("/search?q=sepsis", { headers }))).status;
    expect(last).toBe(429);
    // Another address is not affected.
    expect(
      (await call(searchLoader, get("/search?q=sepsis", { headers: { "x-cop-client-address": "192.0.2.45" } }))).status,
    ).toBe(200);
  });

  it("suggests as you type, taking the last word as a prefix", async () => {
    const res = await call(suggestLoader, get("/search/suggest?q=seps"));
    expect(res.status).toBe(200);
    expect(res.data.suggestions.map((s: { url: string }) => s.url)).toEqual(expect.arrayContaining(["/t/3", "/t/4"]));
    expect(JSON.stringify(res.data)).not.toContain("/t/5");
  });

  it("builds FTS expressions only from quoted words", () => {
    expect(ftsExpression(parseQuery('risk "data shift" -bias in:title'))).toBe(
      '(title : "risk" AND title : "data shift") NOT "bias"',
    );
    expect(ftsExpression(parseQuery('a"b OR c'), { prefix: true })).toBe('("a b" OR "ab") AND "c"');
    expect(ftsExpression(parseQuery("quality indic"), { prefix: true })).toBe('"quality" AND "indic"*');
    expect(ftsExpression(parseQuery("the of and"))).toBe('"the" AND "of" AND "and"');
    expect(ftsExpression(parseQuery("the risk of bias"))).toBe('"risk" AND "bias"');
    // A hyphenated word matches split or joined; the word being typed is a prefix, even in a phrase.
    expect(ftsExpression(parseQuery("post-deployment -ex-ante"))).toBe(
      '(("post deployment" OR "postdeployment")) NOT ("ex ante" OR "exante")',
    );
    expect(ftsExpression(parseQuery("post-deployment mon"), { prefix: true })).toBe(
      '("post deployment" OR "postdeployment") AND "mon"*',
    );
    expect(ftsExpression(parseQuery("monitoring post-depl"), { prefix: true })).toBe(
      '"monitoring" AND ("post depl"* OR "postdepl"*)',
    );
    expect(ftsExpression(parseQuery('"post deploy'), { prefix: true })).toBe('"post deploy"');
    expect(titlePhraseExpression(parseQuery("post-deployment monitoring"))).toBe(
      'title : ("post deployment monitoring" OR "postdeployment monitoring")',
    );
  });
});

// Issue 14, item 3: "post-deployment monitoring" answered with one framework's sections.
describe("search results grouped by what they belong to", () => {
  interface Hit {
    kind: string;
    url: string;
    language: string | null;
    title: Array<{ text: string; mark: boolean }>;
    snippet: Array<{ text: string; mark: boolean }>;
    matches: Array<{
      url: string;
      title: Array<{ text: string; mark: boolean }>;
      snippet: Array<{ text: string; mark: boolean }>;
    }>;
    moreMatches: number;
    translations: Array<{ url: string; title: string; language: string | null }>;
  }
  const text = (parts: Array<{ text: string }>) => parts.map((p) => p.text).join("");
  const marked = (parts: Array<{ text: string; mark: boolean }>) => parts.filter((p) => p.mark).map((p) => p.text.toLowerCase());
  // Its own client address: these searches do not count against the other tests' rate limit.
  async function find(query: string, email: string | null = null): Promise<Hit[]> {
    const cookie = email ? await sessionCookie(email) : undefined;
    const res = await call(
      searchLoader,
      get(`/search?q=${encodeURIComponent(query)}`, { cookie, headers: { "x-cop-client-address": "192.0.2.77" } }),
    );
    expect(res.status).toBe(200);
    return res.data.hits;
  }
  async function suggest(query: string, email: string | null = null) {
    const cookie = email ? await sessionCookie(email) : undefined;
    const res = await call(
      suggestLoader,
      get(`/search/suggest?q=${encodeURIComponent(query)}`, { cookie, headers: { "x-cop-client-address": "192.0.2.78" } }),
    );
    expect(res.status).toBe(200);
    return res.data.suggestions as Array<{ kind: string; url: string; title: string; language: string | null }>;
  }

  it("answers with the framework first and its best sections beneath it, never the sections on their own", async () => {
    const hits = await find("post-deployment monitoring");
    // A title holding the whole phrase comes first.
    expect(text(hits[0].title).toLowerCase()).toContain("post-deployment monitoring");
    const framework = hits.find((hit) => hit.url === "/library/post-deployment-monitoring")!;
    expect(framework).toBeDefined();
    expect(hits.indexOf(framework)).toBeLessThan(2);
    expect(framework.kind).toBe("document");
    expect(framework.matches.length).toBeGreaterThan(0);
    expect(framework.matches.length).toBeLessThanOrEqual(3);
    for (const section of framework.matches) {
      expect(section.url).toMatch(/^\/library\/post-deployment-monitoring#[a-z0-9-]+$/);
      expect(text(section.title)).not.toContain("Framework for"); // the heading alone
    }
    expect(framework.moreMatches).toBeGreaterThan(0);
    // No section is a result of its own.
    expect(hits.filter((hit) => hit.url.includes("#"))).toEqual([]);
    expect(new Set(hits.map((hit) => hit.url)).size).toBe(hits.length);
  });

  it("shows the Vietnamese translation with its language", async () => {
    const hits = await find("post-deployment monitoring");
    const framework = hits.find((hit) => hit.url === "/library/post-deployment-monitoring")!;
    expect(framework.language).toBe("en");
    expect(framework.translations).toEqual([
      {
        url: "/library/giam-sat-sau-trien-khai",
        title: "Khung giám sát sau triển khai các công cụ AI trong y tế",
        language: "vi",
      },
    ]);
    // Searched in Vietnamese, the translation leads and the English original is its translation.
    const vi = await find("giám sát sau triển khai");
    expect(vi[0]).toMatchObject({ url: "/library/giam-sat-sau-trien-khai", language: "vi" });
    expect(vi[0].translations.map((t) => t.language)).toEqual(["en"]);
    // One family is one result.
    expect(vi.filter((hit) => hit.url === "/library/post-deployment-monitoring")).toEqual([]);
  });

  it("keeps variety on the first page: forum topics and the working group appear", async () => {
    const hits = await find("post-deployment monitoring");
    expect(hits.map((hit) => hit.url)).toContain("/groups/post-deployment-monitoring");
    expect(hits.some((hit) => hit.kind === "topic")).toBe(true);
    expect(new Set(hits.map((hit) => hit.kind)).size).toBeGreaterThanOrEqual(3);
  });

  it("treats a hyphenated word as joined or split, and highlights it", async () => {
    for (const query of ["post-deployment monitoring", "post deployment monitoring", "postdeployment monitoring"]) {
      expect(
        (await find(query)).map((hit) => hit.url),
        query,
      ).toContain("/library/post-deployment-monitoring");
    }
    const framework = (await find("post-deployment monitoring")).find(
      (hit) => hit.url === "/library/post-deployment-monitoring",
    )!;
    expect(marked(framework.title)).toEqual(["post-deployment", "monitoring"]);
    expect(framework.matches.flatMap((m) => marked(m.snippet))).toContain("post-deployment");
    expect(marked(snippet("Post deployment and post-deployment, postdeployment.", ["post deployment"]))).toEqual([
      "post deployment",
      "post-deployment",
      "postdeployment",
    ]);
    // Accents and đ are still folded.
    expect(marked(snippet("Giám sát sau triển khai, điều chỉnh", ["giam sat", "dieu chinh"]))).toEqual([
      "giám sát",
      "điều chỉnh",
    ]);
  });

  it("suggests on a phrase whose last word is partial", async () => {
    const english = await suggest("post-deployment mon");
    expect(english.map((s) => s.url)).toEqual(
      expect.arrayContaining(["/library/post-deployment-monitoring", "/groups/post-deployment-monitoring"]),
    );
    expect(english.every((s) => !s.url.includes("#"))).toBe(true);
    const vietnamese = await suggest("giám sát sau triển");
    expect(vietnamese[0]).toMatchObject({ url: "/library/giam-sat-sau-trien-khai", language: "vi" });
    expect((await suggest("giam sat sau trien")).map((s) => s.url)).toContain("/library/giam-sat-sau-trien-khai");
  });

  it("keeps what the visitor may not read out of results, translations, counts and suggestions", async () => {
    const pilot = await getDb()
      .selectFrom("working_group")
      .select("id")
      .where("slug", "=", "pilot-coordination")
      .executeTakeFirstOrThrow();
    await writeTransaction(getDb(), async (trx) => {
      const base = { kind: "document", place: "Fixture", createdAt: "2026-10-05T00:00:00Z", family: "document-family:fixture-9" };
      // A public playbook with two sections, and its translation in a private group.
      await indexEntry(trx, {
        ...base,
        refId: 900_000,
        parent: "document:900000",
        url: "/library/nocturnal-triage",
        title: "Nocturnal triage playbook",
        text: "Nocturnal triage.",
        access: "public",
        language: "en",
      });
      await indexEntry(trx, {
        ...base,
        refId: 900_001,
        parent: "document:900000",
        url: "/library/nocturnal-triage#staffing",
        title: "Nocturnal triage playbook — Staffing",
        text: "Nocturnal staffing of triage.",
        access: "public",
        language: "en",
      });
      await indexEntry(trx, {
        ...base,
        refId: 901_000,
        parent: "document:901000",
        url: "/library/triage-nocturne",
        title: "Guide de triage nocturnal",
        text: "Triage nocturnal.",
        access: "group",
        groupId: pilot.id,
        language: "fr",
      });
      await indexEntry(trx, {
        ...base,
        refId: 901_001,
        parent: "document:901000",
        url: "/library/triage-nocturne#effectifs",
        title: "Guide de triage nocturnal — Effectifs",
        text: "Nocturnal effectifs.",
        access: "group",
        groupId: pilot.id,
        language: "fr",
      });
    });
    const json = async (query: string, email: string | null) =>
      JSON.stringify([await find(query, email), await suggest(query.slice(0, -2), email)]);
    for (const email of [null, "member@demo.test", "admin@demo.test"]) {
      const seen = await json("nocturnal triage", email);
      expect(seen, email ?? "anonymous").toContain("/library/nocturnal-triage");
      expect(seen, email ?? "anonymous").not.toContain("triage-nocturne");
      const playbook = (await find("nocturnal triage", email)).find((hit) => hit.url === "/library/nocturnal-triage")!;
      expect(playbook.translations).toEqual([]);
      expect(playbook.matches.length + playbook.moreMatches).toBe(1);
      expect(JSON.stringify(await find("post-deployment monitoring", email))).not.toContain("/groups/pilot-coordination");
      expect(JSON.stringify(await suggest("pilot programme coordin", email))).not.toContain("/groups/pilot-coordination");
    }
    // A member of the group sees the translation beside the playbook (one family, one result).
    const editor = await find("nocturnal triage", "editor@demo.test");
    const family = editor.filter((hit) => hit.url === "/library/nocturnal-triage" || hit.url === "/library/triage-nocturne");
    expect(family.length).toBe(1);
    expect([family[0].url, ...family[0].translations.map((t) => t.url)].sort()).toEqual([
      "/library/nocturnal-triage",
      "/library/triage-nocturne",
    ]);
    expect(JSON.stringify(await suggest("pilot programme coordin", "chair@demo.test"))).toContain("/groups/pilot-coordination");
  });
});
