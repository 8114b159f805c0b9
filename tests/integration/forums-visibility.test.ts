import { beforeAll, describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { loader as homeLoader } from "~/routes/_index";
import { loader as categoryLoader } from "~/routes/forums.$category";
import { action as newTopicAction, loader as newTopicLoader } from "~/routes/forums.$category_.new/route";
import { loader as feedLoader } from "~/routes/forums.$category_.feed[.]xml";
import { loader as forumsLoader } from "~/routes/forums._index";
import { loader as groupDiscussionsLoader } from "~/routes/groups.$slug.discussions";
import { loader as notificationsLoader } from "~/routes/notifications";
import { action as topicAction, loader as topicLoader } from "~/routes/t.$topicId.($slug)/route";
import { loader as historyLoader } from "~/routes/t.$topicId.posts.$number.history";
import { getDb } from "~/utils/db.server";
import { call, get, post, sessionCookie } from "../support/routes";
import { act, cookieOf, replyAs, startTopic } from "./forums-support";

// chair, editor and minh belong to the private pilot-coordination group; the others do not.
const OUTSIDERS = [null, "pending@demo.test", "member@demo.test", "industry@demo.test", "moderator@demo.test", "admin@demo.test"];
const INSIDERS = ["chair@demo.test", "editor@demo.test", "minh@demo.test"];
const SECRET_TITLE = "Quarterly results of site 2 (confidential)";

let secret: { topicId: number; slug: string };

beforeAll(async () => {
  secret = await startTopic("editor@demo.test", "pilot-coordination-internal", {
    title: SECRET_TITLE,
    body: "Sensitivity 0.87 at site 2, below threshold.",
  });
  await replyAs("chair@demo.test", secret.topicId, "Noted — see the incident log. @member FYI"); // member may not read: not told
  await act("chair@demo.test", secret.topicId, {
    intent: "edit",
    post: "2",
    revision: "1",
    body: "Noted — see the incident log.",
  });
});

describe("a private category (pilot coordination)", () => {
  it("answers 404 to outsiders on the category, its topics, its post permalinks, history, feed and forms", async () => {
    for (const email of OUTSIDERS) {
      const cookie = await cookieOf(email);
      const who = email ?? "anonymous";
      const params = { topicId: String(secret.topicId), slug: secret.slug };
      expect(
        (
          await call(categoryLoader, get("/forums/pilot-coordination-internal", { cookie }), {
            category: "pilot-coordination-internal",
          })
        ).status,
        who,
      ).toBe(404);
      expect((await call(topicLoader, get(`/t/${secret.topicId}/${secret.slug}`, { cookie }), params)).status, who).toBe(404);
      expect((await call(topicLoader, get(`/t/${secret.topicId}/${secret.slug}?page=1`, { cookie }), params)).status, who).toBe(
        404,
      );
      expect(
        (await call(topicLoader, get(`/t/${secret.topicId}`, { cookie }), { topicId: String(secret.topicId) })).status,
        who,
      ).toBe(404);
      expect(
        (
          await call(historyLoader, get(`/t/${secret.topicId}/posts/2/history`, { cookie }), {
            topicId: String(secret.topicId),
            number: "2",
          })
        ).status,
        who,
      ).toBe(404);
      expect(
        (
          await call(feedLoader, get("/forums/pilot-coordination-internal/feed.xml", { cookie }), {
            category: "pilot-coordination-internal",
          })
        ).status,
        who,
      ).toBe(404);
      if (email) {
        expect(
          (
            await call(topicAction, post(`/t/${secret.topicId}`, { intent: "reply", body: "Let me in" }, { cookie }), {
              topicId: String(secret.topicId),
            })
          ).status,
          who,
        ).toBe(404);
        expect(
          (
            await call(topicAction, post(`/t/${secret.topicId}`, { intent: "react", post: "1", reaction: "heart" }, { cookie }), {
              topicId: String(secret.topicId),
            })
          ).status,
          who,
        ).toBe(404);
        expect(
          (
            await call(newTopicLoader, get("/forums/pilot-coordination-internal/new", { cookie }), {
              category: "pilot-coordination-internal",
            })
          ).status,
          who,
        ).toBe(404);
        expect(
          (
            await call(newTopicAction, post("/forums/pilot-coordination-internal/new", { title: "x", body: "y" }, { cookie }), {
              category: "pilot-coordination-internal",
            })
          ).status,
          who,
        ).toBe(404);
      }
    }
    // Unknown topics look exactly the same.
    expect((await call(topicLoader, get("/t/999999/x"), { topicId: "999999", slug: "x" })).status).toBe(404);
    expect((await call(topicLoader, get("/t/abc"), { topicId: "abc" })).status).toBe(404);
  });

  it("never shows its topics to outsiders in lists, counts, unread counts, notifications or the home page", async () => {
    for (const email of OUTSIDERS) {
      const cookie = await cookieOf(email);
      const who = email ?? "anonymous";
      const pages = [
        (await call(forumsLoader, get("/forums", { cookie }))).data,
        (await call(homeLoader, get("/", { cookie }))).data,
        (await call(categoryLoader, get("/forums/introductions", { cookie }), { category: "introductions" })).data,
        (
          await call(groupDiscussionsLoader, get("/groups/evaluation-procedures/discussions", { cookie }), {
            slug: "evaluation-procedures",
          })
        ).data,
      ];
      if (email) pages.push((await call(notificationsLoader, get("/notifications", { cookie }))).data);
      const text = JSON.stringify(pages);
      expect(text, who).not.toContain(SECRET_TITLE);
      expect(text, who).not.toContain("pilot-coordination-internal");
      expect(text, who).not.toContain(`/t/${secret.topicId}/`);
    }
    // The mentioned outsider got no notification at all, and their bell does not count one.
    const member = await sessionCookie("member@demo.test");
    const stored = await getDb()
      .selectFrom("notification")
      .select("id")
      .where("url", "like", `/t/${secret.topicId}/%`)
      .where(
        "user_id",
        "=",
        (await getDb().selectFrom("user").select("id").where("username", "=", "member").executeTakeFirstOrThrow()).id,
      )
      .execute();
    expect(stored).toEqual([]);
    expect((await call(rootLoader, get("/", { cookie: member }))).data.unreadNotifications).toBe(0);
  });

  it("is readable by the group's members, listed for them, with unread counts", async () => {
    // minh has not opened it: it is new to him.
    const minh = await call(
      categoryLoader,
      get("/forums/pilot-coordination-internal", { cookie: await sessionCookie("minh@demo.test") }),
      { category: "pilot-coordination-internal" },
    );
    expect(minh.data.topics.find((t: { title: string }) => t.title === SECRET_TITLE)).toMatchObject({ isNew: true });
    for (const email of INSIDERS) {
      const cookie = await sessionCookie(email);
      const list = await call(categoryLoader, get("/forums/pilot-coordination-internal", { cookie }), {
        category: "pilot-coordination-internal",
      });
      expect(list.status, email).toBe(200);
      expect(
        list.data.topics.map((t: { title: string }) => t.title),
        email,
      ).toContain(SECRET_TITLE);
      expect(
        (
          await call(topicLoader, get(`/t/${secret.topicId}/${secret.slug}?page=1`, { cookie }), {
            topicId: String(secret.topicId),
            slug: secret.slug,
          })
        ).status,
        email,
      ).toBe(200);
      const forums = await call(forumsLoader, get("/forums", { cookie }));
      expect(
        forums.data.groupSpaces.map((c: { slug: string }) => c.slug),
        email,
      ).toContain("pilot-coordination-internal");
      expect(JSON.stringify((await call(homeLoader, get("/", { cookie }))).data), email).toContain(SECRET_TITLE);
    }
  });

  it("hides its notifications from a member who leaves the group", async () => {
    const db = getDb();
    const editor = await db.selectFrom("user").select("id").where("username", "=", "editor").executeTakeFirstOrThrow();
    const mine = await db
      .selectFrom("notification")
      .select(["id", "private_group_id"])
      .where("user_id", "=", editor.id)
      .where("url", "like", `/t/${secret.topicId}/%`)
      .execute();
    expect(mine.length).toBeGreaterThan(0); // chair's reply told the editor, who watches the topic
    expect(mine.every((n) => n.private_group_id !== null)).toBe(true);
  });
});

describe("a members-only category (data protection)", () => {
  it("is 404 for visitors and pending accounts — category, topics, feed — and readable by members", async () => {
    const topic = await getDb()
      .selectFrom("topic")
      .innerJoin("category", "category.id", "topic.category_id")
      .select(["topic.id", "topic.slug"])
      .where("category.slug", "=", "data-protection")
      .executeTakeFirstOrThrow();
    for (const email of [null, "pending@demo.test"]) {
      const cookie = await cookieOf(email);
      expect(
        (await call(categoryLoader, get("/forums/data-protection", { cookie }), { category: "data-protection" })).status,
      ).toBe(404);
      expect(
        (
          await call(topicLoader, get(`/t/${topic.id}/${topic.slug}`, { cookie }), {
            topicId: String(topic.id),
            slug: topic.slug,
          })
        ).status,
      ).toBe(404);
      const home = JSON.stringify((await call(homeLoader, get("/", { cookie }))).data);
      expect(home).not.toContain("data-protection");
    }
    const cookie = await sessionCookie("member@demo.test");
    expect(
      (
        await call(topicLoader, get(`/t/${topic.id}/${topic.slug}?page=1`, { cookie }), {
          topicId: String(topic.id),
          slug: topic.slug,
        })
      ).status,
    ).toBe(200);
    // Feeds are for public spaces only, even for members.
    expect(
      (await call(feedLoader, get("/forums/data-protection/feed.xml", { cookie }), { category: "data-protection" })).status,
    ).toBe(404);
  });

  it("does not count its topics for visitors: the category is simply not listed", async () => {
    const anonymous = await call(forumsLoader, get("/forums"));
    const slugs = [...anonymous.data.community, ...anonymous.data.groupSpaces].map((c: { slug: string }) => c.slug);
    expect(slugs).not.toContain("data-protection");
    expect(slugs).not.toContain("pilot-programmes");
    expect(slugs).toContain("introductions");
  });
});

describe("the demo community", () => {
  it("has realistic discussions in several categories and languages, with an accepted answer and unread posts", async () => {
    const db = getDb();
    const topics = await db
      .selectFrom("topic")
      .innerJoin("category", "category.id", "topic.category_id")
      .select(["category.slug", "topic.title", "topic.accepted_post_number"])
      .execute();
    const categories = new Set(topics.map((t) => t.slug));
    for (const slug of [
      "introductions",
      "evaluation-validation",
      "post-deployment-monitoring",
      "data-protection",
      "pilot-coordination-internal",
      "group-evaluation-procedures",
    ]) {
      expect(categories, slug).toContain(slug);
    }
    expect(topics.some((t) => t.slug === "evaluation-validation" && t.accepted_post_number !== null)).toBe(true);
    const bodies = (await db.selectFrom("post").select("body_md").execute()).map((p) => p.body_md).join("\n");
    expect(bodies).toMatch(/Bonjour/);
    expect(bodies).toMatch(/Xin chào/);
    expect(await db.selectFrom("reaction").select("post_id").limit(1).execute()).toHaveLength(1);
    const html = (await db.selectFrom("post").select("body_html").execute()).map((p) => p.body_html).join("\n");
    expect(html).toContain('class="mention"');
    expect(await db.selectFrom("flag").select("id").where("status", "=", "open").execute()).not.toHaveLength(0);
    const member = await sessionCookie("member@demo.test");
    const kpi = await call(categoryLoader, get("/forums/post-deployment-monitoring", { cookie: member }), {
      category: "post-deployment-monitoring",
    });
    expect(kpi.data.topics.some((t: { unread: number }) => t.unread > 0)).toBe(true);
  });
});
