// "@" suggestions (app/routes/mentions.ts): members who may read the place, matching what was
// typed, and nothing at all for someone who may not post there.
import { describe, expect, it } from "vitest";
import { loader } from "~/routes/mentions";
import { getDb } from "~/utils/db.server";
import { call, get, sessionCookie } from "../support/routes";

async function topicIn(visibility: "public" | "private") {
  const row = await getDb()
    .selectFrom("topic")
    .innerJoin("category", "category.id", "topic.category_id")
    .select(["topic.id", "category.group_id"])
    .where("category.visibility", "=", visibility)
    .where("topic.locked", "=", 0)
    .where("topic.deleted_at", "is", null)
    .orderBy("topic.id")
    .executeTakeFirstOrThrow();
  return row;
}

const suggest = async (query: string, cookie?: string) => call(loader, get(`/mentions?${query}`, cookie ? { cookie } : {}), {});

describe("mention suggestions", () => {
  it("suggest approved members by the start of their username or a part of their name", async () => {
    const topic = await topicIn("public");
    const member = await sessionCookie("member@demo.test");
    const byUsername = await suggest(`topic=${topic.id}&q=ra`, member);
    expect(byUsername.status).toBe(200);
    expect(byUsername.data.members.map((m: { username: string }) => m.username)).toContain("ravi");
    const byName = await suggest(`topic=${topic.id}&q=wei`, member);
    expect(byName.data.members.map((m: { name: string }) => m.name)).toContain("Tan Wei Ming");
    // Applicants are not members yet.
    const pending = await suggest(`topic=${topic.id}&q=pend`, member);
    expect(pending.data.members).toEqual([]);
  });

  it("in a private group's topic, suggest its members only", async () => {
    const topic = await topicIn("private");
    const chair = await sessionCookie("minh@demo.test");
    const all = await suggest(`topic=${topic.id}&q=a`, chair);
    expect(all.status).toBe(200);
    const usernames: string[] = all.data.members.map((m: { username: string }) => m.username);
    const members = await getDb()
      .selectFrom("group_membership")
      .innerJoin("user", "user.id", "group_membership.user_id")
      .select("user.username")
      .where("group_id", "=", topic.group_id!)
      .execute();
    const allowed = new Set(members.map((m) => m.username));
    expect(usernames.length).toBeGreaterThan(0);
    for (const username of usernames) expect(allowed.has(username), username).toBe(true);
    const outsiderName = await suggest(`topic=${topic.id}&q=member`, chair);
    expect(outsiderName.data.members.map((m: { username: string }) => m.username)).not.toContain("member");
  });

  it("answer 404 with nothing to whoever may not post there, and nothing for a query that is not a name", async () => {
    const topic = await topicIn("private");
    expect((await suggest(`topic=${topic.id}&q=a`)).status).toBe(404);
    const outsider = await suggest(`topic=${topic.id}&q=a`, await sessionCookie("member@demo.test"));
    expect(outsider.status).toBe(404);
    expect(outsider.data.members).toEqual([]);
    const publicTopic = await topicIn("public");
    const wild = await suggest(`topic=${publicTopic.id}&q=%25`, await sessionCookie("member@demo.test"));
    expect(wild.data.members).toEqual([]);
  });
});
