import { describe, expect, it } from "vitest";
import { action as categoriesAction, loader as categoriesLoader } from "~/routes/admin.categories/route";
import { loader as categoryLoader } from "~/routes/forums.$category";
import { loader as newTopicLoader } from "~/routes/forums.$category_.new/route";
import { loader as forumsLoader } from "~/routes/forums._index";
import { getDb } from "~/utils/db.server";
import { call, get, post, sessionCookie } from "../support/routes";
import { replyAs, startTopic } from "./forums-support";

async function asAdmin(fields: Record<string, string>) {
  return call(categoriesAction, post("/admin/categories", fields, { cookie: await sessionCookie("admin@demo.test") }));
}

async function category(slug: string) {
  return getDb().selectFrom("category").selectAll().where("slug", "=", slug).executeTakeFirstOrThrow();
}

describe("managing categories", () => {
  it("is for administrators only", async () => {
    for (const email of ["moderator@demo.test", "member@demo.test"]) {
      const cookie = await sessionCookie(email);
      expect((await call(categoriesLoader, get("/admin/categories", { cookie }))).status, email).toBe(403);
      expect(
        (
          await call(
            categoriesAction,
            post("/admin/categories", { intent: "create", slug: "x-y", name: "X", visibility: "public" }, { cookie }),
          )
        ).status,
        email,
      ).toBe(403);
    }
  });

  it("creates a category (validated, audited) that appears in the forums", async () => {
    const bad = await asAdmin({ intent: "create", slug: "Not A Slug!", name: " ", visibility: "secret" });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error).toMatchObject({
      slug: ["forums.validation.slug"],
      name: ["validation.required"],
      visibility: ["forums.validation.visibility"],
    });
    const noGroup = await asAdmin({ intent: "create", slug: "secret-space", name: "Secret", visibility: "private" });
    expect(noGroup.status).toBe(400);
    expect(noGroup.data.result.error.groupId).toEqual(["forums.validation.privateNeedsGroup"]);
    const taken = await asAdmin({ intent: "create", slug: "introductions", name: "Again", visibility: "public" });
    expect(taken.status).toBe(409);
    expect(taken.data.result.error.slug).toEqual(["forums.validation.slugTaken"]);

    const created = await asAdmin({
      intent: "create",
      slug: "ai-procurement",
      name: "AI procurement",
      description: "Tenders and contracts.",
      visibility: "public",
      qa: "on",
    });
    expect(created.location).toBe("/admin/categories?done=create");
    const row = await category("ai-procurement");
    expect(row).toMatchObject({ name: "AI procurement", qa: 1, visibility: "public", archived_at: null });
    const forums = await call(forumsLoader, get("/forums"));
    expect(forums.data.community.map((c: { slug: string }) => c.slug)).toContain("ai-procurement");
    const audit = await getDb()
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "category.create")
      .where("subject_id", "=", String(row.id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("edits a category; its topics follow its new visibility", async () => {
    await asAdmin({ intent: "create", slug: "becomes-members", name: "Becomes members", visibility: "public" });
    const row = await category("becomes-members");
    const { topicId } = await startTopic("member@demo.test", "becomes-members", { title: "Soon members-only", body: "Body" });
    await replyAs("ravi@demo.test", topicId, "Reply to @member");
    const edited = await asAdmin({
      intent: "edit",
      id: String(row.id),
      slug: "becomes-members",
      name: "Now members only",
      visibility: "members",
      description: "",
    });
    expect(edited.status).toBe(302);
    expect(await category("becomes-members")).toMatchObject({ name: "Now members only", visibility: "members" });
    expect((await call(categoryLoader, get("/forums/becomes-members"), { category: "becomes-members" })).status).toBe(404);
    const notes = await getDb()
      .selectFrom("notification")
      .select("members_only")
      .where("url", "like", `/t/${topicId}/%`)
      .execute();
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.members_only === 1)).toBe(true);
    const audit = await getDb()
      .selectFrom("audit_event")
      .select("data")
      .where("action", "=", "category.update")
      .where("subject_id", "=", String(row.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({ before: { visibility: "public" }, after: { visibility: "members" } });
  });

  it("reorders categories", async () => {
    const before = (await call(forumsLoader, get("/forums"))).data.community.map((c: { slug: string }) => c.slug);
    const second = await category(before[1]);
    expect((await asAdmin({ intent: "up", id: String(second.id) })).status).toBe(302);
    const after = (await call(forumsLoader, get("/forums"))).data.community.map((c: { slug: string }) => c.slug);
    expect(after.slice(0, 2)).toEqual([before[1], before[0]]);
    expect(after.slice(2)).toEqual(before.slice(2));
  });

  it("archives a category: out of the lists, no new posts, its topics still readable; and brings it back", async () => {
    const { topicId, slug } = await startTopic("member@demo.test", "regulatory-questions", {
      title: "Before archiving",
      body: "Body",
    });
    const row = await category("regulatory-questions");
    expect((await asAdmin({ intent: "archive", id: String(row.id) })).location).toBe("/admin/categories?done=archive");
    const forums = await call(forumsLoader, get("/forums"));
    expect(forums.data.community.map((c: { slug: string }) => c.slug)).not.toContain("regulatory-questions");
    const page = await call(categoryLoader, get("/forums/regulatory-questions"), { category: "regulatory-questions" });
    expect(page.status).toBe(200);
    expect(page.data.category.archived).toBe(true);
    expect(page.data.can.createTopic).toBe(false);
    const cookie = await sessionCookie("member@demo.test");
    expect(
      (await call(newTopicLoader, get("/forums/regulatory-questions/new", { cookie }), { category: "regulatory-questions" }))
        .status,
    ).toBe(403);
    const reply = await replyAs("ravi@demo.test", topicId, "Too late?");
    expect(reply.status).toBe(403);
    expect(slug).toBe("before-archiving");
    expect((await asAdmin({ intent: "unarchive", id: String(row.id) })).status).toBe(302);
    expect((await replyAs("ravi@demo.test", topicId, "Now fine")).status).toBe(302);
    const actions = (
      await getDb()
        .selectFrom("audit_event")
        .select("action")
        .where("subject_type", "=", "category")
        .where("subject_id", "=", String(row.id))
        .orderBy("id")
        .execute()
    ).map((a) => a.action);
    expect(actions).toEqual(["category.archive", "category.unarchive"]);
  });

  it("shows administrators only the private spaces of groups they belong to", async () => {
    const list = await call(categoriesLoader, get("/admin/categories", { cookie: await sessionCookie("admin@demo.test") }));
    expect(list.status).toBe(200);
    expect(list.data.categories.map((c: { slug: string }) => c.slug)).not.toContain("pilot-coordination-internal");
    expect(list.data.groups.map((g: { name: string }) => g.name).join()).not.toMatch(/Pilot programme coordination/);
    const secret = await category("pilot-coordination-internal");
    expect((await asAdmin({ intent: "archive", id: String(secret.id) })).status).toBe(404);
  });
});
