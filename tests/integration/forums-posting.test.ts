import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { MAX_POST_BYTES } from "~/schemas/forums";
import { action as newTopicAction, loader as newTopicLoader } from "~/routes/forums.$category_.new/route";
import { getDb } from "~/utils/db.server";
import { call, get, post, sessionCookie } from "../support/routes";
import { act, notificationsOf, postsOf, replyAs, startTopic, topicAs, userId } from "./forums-support";

// These tests post far more than a member may in ten minutes; the limit itself is tested in
// forums-rate-limits.test.ts.
beforeAll(() => {
  process.env.RATE_LIMITS = "off";
});
afterAll(() => {
  delete process.env.RATE_LIMITS;
});

async function topicCount() {
  return Number(
    (
      await getDb()
        .selectFrom("topic")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

describe("starting a topic", () => {
  it("follows the form contract: POST title, body, tags → redirect to /t/:id/:slug", async () => {
    const { topicId, slug, location } = await startTopic("member@demo.test", "evaluation-validation", {
      title: "Évaluation locale d'un outil de tri",
      body: "Which **sample size** do you ask for?",
      tags: "Local validation, triage",
    });
    expect(location).toBe(`/t/${topicId}/${slug}`);
    expect(slug).toBe("evaluation-locale-d-un-outil-de-tri");
    const page = await topicAs("member@demo.test", topicId, slug);
    expect(page.status).toBe(200);
    expect(page.data.tags).toEqual(["local-validation", "triage"]);
    expect(page.data.posts[0].html).toContain("<strong>sample size</strong>");
    // The category counts the new topic.
    const category = await getDb()
      .selectFrom("category")
      .select(["topic_count", "post_count", "last_post_at"])
      .where("slug", "=", "evaluation-validation")
      .executeTakeFirstOrThrow();
    expect(category.last_post_at).not.toBeNull();
    expect(category.topic_count).toBeGreaterThan(1);
  });

  it("refuses empty or whitespace-only titles and bodies with messages, keeping the text, writing nothing", async () => {
    const cookie = await sessionCookie("member@demo.test");
    const before = await topicCount();
    const res = await call(
      newTopicAction,
      post("/forums/introductions/new", { title: "   ", body: " \n\t ", tags: "" }, { cookie }),
      { category: "introductions" },
    );
    expect(res.status).toBe(400);
    expect(res.data.result.error.title).toEqual(["validation.required"]);
    expect(res.data.result.error.body).toEqual(["validation.required"]);
    const kept = await call(
      newTopicAction,
      post("/forums/introductions/new", { title: "Hello", body: "   ", tags: "" }, { cookie }),
      { category: "introductions" },
    );
    expect(kept.status).toBe(400);
    expect(kept.data.result.initialValue.title).toBe("Hello");
    expect(await topicCount()).toBe(before);
  });

  it("refuses a body over 64 KiB with a message and keeps the text", async () => {
    const cookie = await sessionCookie("member@demo.test");
    const body = "é".repeat(MAX_POST_BYTES / 2 + 1); // 2 bytes each: just over the limit
    const before = await topicCount();
    const res = await call(newTopicAction, post("/forums/introductions/new", { title: "Long", body, tags: "" }, { cookie }), {
      category: "introductions",
    });
    expect(res.status).toBe(400);
    expect(res.data.result.error.body).toEqual(["forums.validation.bodyTooLong"]);
    expect(res.data.result.initialValue.body).toBe(body);
    expect(await topicCount()).toBe(before);
    // Exactly 64 KiB is accepted.
    const ok = await call(
      newTopicAction,
      post("/forums/introductions/new", { title: "Exactly the limit", body: "a".repeat(MAX_POST_BYTES), tags: "" }, { cookie }),
      { category: "introductions" },
    );
    expect(ok.status).toBe(302);
  });

  it("refuses bad tags", async () => {
    const cookie = await sessionCookie("member@demo.test");
    const many = await call(
      newTopicAction,
      post("/forums/introductions/new", { title: "Tags", body: "Body", tags: "a,b,c,d,e,f" }, { cookie }),
      { category: "introductions" },
    );
    expect(many.status).toBe(400);
    expect(many.data.result.error.tags).toEqual(["forums.validation.tooManyTags"]);
    const odd = await call(
      newTopicAction,
      post("/forums/introductions/new", { title: "Tags", body: "Body", tags: "<script>" }, { cookie }),
      { category: "introductions" },
    );
    expect(odd.status).toBe(400);
  });

  it("is for approved members who may post in the category", async () => {
    const anonymous = await call(newTopicLoader, get("/forums/introductions/new"), { category: "introductions" });
    expect(anonymous.status).toBe(302);
    const pending = await call(
      newTopicAction,
      post("/forums/introductions/new", { title: "Hi", body: "Hi" }, { cookie: await sessionCookie("pending@demo.test") }),
      { category: "introductions" },
    );
    expect(pending.status).toBe(403);
    // A working group's space: its members post, other members read.
    const outsider = await call(
      newTopicLoader,
      get("/forums/group-evaluation-procedures/new", { cookie: await sessionCookie("member@demo.test") }),
      {
        category: "group-evaluation-procedures",
      },
    );
    expect(outsider.status).toBe(403);
    const insider = await call(
      newTopicLoader,
      get("/forums/group-evaluation-procedures/new", { cookie: await sessionCookie("aisha@demo.test") }),
      {
        category: "group-evaluation-procedures",
      },
    );
    expect(insider.status).toBe(200);
    expect(
      (
        await call(newTopicLoader, get("/forums/nope/new", { cookie: await sessionCookie("member@demo.test") }), {
          category: "nope",
        })
      ).status,
    ).toBe(404);
  });
});

describe("replying", () => {
  it("follows the form contract: POST intent=reply, body → redirect to the new post's #post-N", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "introductions", { title: "Reply contract", body: "First" });
    const res = await replyAs("industry@demo.test", topicId, "Second");
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/t/${topicId}/${slug}#post-2`);
    const posts = await postsOf(topicId);
    expect(posts.map((p) => p.number)).toEqual([1, 2]);
    const topic = await getDb().selectFrom("topic").selectAll().where("id", "=", topicId).executeTakeFirstOrThrow();
    expect(topic.post_count).toBe(2);
    expect(topic.last_poster_id).toBe(await userId("industry"));
  });

  it("keeps the topic's and the category's counts and last activity exactly as a full recount finds them", async () => {
    const db = getDb();
    const { topicId } = await startTopic("member@demo.test", "introductions", { title: "Counted replies", body: "First" });
    for (const [i, who] of ["industry", "ravi", "sophie"].entries())
      expect((await replyAs(`${who}@demo.test`, topicId, `Reply ${i}`)).status).toBe(302);
    const snapshot = async () => ({
      topic: await db
        .selectFrom("topic")
        .select(["post_count", "last_post_number", "last_post_at", "last_poster_id"])
        .where("id", "=", topicId)
        .executeTakeFirstOrThrow(),
      category: await db
        .selectFrom("category")
        .select(["topic_count", "post_count", "last_post_at"])
        .where("slug", "=", "introductions")
        .executeTakeFirstOrThrow(),
    });
    // A deleted reply in between is not counted.
    expect((await act("industry@demo.test", topicId, { intent: "delete", post: "2" })).status).toBe(302);
    expect((await replyAs("minh@demo.test", topicId, "Reply after a deletion")).status).toBe(302);
    const counted = await snapshot();
    expect(counted.topic).toMatchObject({ post_count: 4, last_post_number: 5, last_poster_id: await userId("minh") });
    const { refreshTopicStats } = await import("~/models/topic.server");
    const { refreshCategoryStats } = await import("~/models/category.server");
    const topic = await db.selectFrom("topic").select("category_id").where("id", "=", topicId).executeTakeFirstOrThrow();
    await refreshTopicStats(db, topicId);
    await refreshCategoryStats(db, topic.category_id);
    expect(await snapshot()).toEqual(counted);
  });

  it("refuses empty replies and keeps nothing", async () => {
    const { topicId } = await startTopic("member@demo.test", "introductions", { title: "Empty reply", body: "First" });
    const res = await replyAs("industry@demo.test", topicId, "   \n  ");
    expect(res.status).toBe(400);
    expect(res.data.result.error.body).toEqual(["validation.required"]);
    expect(await postsOf(topicId)).toHaveLength(1);
  });

  it("in a locked topic is refused with 403 and a message, the text kept and nothing written", async () => {
    const { topicId } = await startTopic("member@demo.test", "introductions", { title: "To be locked", body: "First" });
    expect((await act("moderator@demo.test", topicId, { intent: "lock" })).status).toBe(302);
    const res = await replyAs("industry@demo.test", topicId, "Can I still answer?");
    expect(res.status).toBe(403);
    expect(res.data.result.error[""]).toEqual(["forums.errors.locked"]);
    expect(res.data.result.initialValue.body).toBe("Can I still answer?");
    expect(await postsOf(topicId)).toHaveLength(1);
    // The moderator who locked it may still explain why.
    expect((await replyAs("moderator@demo.test", topicId, "Locked: answered elsewhere.")).status).toBe(302);
  });

  it("never loses a concurrent reply: replies sent at once get distinct numbers", async () => {
    const { topicId } = await startTopic("member@demo.test", "introductions", { title: "Busy topic", body: "First" });
    const results = await Promise.all(
      ["industry", "ravi", "sophie", "minh", "aisha"].map((who, i) => replyAs(`${who}@demo.test`, topicId, `Reply ${i}`)),
    );
    expect(results.map((r) => r.status)).toEqual([302, 302, 302, 302, 302]);
    const posts = await postsOf(topicId);
    expect(posts.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(posts.map((p) => p.body_md)).size).toBe(6);
  });

  it("renders markdown that tries to inject script inert, and stores the HTML with the source", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "introductions", { title: "Injection", body: "First" });
    const attack = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      "[click](javascript:alert(1))",
      "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "![img](data:image/svg+xml;base64,PHN2Zz4=)",
      '<a href="#" onclick="alert(1)">x</a>',
      "[ok](https://example.org)",
    ].join("\n\n");
    expect((await replyAs("industry@demo.test", topicId, attack)).status).toBe(302);
    const [, stored] = await postsOf(topicId);
    expect(stored.body_md).toBe(attack);
    for (const html of [stored.body_html, (await topicAs("member@demo.test", topicId, slug, "?page=1")).data.posts[1].html]) {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toMatch(/<a[^>]+onclick/i);
      expect(html).not.toMatch(/href="(javascript|data):/i);
      expect(html).not.toMatch(/src="(javascript|data):/i);
      expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">');
    }
  });

  it("links @mentions of existing members and tells them — only if they may read the topic", async () => {
    const { topicId } = await startTopic("member@demo.test", "evaluation-validation", { title: "Mentions", body: "First" });
    const before = (await notificationsOf("ravi")).length;
    const res = await replyAs("industry@demo.test", topicId, "Thoughts, @ravi? And @nobody-here, and mail ravi@demo.test.");
    expect(res.status).toBe(302);
    const [, reply] = await postsOf(topicId);
    expect(reply.body_html).toContain('<a href="/members/ravi" class="mention">@ravi</a>');
    expect(reply.body_html).not.toContain("/members/nobody-here");
    const ravi = await notificationsOf("ravi");
    expect(ravi.length).toBe(before + 1);
    expect(ravi[ravi.length - 1]).toMatchObject({
      kind: "mention",
      url: `/t/${topicId}/mentions#post-2`,
      private_group_id: null,
      members_only: 0,
    });

    // In the private pilot space, a mentioned outsider is not told anything.
    const secret = await startTopic("editor@demo.test", "pilot-coordination-internal", {
      title: "Site 4 figures",
      body: "Draft figures",
    });
    const memberBefore = (await notificationsOf("member")).length;
    const minhBefore = (await notificationsOf("minh")).length;
    expect((await replyAs("chair@demo.test", secret.topicId, "@member and @minh, please check.")).status).toBe(302);
    expect((await notificationsOf("member")).length).toBe(memberBefore);
    const minh = await notificationsOf("minh");
    expect(minh.length).toBe(minhBefore + 1);
    expect(minh[minh.length - 1].private_group_id).not.toBeNull();
  });

  it("tells the topic's watchers (authors and repliers watch automatically), not those who muted it", async () => {
    const { topicId } = await startTopic("member@demo.test", "introductions", { title: "Watchers", body: "First" });
    await replyAs("industry@demo.test", topicId, "Second");
    const memberNotes = await notificationsOf("member");
    expect(memberNotes[memberNotes.length - 1]).toMatchObject({ kind: "reply", url: `/t/${topicId}/watchers#post-2` });
    // The member mutes; the next reply tells industry (who replied before) but not the member.
    expect((await act("member@demo.test", topicId, { intent: "watch", level: "muted" })).status).toBe(302);
    const memberCount = (await notificationsOf("member")).length;
    const industryCount = (await notificationsOf("industry")).length;
    await replyAs("ravi@demo.test", topicId, "Third, @member");
    expect((await notificationsOf("member")).length).toBe(memberCount);
    expect((await notificationsOf("industry")).length).toBe(industryCount + 1);
    // The replier is never told of their own reply.
    expect((await notificationsOf("ravi")).filter((n) => n.url.startsWith(`/t/${topicId}/`))).toHaveLength(0);
  });

  it("tells a category's watchers of new topics", async () => {
    const cookie = await sessionCookie("daniel@demo.test");
    const { action: categoryAction } = await import("~/routes/forums.$category");
    expect(
      (
        await call(categoryAction, post("/forums/risk-management", { intent: "watch", level: "watching" }, { cookie }), {
          category: "risk-management",
        })
      ).status,
    ).toBe(302);
    const before = (await notificationsOf("daniel")).length;
    const { topicId } = await startTopic("ravi@demo.test", "risk-management", {
      title: "Hazard log for triage tools",
      body: "What goes in it?",
    });
    const notes = await notificationsOf("daniel");
    expect(notes.length).toBe(before + 1);
    expect(notes[notes.length - 1]).toMatchObject({
      kind: "watched_topic",
      url: `/t/${topicId}/hazard-log-for-triage-tools#post-1`,
    });
  });
});

describe("drafts and previews", () => {
  it("saves a reply draft on Preview and Save draft (without JavaScript), restores it, and deletes it when sent", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "introductions", { title: "Drafts", body: "First" });
    const preview = await act("industry@demo.test", topicId, { intent: "preview", body: "Un **brouillon** pour @member" });
    expect(preview.status).toBe(200);
    expect(preview.data.preview).toContain("<strong>brouillon</strong>");
    expect(preview.data.preview).toContain('href="/members/member"');
    expect(await postsOf(topicId)).toHaveLength(1); // a preview posts nothing
    let page = await topicAs("industry@demo.test", topicId, slug);
    expect(page.data.draft.body).toBe("Un **brouillon** pour @member");

    const saved = await act("industry@demo.test", topicId, { intent: "draft", body: "Second version of my reply" });
    expect(saved.status).toBe(302);
    expect(saved.location).toContain("draft=saved");
    page = await topicAs("industry@demo.test", topicId, slug);
    expect(page.data.draft.body).toBe("Second version of my reply");
    // With JavaScript the timer posts the same action and gets JSON back.
    const autosave = await act("industry@demo.test", topicId, { intent: "draft", body: "Third", js: "1" });
    expect(autosave.status).toBe(200);
    expect(autosave.data.draftSavedAt).toBeTruthy();
    // A live preview does not touch the draft.
    await act("industry@demo.test", topicId, { intent: "preview", body: "Live", live: "1" });
    expect((await topicAs("industry@demo.test", topicId, slug)).data.draft.body).toBe("Third");

    await replyAs("industry@demo.test", topicId, "Third");
    expect((await topicAs("industry@demo.test", topicId, slug, "?page=1")).data.draft).toBeNull();
  });

  it("keeps a new-topic draft per category", async () => {
    const cookie = await sessionCookie("industry@demo.test");
    const saved = await call(
      newTopicAction,
      post(
        "/forums/risk-management/new",
        { intent: "draft", title: "Half a title", body: "Half a thought", tags: "pccp" },
        { cookie },
      ),
      {
        category: "risk-management",
      },
    );
    expect(saved.status).toBe(302);
    const page = await call(newTopicLoader, get("/forums/risk-management/new", { cookie }), { category: "risk-management" });
    expect(page.data.draft).toMatchObject({ title: "Half a title", body: "Half a thought", tags: "pccp" });
    await call(
      newTopicAction,
      post("/forums/risk-management/new", { title: "Half a title", body: "Now complete", tags: "pccp" }, { cookie }),
      { category: "risk-management" },
    );
    expect(
      (await call(newTopicLoader, get("/forums/risk-management/new", { cookie }), { category: "risk-management" })).data.draft,
    ).toBeNull();
  });

  it("quotes a post into the reply draft without JavaScript", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "introductions", {
      title: "Quoting",
      body: "Line one\nLine two",
    });
    const res = await act("industry@demo.test", topicId, { intent: "quote", post: "1" });
    expect(res.status).toBe(302);
    const page = await topicAs("industry@demo.test", topicId, slug, "?page=1");
    expect(page.data.draft.body).toContain("> Line one\n> Line two");
    expect(page.data.draft.body).toContain(`(/t/${topicId}/${slug}#post-1)`);
  });
});
