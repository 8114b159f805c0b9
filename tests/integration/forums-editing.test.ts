import { describe, expect, it } from "vitest";
import { loader as historyLoader } from "~/routes/t.$topicId.posts.$number.history";
import { getDb } from "~/utils/db.server";
import { call, get, sessionCookie } from "../support/routes";
import { act, postsOf, replyAs, startTopic, topicAs } from "./forums-support";

async function historyAs(email: string | null, topicId: number, number: number) {
  const cookie = email ? await sessionCookie(email) : undefined;
  return call(historyLoader, get(`/t/${topicId}/posts/${number}/history`, { cookie }), {
    topicId: String(topicId),
    number: String(number),
  });
}

describe("editing a post", () => {
  it("keeps every revision; the history shows who changed what, with a word diff", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "introductions", {
      title: "Edits",
      body: "We report sensitivity every quarter.",
    });
    const res = await act("member@demo.test", topicId, {
      intent: "edit",
      post: "1",
      revision: "1",
      body: "We report sensitivity and override rate every quarter.",
      reason: "Added a KPI",
    });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/t/${topicId}/${slug}#post-1`);
    const [post] = await postsOf(topicId);
    expect(post.revision).toBe(2);
    expect(post.body_html).toContain("override rate");
    expect(post.edited_at).not.toBeNull();

    const history = await historyAs(null, topicId, 1);
    expect(history.status).toBe(200);
    expect(history.data.history).toHaveLength(2);
    const [latest, original] = history.data.history;
    expect(latest).toMatchObject({ revision: 2, editor: "Tan Wei Ming", reason: "Added a KPI" });
    expect(latest.diff).toEqual(
      expect.arrayContaining([
        { kind: "added", text: expect.stringContaining("override") },
        { kind: "same", text: expect.stringContaining("every quarter.") },
      ]),
    );
    expect(latest.diff.filter((s: { kind: string }) => s.kind === "removed")).toEqual([]);
    expect(original.revision).toBe(1);
    const page = await topicAs(null, topicId, slug);
    expect(page.data.posts[0].can.history).toBe(true);
    expect(page.data.posts[0].edited_at).not.toBeNull();
  });

  it("gives the markdown source only of the post being edited, and only to who may edit it", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "introductions", {
      title: "Source",
      body: "Some **bold** text",
    });
    await replyAs("ravi@demo.test", topicId, "A _reply_");
    const mine = await topicAs("member@demo.test", topicId, slug, "?page=1&edit=1");
    expect(mine.data.editing).toEqual({ number: 1, body: "Some **bold** text", revision: 1 });
    expect(mine.data.posts[0].html).toContain("<strong>bold</strong>");
    expect(JSON.stringify(mine.data.posts)).not.toContain("**bold**");
    expect((await topicAs("member@demo.test", topicId, slug, "?page=1&edit=2")).data.editing).toBeNull();
    expect((await topicAs(null, topicId, slug, "?edit=1")).data.editing).toBeNull();
  });

  it("changes the title and tags with the first post, and the address follows", async () => {
    const { topicId } = await startTopic("member@demo.test", "introductions", { title: "Old title", body: "Body", tags: "one" });
    const res = await act("member@demo.test", topicId, {
      intent: "edit",
      post: "1",
      revision: "1",
      body: "Body",
      title: "New title",
      tags: "two, three",
    });
    expect(res.location).toBe(`/t/${topicId}/new-title#post-1`);
    const page = await topicAs(null, topicId, "new-title");
    expect(page.data.topic.title).toBe("New title");
    expect(page.data.tags).toEqual(["three", "two"]);
    const history = await historyAs(null, topicId, 1);
    expect(history.data.history[0]).toMatchObject({ titleChanged: true, previousTitle: "Old title", title: "New title" });
  });

  it("refuses an edit based on a revision a moderator changed meanwhile: 409, the current text shown, nothing lost", async () => {
    const { topicId } = await startTopic("member@demo.test", "introductions", { title: "Conflict", body: "Original text" });
    // A moderator edits first.
    expect(
      (
        await act("moderator@demo.test", topicId, {
          intent: "edit",
          post: "1",
          revision: "1",
          body: "Original text, without the phone number",
        })
      ).status,
    ).toBe(302);
    // The author's edit was based on revision 1.
    const res = await act("member@demo.test", topicId, {
      intent: "edit",
      post: "1",
      revision: "1",
      body: "Original text, with my addition",
    });
    expect(res.status).toBe(409);
    expect(res.data.conflict).toMatchObject({
      body: "Original text, without the phone number",
      revision: 2,
      editedBy: "Priya Raman",
    });
    expect(res.data.result.initialValue.body).toBe("Original text, with my addition");
    const [post] = await postsOf(topicId);
    expect(post.body_md).toBe("Original text, without the phone number");
    expect(post.revision).toBe(2);
    // Saving again on top of the current revision works.
    expect(
      (await act("member@demo.test", topicId, { intent: "edit", post: "1", revision: "2", body: "Merged by hand" })).status,
    ).toBe(302);
    // The moderator's edit of someone else's post is audited.
    const audit = await getDb()
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "post.edit")
      .where("subject_id", "=", String(post.id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("never loses a concurrent reply while a post is edited", async () => {
    const { topicId } = await startTopic("member@demo.test", "introductions", { title: "Edit and reply", body: "Body" });
    const [edit, reply] = await Promise.all([
      act("member@demo.test", topicId, { intent: "edit", post: "1", revision: "1", body: "Body, edited" }),
      replyAs("industry@demo.test", topicId, "A reply at the same time"),
    ]);
    expect([edit.status, reply.status]).toEqual([302, 302]);
    expect((await postsOf(topicId)).map((p) => p.body_md)).toEqual(["Body, edited", "A reply at the same time"]);
  });

  it("is for the author and moderators only, with messages for bad input", async () => {
    const { topicId } = await startTopic("member@demo.test", "introductions", { title: "Not yours", body: "Body" });
    expect((await act("industry@demo.test", topicId, { intent: "edit", post: "1", revision: "1", body: "Hijack" })).status).toBe(
      403,
    );
    const empty = await act("member@demo.test", topicId, { intent: "edit", post: "1", revision: "1", body: "  " });
    expect(empty.status).toBe(400);
    expect(empty.data.result.error.body).toEqual(["validation.required"]);
    const big = await act("member@demo.test", topicId, {
      intent: "edit",
      post: "1",
      revision: "1",
      body: "x".repeat(64 * 1024 + 1),
    });
    expect(big.status).toBe(400);
    expect(big.data.result.error.body).toEqual(["forums.validation.bodyTooLong"]);
    expect(big.data.result.initialValue.body).toHaveLength(64 * 1024 + 1);
    expect((await act("member@demo.test", topicId, { intent: "edit", post: "7", revision: "1", body: "Nope" })).status).toBe(404);
    expect((await postsOf(topicId))[0].body_md).toBe("Body");
    // A locked topic freezes its posts for their authors.
    await act("moderator@demo.test", topicId, { intent: "lock" });
    expect((await act("member@demo.test", topicId, { intent: "edit", post: "1", revision: "1", body: "Late edit" })).status).toBe(
      403,
    );
  });

  it("shows a hidden post's history only to its author and moderators", async () => {
    const { topicId } = await startTopic("member@demo.test", "introductions", { title: "Hidden history", body: "Body" });
    await replyAs("industry@demo.test", topicId, "Mistake with a patient's name");
    await act("industry@demo.test", topicId, { intent: "edit", post: "2", revision: "1", body: "Mistake, name removed" });
    await act("moderator@demo.test", topicId, { intent: "hide", post: "2" });
    expect((await historyAs("ravi@demo.test", topicId, 2)).status).toBe(404);
    expect((await historyAs(null, topicId, 2)).status).toBe(404);
    expect((await historyAs("industry@demo.test", topicId, 2)).status).toBe(200);
    expect((await historyAs("moderator@demo.test", topicId, 2)).status).toBe(200);
    expect((await historyAs(null, topicId, 99)).status).toBe(404);
  });
});

describe("deleting", () => {
  it("soft-deletes one's own reply (shown as deleted); moderators see and restore it; audited", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "introductions", { title: "Deletions", body: "Body" });
    await replyAs("industry@demo.test", topicId, "Reply to withdraw");
    expect((await act("ravi@demo.test", topicId, { intent: "delete", post: "2" })).status).toBe(403);
    expect((await act("industry@demo.test", topicId, { intent: "delete", post: "2" })).status).toBe(302);
    const asMember = await topicAs("ravi@demo.test", topicId, slug);
    expect(asMember.data.posts[1]).toMatchObject({ state: "deleted", html: null });
    expect(JSON.stringify(asMember.data)).not.toContain("Reply to withdraw");
    const asModerator = await topicAs("moderator@demo.test", topicId, slug);
    expect(asModerator.data.posts[1]).toMatchObject({ state: "deleted", html: "<p>Reply to withdraw</p>\n" });
    expect(asModerator.data.posts[1].can.restore).toBe(true);
    expect(
      (await getDb().selectFrom("topic").select("post_count").where("id", "=", topicId).executeTakeFirstOrThrow()).post_count,
    ).toBe(1);
    // Other members cannot restore (its author could, for 24 hours: confirmation.test.ts); moderators can.
    expect((await act("ravi@demo.test", topicId, { intent: "restore", post: "2" })).status).toBe(403);
    expect((await act("moderator@demo.test", topicId, { intent: "restore", post: "2" })).status).toBe(302);
    expect((await topicAs("ravi@demo.test", topicId, slug)).data.posts[1].state).toBe("visible");
    const actions = (
      await getDb()
        .selectFrom("audit_event")
        .select("action")
        .where("subject_type", "=", "post")
        .orderBy("id", "desc")
        .limit(2)
        .execute()
    ).map((a) => a.action);
    expect(actions).toEqual(["post.restore", "post.delete"]);
  });

  it("lets the author withdraw a topic nobody answered, and moderators delete and restore topics", async () => {
    const lonely = await startTopic("member@demo.test", "introductions", { title: "Withdrawn", body: "Body" });
    expect((await act("member@demo.test", lonely.topicId, { intent: "delete-topic", confirm: "yes" })).location).toBe(
      "/forums/introductions?deleted=1",
    );
    expect((await topicAs("member@demo.test", lonely.topicId, lonely.slug)).status).toBe(404);
    expect((await topicAs("moderator@demo.test", lonely.topicId, lonely.slug)).status).toBe(200);
    expect((await act("moderator@demo.test", lonely.topicId, { intent: "restore-topic" })).status).toBe(302);
    expect((await topicAs(null, lonely.topicId, lonely.slug)).status).toBe(200);

    const answered = await startTopic("member@demo.test", "introductions", { title: "Answered", body: "Body" });
    await replyAs("ravi@demo.test", answered.topicId, "An answer");
    expect((await act("member@demo.test", answered.topicId, { intent: "delete-topic", confirm: "yes" })).status).toBe(403);
    expect((await act("moderator@demo.test", answered.topicId, { intent: "delete-topic", confirm: "yes" })).status).toBe(302);
  });
});
