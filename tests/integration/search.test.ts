import { beforeAll, describe, expect, it } from "vitest";
import { loader as searchLoader } from "~/routes/search";
import { loader as suggestLoader } from "~/routes/search.suggest";
import { action as adminMembersAction } from "~/routes/admin.members";
import { getDb, writeTransaction } from "~/utils/db.server";
import { fold, indexEntry, parseQuery, ftsExpression } from "~/utils/search.server";
import { call, get, post, sessionCookie, userByEmail } from "../support/routes";

const titles = (res: { data: { hits: Array<{ title: Array<{ text: string }> }> } }) => res.data.hits.map((h) => h.title.map((p) => p.text).join(""));
// The fixture entries have bare /t/N addresses; the demo community's topics have slugs.
const urls = (res: { data: { hits: Array<{ url: string }> } }) =>
  res.data.hits.map((h) => h.url).filter((url) => !/^\/t\/\d+\//.test(url));

async function searchAs(email: string | null, query: string) {
  const cookie = email ? await sessionCookie(email) : undefined;
  return call(searchLoader, get(`/search?${query}`, { cookie }));
}

beforeAll(async () => {
  const db = getDb();
  const pilot = await db.selectFrom("working_group").select("id").where("slug", "=", "pilot-coordination").executeTakeFirstOrThrow();
  await writeTransaction(db, async (trx) => {
    const entries = [
      { refId: 1, title: "Điều chỉnh quy trình đánh giá", text: "Hướng dẫn điều chỉnh quy trình quản lý rủi ro cho công cụ AI trong bệnh viện.", language: "vi" },
      { refId: 2, title: "Évaluation clinique locale", text: "L'évaluation avant déploiement exige une validation locale.", language: "fr" },
      // Ranking fixture: the word in the title ranks above the word in the body only.
      { refId: 3, title: "Sepsis alert thresholds", text: "How hospitals tune alerts.", language: "en" },
      { refId: 4, title: "Quarterly report template", text: "The sepsis alert appears once in this long body about quarterly reporting of many indicators.", language: "en" },
    ];
    for (const entry of entries) {
      await indexEntry(trx, { kind: "topic", url: `/t/${entry.refId}`, access: "public", place: "Fixture", createdAt: "2026-10-01T00:00:00Z", ...entry });
    }
    await indexEntry(trx, {
      kind: "topic",
      refId: 5,
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
      refId: 6,
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
    await call(adminMembersAction, post("/admin/members", { intent: "suspend", confirm: "yes", userId: String(daniel.id), reason: "test" }, { cookie: await sessionCookie("admin@demo.test") }));
    expect(urls(await searchAs("member@demo.test", "q=osei&kind=member"))).toEqual([]);
  });

  it("finds published frameworks section by section, and private groups only for their members", async () => {
    const res = await searchAs(null, "q=predetermined+change+control");
    expect(res.data.hits.length).toBeGreaterThan(0);
    expect(res.data.hits[0].url).toMatch(/^\/library\/[a-z-]+#[a-z0-9-]+$/);
    expect(urls(await searchAs(null, "q=pilot+programme+coordination+group&kind=group"))).not.toContain("/groups/pilot-coordination");
    expect(urls(await searchAs("chair@demo.test", "q=pilot+programme+coordination+group&kind=group"))).toContain("/groups/pilot-coordination");
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
    for (const q of ['"unbalanced', "sepsis AND (OR", "NEAR(a b", "*", "^title:x", "{col}: y", '""', "   ", "-only -excluded", "a".repeat(10_240), "🙂 ∑ ∫"]) {
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
    expect((await call(searchLoader, get("/search?q=sepsis", { headers: { "x-cop-client-address": "192.0.2.45" } }))).status).toBe(200);
  });

  it("suggests as you type, taking the last word as a prefix", async () => {
    const res = await call(suggestLoader, get("/search/suggest?q=seps"));
    expect(res.status).toBe(200);
    expect(res.data.suggestions.map((s: { url: string }) => s.url)).toEqual(expect.arrayContaining(["/t/3", "/t/4"]));
    expect(JSON.stringify(res.data)).not.toContain("/t/5");
  });

  it("builds FTS expressions only from quoted words", () => {
    expect(ftsExpression(parseQuery('risk "data shift" -bias in:title'))).toBe('(title : "risk" AND title : "data shift") NOT "bias"');
    expect(ftsExpression(parseQuery('a"b OR c'), { prefix: true })).toBe('"c" AND "a b"');
    expect(ftsExpression(parseQuery("quality indic"), { prefix: true })).toBe('"quality" AND "indic"*');
    expect(ftsExpression(parseQuery("the of and"))).toBe('"the" AND "of" AND "and"');
    expect(ftsExpression(parseQuery("the risk of bias"))).toBe('"risk" AND "bias"');
  });
});
