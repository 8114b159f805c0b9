import { CompiledQuery } from "kysely";
import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { postsPageQuery } from "~/models/post.server";
import { postAddress as postPath, topicListQuery } from "~/models/topic.server";
import { postPermalink } from "~/components/forum/post-article";
import { loader as homeLoader } from "~/routes/_index";
import { action as categoryAction, loader as categoryLoader } from "~/routes/forums.$category";
import { loader as feedLoader } from "~/routes/forums.$category_.feed[.]xml";
import { loader as forumsLoader } from "~/routes/forums._index";
import { loader as groupDiscussionsLoader } from "~/routes/groups.$slug.discussions";
import { getDb } from "~/utils/db.server";
import { call, get, post, rawDb, sessionCookie } from "../support/routes";
import { act, postsOf, replyAs, startTopic, topicAs, userId } from "./forums-support";

// These tests post far more than a member may in ten minutes; the limit itself is tested in
// forums-rate-limits.test.ts.
beforeAll(() => {
  process.env.RATE_LIMITS = "off";
});
afterAll(() => {
  delete process.env.RATE_LIMITS;
});

async function categoryAs(email: string | null, slug: string, search = "") {
  const cookie = email ? await sessionCookie(email) : undefined;
  return call(categoryLoader, get(`/forums/${slug}${search}`, { cookie }), { category: slug });
}

describe("the forums index and category lists", () => {
  it("lists categories with counts and latest activity", async () => {
    const res = await call(forumsLoader, get("/forums"));
    const validation = res.data.community.find((c: { slug: string }) => c.slug === "evaluation-validation");
    expect(validation.topic_count).toBeGreaterThanOrEqual(3);
    expect(validation.post_count).toBeGreaterThan(validation.topic_count);
    expect(validation.last_post_at).toBeTruthy();
    expect(validation.qa).toBe(1);
  });

  it("shows topics pinned first, then by last activity, 30 a page, with a keyset cursor stable under new posts", async () => {
    const db = getDb();
    const { id: categoryId } = await db
      .insertInto("category")
      .values({ slug: "paging", name: "Paging", visibility: "public", created_at: new Date().toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    const ids: number[] = [];
    for (let i = 0; i < 35; i++) {
      const { topicId } = await startTopic("member@demo.test", "paging", { title: `Topic ${i}`, body: `Body ${i}` });
      ids.push(topicId);
    }
    expect(categoryId).toBeGreaterThan(0);
    await act("moderator@demo.test", ids[0], { intent: "pin" });
    const first = await categoryAs("industry@demo.test", "paging");
    expect(first.status).toBe(200);
    const titles = first.data.topics.map((t: { title: string }) => t.title);
    expect(titles).toHaveLength(30);
    expect(titles[0]).toBe("Topic 0"); // pinned
    expect(titles[1]).toBe("Topic 34"); // then the latest activity
    expect(first.data.topics[0].pinned).toBe(1);
    expect(first.data.nextCursor).toBeTruthy();
    // A reply bumps an old topic to the top meanwhile: the next page neither repeats nor skips.
    await replyAs("industry@demo.test", ids[2], "Bump");
    const second = await categoryAs("industry@demo.test", "paging", `?after=${first.data.nextCursor}`);
    const secondTitles = second.data.topics.map((t: { title: string }) => t.title);
    expect(secondTitles).toEqual(["Topic 5", "Topic 4", "Topic 3", "Topic 1"]);
    expect(second.data.nextCursor).toBeNull();
    // Nothing repeated, nothing that stayed in place skipped (the bumped topic is now on page 1).
    const seen = [...titles, ...secondTitles];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(
      ids
        .map((_, i) => `Topic ${i}`)
        .filter((t) => t !== "Topic 2")
        .sort(),
    );
    expect((await categoryAs("industry@demo.test", "paging")).data.topics[1].title).toBe("Topic 2");
    // A forged cursor is a bad request, not a crash.
    expect((await categoryAs(null, "paging", "?after=not-a-cursor")).status).toBe(400);
  });

  it("shows each member their unread count per topic", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "risk-management", { title: "Unread counts", body: "First" });
    await replyAs("industry@demo.test", topicId, "Second");
    await replyAs("ravi@demo.test", topicId, "Third");
    const list = await categoryAs("member@demo.test", "risk-management");
    const row = list.data.topics.find((t: { id: number }) => t.id === topicId);
    expect(row).toMatchObject({ unread: 2, isNew: false, replies: 2 });
    // Never opened: "new" for another member; nothing for visitors.
    expect(
      (await categoryAs("sophie@demo.test", "risk-management")).data.topics.find((t: { id: number }) => t.id === topicId),
    ).toMatchObject({ unread: 0, isNew: true });
    expect((await categoryAs(null, "risk-management")).data.topics.find((t: { id: number }) => t.id === topicId)).toMatchObject({
      unread: 0,
      isNew: false,
    });
    // Reading the topic clears it.
    const landing = await topicAs("member@demo.test", topicId, slug);
    expect(landing.status).toBe(302);
    expect(landing.location).toBe(`/t/${topicId}/${slug}?page=1#post-2`);
    await topicAs("member@demo.test", topicId, slug, "?page=1");
    expect(
      (await categoryAs("member@demo.test", "risk-management")).data.topics.find((t: { id: number }) => t.id === topicId).unread,
    ).toBe(0);
  });

  it("filters by tag", async () => {
    const list = await categoryAs(null, "post-deployment-monitoring", "?tag=kpi");
    expect(list.data.topics.length).toBeGreaterThan(0);
    for (const topic of list.data.topics) expect(topic.tags).toContain("kpi");
  });

  it("lets members watch or mute a category", async () => {
    const cookie = await sessionCookie("industry@demo.test");
    const res = await call(categoryAction, post("/forums/introductions", { intent: "watch", level: "muted" }, { cookie }), {
      category: "introductions",
    });
    expect(res.status).toBe(302);
    expect((await categoryAs("industry@demo.test", "introductions")).data.watchLevel).toBe("muted");
    const bad = await call(categoryAction, post("/forums/introductions", { intent: "watch", level: "loud" }, { cookie }), {
      category: "introductions",
    });
    expect(bad.status).toBe(400);
    const anonymous = await call(categoryAction, post("/forums/introductions", { intent: "watch", level: "watching" }), {
      category: "introductions",
    });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toContain("/login");
  });

  it("shows the latest discussions the viewer may read on the home page and in a group's Discussions tab", async () => {
    const home = await call(homeLoader, get("/"));
    expect(home.data.discussions.length).toBeGreaterThan(0);
    const tab = await call(groupDiscussionsLoader, get("/groups/evaluation-procedures/discussions"), {
      slug: "evaluation-procedures",
    });
    expect(tab.status).toBe(200);
    expect(tab.data.topics.map((t: { title: string }) => t.title)).toContain(
      "Draft annex B: evidence tiers per risk class — comments before Thursday",
    );
    expect(tab.data.spaces[0]).toMatchObject({ slug: "group-evaluation-procedures", canCreate: false });
    const asMember = await call(
      groupDiscussionsLoader,
      get("/groups/evaluation-procedures/discussions", { cookie: await sessionCookie("aisha@demo.test") }),
      {
        slug: "evaluation-procedures",
      },
    );
    expect(asMember.data.spaces[0].canCreate).toBe(true);
  });
});

describe("a topic page", () => {
  it("shows 20 posts a page, with author name, organisation, country and member type, and #post-N permalinks", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "introductions", { title: "Long thread", body: "Post 1" });
    for (let i = 2; i <= 23; i++) await replyAs(i % 2 ? "ravi@demo.test" : "sophie@demo.test", topicId, `Post ${i}`);
    const page1 = await topicAs(null, topicId, slug);
    expect(page1.data.posts.map((p: { number: number }) => p.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(page1.data.pageCount).toBe(2);
    expect(page1.data.posts[0].author).toEqual({
      username: "member",
      display_name: "Tan Wei Ming",
      organization: "Health Sciences Authority",
      country: "SG",
      member_type: "regulator",
    });
    const page2 = await topicAs(null, topicId, slug, "?page=2");
    expect(page2.data.posts.map((p: { number: number }) => p.number)).toEqual([21, 22, 23]);
    // The page links each post from its own address; that is the post's canonical address.
    expect(page2.data.page).toBe(2);
    expect(postPermalink(`/t/${topicId}/${slug}?page=${page2.data.page}`, 21)).toBe(postPath({ id: topicId, slug }, 21));
    expect(postPath({ id: topicId, slug }, 21)).toBe(`/t/${topicId}/${slug}?page=2#post-21`);
    expect((await replyAs("ravi@demo.test", topicId, "Post 24")).location).toBe(`/t/${topicId}/${slug}?page=2#post-24`);
    expect((await topicAs(null, topicId, slug, "?page=3")).status).toBe(404);
    expect((await topicAs(null, topicId, slug, "?page=abc")).status).toBe(404);
    // A wrong or missing slug redirects to the canonical address.
    const wrong = await topicAs(null, topicId, "old-title", "?page=2");
    expect(wrong.status).toBe(302);
    expect(wrong.location).toBe(`/t/${topicId}/${slug}?page=2`);
  });

  it("lands a returning member on their first unread post", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "introductions", { title: "Landing", body: "Post 1" });
    for (let i = 2; i <= 25; i++) await replyAs("ravi@demo.test", topicId, `Post ${i}`);
    const ravi = await topicAs("ravi@demo.test", topicId, slug);
    expect(ravi.status).toBe(200); // has read everything (wrote it): page 1
    const member = await topicAs("member@demo.test", topicId, slug);
    expect(member.location).toBe(`/t/${topicId}/${slug}?page=1#post-2`);
    const page = await topicAs("member@demo.test", topicId, slug, "?page=1");
    expect(page.data.firstUnread).toBe(2);
    // After reading page 1, the next visit lands on post 21 (page 2).
    expect((await topicAs("member@demo.test", topicId, slug)).location).toBe(`/t/${topicId}/${slug}?page=2#post-21`);
    // Views count members, once each (the author, the replier, nobody twice).
    const topic = await getDb().selectFrom("topic").select("view_count").where("id", "=", topicId).executeTakeFirstOrThrow();
    expect(topic.view_count).toBe(2);
  });

  it("serves the HTML stored at write time (no markdown work per request)", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "introductions", { title: "Stored HTML", body: "*markdown*" });
    await getDb().updateTable("post").set({ body_html: "<p>stored-sentinel</p>" }).where("topic_id", "=", topicId).execute();
    const page = await topicAs(null, topicId, slug);
    expect(page.data.posts[0].html).toBe("<p>stored-sentinel</p>");
  });

  it("keeps reactions with counts and who reacted; one of each kind per member; not on one's own post", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "introductions", { title: "Reactions", body: "React to me" });
    expect((await act("ravi@demo.test", topicId, { intent: "react", post: "1", reaction: "thumbs_up" })).status).toBe(302);
    expect((await act("sophie@demo.test", topicId, { intent: "react", post: "1", reaction: "thumbs_up", js: "1" })).status).toBe(
      200,
    );
    await act("sophie@demo.test", topicId, { intent: "react", post: "1", reaction: "idea" });
    let page = await topicAs("ravi@demo.test", topicId, slug);
    expect(page.data.posts[0].reactions).toEqual([
      { kind: "thumbs_up", count: 2, names: ["Ravi Shankar", "Sophie Martin"], mine: true },
      { kind: "idea", count: 1, names: ["Sophie Martin"], mine: false },
    ]);
    // Pressing again takes it back.
    await act("ravi@demo.test", topicId, { intent: "react", post: "1", reaction: "thumbs_up" });
    page = await topicAs("ravi@demo.test", topicId, slug);
    expect(page.data.posts[0].reactions[0]).toMatchObject({ kind: "thumbs_up", count: 1, mine: false });
    // The author cannot react to their own post; unknown kinds are refused.
    expect((await act("member@demo.test", topicId, { intent: "react", post: "1", reaction: "heart" })).status).toBe(403);
    expect((await act("ravi@demo.test", topicId, { intent: "react", post: "1", reaction: "rocket" })).status).toBe(400);
    expect((await act("ravi@demo.test", topicId, { intent: "react", post: "9", reaction: "heart" })).status).toBe(404);
  });

  it("in a Q&A category, lets the author or a moderator accept one answer, shown under the question", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "evaluation-validation", {
      title: "Which outcome at 72 h?",
      body: "Question",
    });
    await replyAs("ravi@demo.test", topicId, "Final diagnosis at **72 h**.");
    await replyAs("sophie@demo.test", topicId, "Admission to ICU.");
    expect((await act("industry@demo.test", topicId, { intent: "accept", post: "2" })).status).toBe(403);
    const accepted = await act("member@demo.test", topicId, { intent: "accept", post: "2" });
    expect(accepted.status).toBe(302);
    const page = await topicAs("member@demo.test", topicId, slug, "?page=1");
    expect(page.data.acceptedAnswer).toMatchObject({
      number: 2,
      author_name: "Ravi Shankar",
      permalink: `/t/${topicId}/${slug}#post-2`,
    });
    expect(page.data.acceptedAnswer.html).toContain("<strong>72 h</strong>");
    expect(page.data.posts[1].accepted).toBe(true);
    const ravi = await getDb()
      .selectFrom("notification")
      .selectAll()
      .where("user_id", "=", await userId("ravi"))
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(ravi.kind).toBe("answer_accepted");
    // A moderator changes it, which is audited; the question itself cannot be the answer.
    expect((await act("moderator@demo.test", topicId, { intent: "accept", post: "3" })).status).toBe(302);
    expect((await act("moderator@demo.test", topicId, { intent: "accept", post: "1" })).status).toBe(404);
    const audit = await getDb()
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "topic.accept")
      .where("subject_id", "=", String(topicId))
      .execute();
    expect(audit).toHaveLength(1);
    // Not in a category without Q&A.
    const plain = await startTopic("member@demo.test", "introductions", { title: "No Q&A here", body: "Hi" });
    await replyAs("ravi@demo.test", plain.topicId, "Hello");
    expect((await act("member@demo.test", plain.topicId, { intent: "accept", post: "2" })).status).toBe(403);
  });
});

describe("the Atom feed", () => {
  it("is valid Atom 1.0 for a public category: ids, updated, author, links, escaped content", async () => {
    await startTopic("member@demo.test", "risk-management", {
      title: 'Feeds & <escaping> "quotes"',
      body: "Body with <b>tags</b> & **bold**",
    });
    const res = await call(feedLoader, get("/forums/risk-management/feed.xml"), { category: "risk-management" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = res.data as string;
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(xml).toContain("<id>http://localhost/forums/risk-management/feed.xml</id>");
    expect(xml).toMatch(/<updated>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z<\/updated>/);
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="http://localhost/forums/risk-management/feed.xml"/>',
    );
    const entry = xml.slice(xml.indexOf("<entry>"), xml.indexOf("</entry>") + 8);
    expect(entry).toContain('<title type="text">Feeds &amp; &lt;escaping&gt; &quot;quotes&quot;</title>');
    expect(entry).toMatch(/<id>http:\/\/localhost\/t\/\d+\/feeds-escaping-quotes<\/id>/);
    expect(entry).toContain("<author><name>Tan Wei Ming</name></author>");
    expect(entry).toContain(
      '<content type="html">&lt;p&gt;Body with &amp;lt;b&amp;gt;tags&amp;lt;/b&amp;gt; &amp;amp; &lt;strong&gt;bold&lt;/strong&gt;&lt;/p&gt;',
    );
    // Every entry has what Atom requires.
    const entries = xml.split("<entry>").slice(1);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries)
      for (const tag of ["<id>", "<title", "<updated>", "<author>", '<link rel="alternate"']) expect(e).toContain(tag);
    // Tags are balanced (a cheap well-formedness check).
    const opened = (xml.match(/<(entry|feed|author|title|content|id|updated|published)[ >]/g) ?? []).length;
    const closed = (xml.match(/<\/(entry|feed|author|title|content|id|updated|published)>/g) ?? []).length;
    expect(opened).toBe(closed);
  });

  it("is 404 for members-only and private categories, whoever asks", async () => {
    for (const category of ["data-protection", "pilot-coordination-internal", "group-pilot-coordination", "nope"]) {
      for (const email of [null, "chair@demo.test"]) {
        const cookie = email ? await sessionCookie(email) : undefined;
        expect(
          (await call(feedLoader, get(`/forums/${category}/feed.xml`, { cookie }), { category })).status,
          `${category} ${email}`,
        ).toBe(404);
      }
    }
  });
});

describe("query plans", () => {
  function plan(compiled: { sql: string; parameters: readonly unknown[] }) {
    const rows = rawDb()
      .prepare(`explain query plan ${compiled.sql}`)
      .all(...(compiled.parameters as unknown[])) as Array<{ detail: string }>;
    return rows.map((row) => row.detail);
  }

  it("lists a category's topics through its index, with no full scan of topic or post", async () => {
    const db = getDb();
    const category = await db
      .selectFrom("category")
      .select("id")
      .where("slug", "=", "evaluation-validation")
      .executeTakeFirstOrThrow();
    for (const options of [{}, { cursor: { pinned: 0, at: new Date().toISOString(), id: 1_000_000 } }, { viewerId: 5 }]) {
      const details = plan(topicListQuery(db, [category.id], options).compile());
      expect(details.join("\n")).toMatch(/SEARCH topic USING INDEX topic_category_list/);
      expect(details.join("\n")).not.toMatch(/SCAN topic\b/);
      expect(details.join("\n")).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    }
  });

  it("reads a page of a topic's posts through the (topic_id, number) index", async () => {
    const details = plan(postsPageQuery(getDb(), 1, 2).compile());
    expect(details.join("\n")).toMatch(
      /SEARCH post USING INDEX sqlite_autoindex_post_1 \(topic_id=\? AND number>\? AND number<\?\)|SEARCH post USING INDEX post_topic_number/,
    );
    expect(details.join("\n")).not.toMatch(/SCAN post\b/);
  });

  it("keeps the compiled query honest (the raw plan helper works)", () => {
    expect(plan(CompiledQuery.raw("select * from post")).join("")).toMatch(/SCAN post/);
  });
});

describe("posts of a topic", () => {
  it("are numbered densely and keep their numbers when one is deleted", async () => {
    const { topicId } = await startTopic("member@demo.test", "introductions", { title: "Numbers", body: "1" });
    await replyAs("ravi@demo.test", topicId, "2");
    await replyAs("sophie@demo.test", topicId, "3");
    await act("ravi@demo.test", topicId, { intent: "delete", post: "2" });
    await replyAs("sophie@demo.test", topicId, "4");
    expect((await postsOf(topicId)).map((p) => [p.number, p.deleted_at === null])).toEqual([
      [1, true],
      [2, false],
      [3, true],
      [4, true],
    ]);
  });
});
