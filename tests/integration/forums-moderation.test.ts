import { describe, expect, it } from "vitest";
import { loader as adminLoader } from "~/routes/admin";
import { action as moderationAction, loader as moderationLoader } from "~/routes/admin.moderation/route";
import { loader as categoryLoader } from "~/routes/forums.$category";
import { getDb } from "~/utils/db.server";
import { call, get, post, sessionCookie } from "../support/routes";
import { act, notificationsOf, postsOf, replyAs, startTopic, topicAs } from "./forums-support";

async function queueAs(email: string) {
  return call(moderationLoader, get("/admin/moderation", { cookie: await sessionCookie(email) }));
}

async function moderate(email: string, fields: Record<string, string>) {
  return call(moderationAction, post("/admin/moderation", fields, { cookie: await sessionCookie(email) }));
}

async function auditActions(subjectType: string, subjectId: number) {
  return (
    await getDb()
      .selectFrom("audit_event")
      .select("action")
      .where("subject_type", "=", subjectType)
      .where("subject_id", "=", String(subjectId))
      .orderBy("id")
      .execute()
  ).map((row) => row.action);
}

describe("flags and the moderation queue", () => {
  it("requires a reason to flag, lists flagged posts for moderators, and hides, restores or dismisses them — audited", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "introductions", { title: "Flag me", body: "Body" });
    await replyAs("industry@demo.test", topicId, "The patient in bed 12, born 1957, reacted badly.");
    const noReason = await act("ravi@demo.test", topicId, { intent: "flag", post: "2", reason: "  " });
    expect(noReason.status).toBe(400);
    expect(noReason.data.error).toBe("validation.required");
    const flagged = await act("ravi@demo.test", topicId, { intent: "flag", post: "2", reason: "Identifiable patient details" });
    expect(flagged.status).toBe(302);
    expect(flagged.location).toBe(`/t/${topicId}/${slug}?flagged=2#post-2`);
    expect((await act("ravi@demo.test", topicId, { intent: "flag", post: "2", reason: "Again" })).status).toBe(409);
    await act("sophie@demo.test", topicId, { intent: "flag", post: "2", reason: "Données de santé identifiantes" });
    // Nobody flags their own post.
    expect((await act("industry@demo.test", topicId, { intent: "flag", post: "2", reason: "Mine" })).status).toBe(403);

    // Members may not see the queue; moderators see the post with its flags.
    expect((await queueAs("member@demo.test")).status).toBe(403);
    const queue = await queueAs("moderator@demo.test");
    const item = queue.data.flagged.find((f: { topicId: number }) => f.topicId === topicId);
    expect(item).toMatchObject({ number: 2, authorName: "Claire Dubois", hidden: false });
    expect(item.flags.map((f: { reason: string }) => f.reason)).toEqual([
      "Identifiable patient details",
      "Données de santé identifiantes",
    ]);

    // Hide: members see a placeholder; the author and moderators still see the content.
    expect((await moderate("moderator@demo.test", { intent: "hide", topic: String(topicId), post: "2" })).location).toBe(
      "/admin/moderation?done=hide",
    );
    const asMember = await topicAs("ravi@demo.test", topicId, slug);
    expect(asMember.data.posts[1]).toMatchObject({ state: "hidden", html: null });
    expect(JSON.stringify(asMember.data)).not.toContain("born 1957");
    expect((await topicAs(null, topicId, slug)).data.posts[1].html).toBeNull();
    expect((await topicAs("industry@demo.test", topicId, slug, "?page=1")).data.posts[1].html).toContain("born 1957");
    expect((await topicAs("moderator@demo.test", topicId, slug)).data.posts[1].html).toContain("born 1957");
    const notes = await notificationsOf("industry");
    expect(notes[notes.length - 1].kind).toBe("post_hidden");
    const after = await queueAs("moderator@demo.test");
    expect(after.data.flagged.find((f: { topicId: number }) => f.topicId === topicId)).toBeUndefined();
    expect(after.data.hidden.find((h: { topicId: number }) => h.topicId === topicId)).toMatchObject({
      number: 2,
      hiddenBy: "Priya Raman",
    });

    // Restore.
    expect((await moderate("moderator@demo.test", { intent: "restore", topic: String(topicId), post: "2" })).status).toBe(302);
    expect((await topicAs("ravi@demo.test", topicId, slug)).data.posts[1].state).toBe("visible");

    // Dismiss a new flag without touching the post.
    await act("daniel@demo.test", topicId, { intent: "flag", post: "2", reason: "Still worried" });
    expect((await moderate("moderator@demo.test", { intent: "dismiss", topic: String(topicId), post: "2" })).status).toBe(302);
    expect((await postsOf(topicId))[1].hidden).toBe(0);
    const statuses = (
      await getDb()
        .selectFrom("flag")
        .select("status")
        .where("post_id", "=", (await postsOf(topicId))[1].id)
        .orderBy("id")
        .execute()
    ).map((f) => f.status);
    expect(statuses).toEqual(["hidden", "hidden", "dismissed"]);
    expect(await auditActions("post", (await postsOf(topicId))[1].id)).toEqual(["post.hide", "post.unhide", "flag.dismiss"]);
    // Dismissing again finds nothing to dismiss.
    expect((await moderate("moderator@demo.test", { intent: "dismiss", topic: String(topicId), post: "2" })).status).toBe(404);
  });

  it("lists only what the moderator may read: a private group's flags stay with its chair", async () => {
    const { topicId, slug } = await startTopic("editor@demo.test", "pilot-coordination-internal", {
      title: "Private flagged",
      body: "Body",
    });
    await replyAs("chair@demo.test", topicId, "Site 2 details");
    await act("editor@demo.test", topicId, { intent: "flag", post: "2", reason: "Too detailed" });
    const moderatorQueue = await queueAs("moderator@demo.test");
    expect(JSON.stringify(moderatorQueue.data)).not.toContain("Private flagged");
    expect((await moderate("moderator@demo.test", { intent: "hide", topic: String(topicId), post: "2" })).status).toBe(404);
    // The group's chair (minh) moderates the group's space from the topic page.
    expect((await act("minh@demo.test", topicId, { intent: "hide", post: "2" })).status).toBe(302);
    expect((await topicAs("editor@demo.test", topicId, slug, "?page=1")).data.posts[1].state).toBe("hidden");
  });

  it("opens the administration area to moderators, with only their tabs", async () => {
    const res = await call(adminLoader, get("/admin/moderation", { cookie: await sessionCookie("moderator@demo.test") }));
    expect(res.status).toBe(200);
    expect(res.data.tabs).toEqual({ applications: false, members: false, categories: false, moderation: true, audit: false });
    const admin = await call(adminLoader, get("/admin", { cookie: await sessionCookie("admin@demo.test") }));
    expect(admin.data.tabs).toEqual({ applications: true, members: true, categories: true, moderation: true, audit: true });
  });
});

describe("topic moderation", () => {
  it("pins, locks and moves topics, each audited; members may not", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "introductions", { title: "Moderate me", body: "Body" });
    for (const intent of ["pin", "lock", "unlock", "unpin"])
      expect((await act("member@demo.test", topicId, { intent })).status, intent).toBe(403);
    expect((await act("moderator@demo.test", topicId, { intent: "pin" })).location).toBe(`/t/${topicId}/${slug}?done=pin`);
    expect((await act("moderator@demo.test", topicId, { intent: "lock" })).status).toBe(302);
    let page = await topicAs("moderator@demo.test", topicId, slug);
    expect(page.data.topic).toMatchObject({ pinned: 1, locked: 1 });
    expect(page.data.moveTargets.map((c: { name: string }) => c.name)).toContain("Risk management");
    expect(JSON.stringify(page.data.moveTargets)).not.toContain("Pilot coordination");

    const target = await getDb()
      .selectFrom("category")
      .select("id")
      .where("slug", "=", "risk-management")
      .executeTakeFirstOrThrow();
    expect((await act("member@demo.test", topicId, { intent: "move", category: String(target.id) })).status).toBe(403);
    expect((await act("moderator@demo.test", topicId, { intent: "move", category: String(target.id) })).status).toBe(302);
    page = await topicAs("moderator@demo.test", topicId, slug);
    expect(page.data.topic.category.slug).toBe("risk-management");
    const list = await call(categoryLoader, get("/forums/risk-management"), { category: "risk-management" });
    expect(list.data.topics.map((t: { id: number }) => t.id)).toContain(topicId);
    const old = await call(categoryLoader, get("/forums/introductions"), { category: "introductions" });
    expect(old.data.topics.map((t: { id: number }) => t.id)).not.toContain(topicId);

    // A moderator may not move a topic into a private space they cannot read.
    const secret = await getDb()
      .selectFrom("category")
      .select("id")
      .where("slug", "=", "pilot-coordination-internal")
      .executeTakeFirstOrThrow();
    expect((await act("moderator@demo.test", topicId, { intent: "move", category: String(secret.id) })).status).toBe(403);
    expect((await act("moderator@demo.test", topicId, { intent: "move", category: "999999" })).status).toBe(404);

    expect(await auditActions("topic", topicId)).toEqual(["topic.pin", "topic.lock", "topic.move"]);
    const move = await getDb()
      .selectFrom("audit_event")
      .select("data")
      .where("action", "=", "topic.move")
      .where("subject_id", "=", String(topicId))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(move.data)).toMatchObject({
      before: { category: "introductions" },
      after: { category: "risk-management" },
    });
  });

  it("moving a topic into a members-only space carries its notifications along", async () => {
    const { topicId } = await startTopic("member@demo.test", "introductions", { title: "Becomes members-only", body: "Body" });
    await replyAs("ravi@demo.test", topicId, "Hello @member");
    const target = await getDb()
      .selectFrom("category")
      .select("id")
      .where("slug", "=", "data-protection")
      .executeTakeFirstOrThrow();
    await act("moderator@demo.test", topicId, { intent: "move", category: String(target.id) });
    const notes = (await notificationsOf("member")).filter((n) => n.url.startsWith(`/t/${topicId}/`));
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note.members_only).toBe(1);
  });
});
