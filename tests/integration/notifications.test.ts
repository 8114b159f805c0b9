import { describe, expect, it } from "vitest";
import { notify } from "~/models/notification.server";
import { loader as rootLoader } from "~/root";
import { action as notificationsAction, loader as notificationsLoader } from "~/routes/notifications";
import { getDb } from "~/utils/db.server";
import { call, get, post, sessionCookie, userByEmail } from "../support/routes";

async function groupId(slug: string) {
  return (await getDb().selectFrom("working_group").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
}

describe("notifications", () => {
  it("lists unread first with the header count, and marks one or all as read", async () => {
    const db = getDb();
    const member = await userByEmail("member@demo.test");
    const admin = await userByEmail("admin@demo.test");
    await notify(db, [member.id], {
      kind: "mention",
      actorId: admin.id,
      title: "Quarterly KPIs for triage pilots",
      url: "/t/1#post-2",
      excerpt: "@member what do you report?",
    });
    await notify(db, [member.id, admin.id], { kind: "reply", actorId: admin.id, title: "Local validation", url: "/t/2#post-5" });
    const cookie = await sessionCookie(member.id);
    expect((await call(rootLoader, get("/", { cookie }))).data.unreadNotifications).toBe(2);
    // The actor is never notified of their own action.
    expect((await call(rootLoader, get("/", { cookie: await sessionCookie(admin.id) }))).data.unreadNotifications).toBe(0);

    const list = await call(notificationsLoader, get("/notifications", { cookie }));
    expect(list.data.notifications.map((n: { title: string }) => n.title)).toEqual([
      "Local validation",
      "Quarterly KPIs for triage pilots",
    ]);
    const [first, second] = list.data.notifications;
    await call(notificationsAction, post("/notifications", { intent: "read", id: String(first.id) }, { cookie }));
    const after = await call(notificationsLoader, get("/notifications", { cookie }));
    expect(after.data.notifications[0].id).toBe(second.id); // unread first
    expect((await call(rootLoader, get("/", { cookie }))).data.unreadNotifications).toBe(1);
    await call(notificationsAction, post("/notifications", { intent: "read-all" }, { cookie }));
    expect((await call(rootLoader, get("/", { cookie }))).data.unreadNotifications).toBe(0);
  });

  it("cannot mark another member's notifications", async () => {
    const db = getDb();
    const chair = await userByEmail("chair@demo.test");
    await notify(db, [chair.id], {
      kind: "proposal_opened",
      actorId: null,
      title: "Adopt the evaluation template",
      url: "/groups/evaluation-procedures/decisions",
    });
    const theirs = await db.selectFrom("notification").select("id").where("user_id", "=", chair.id).executeTakeFirstOrThrow();
    await call(
      notificationsAction,
      post("/notifications", { intent: "read", id: String(theirs.id) }, { cookie: await sessionCookie("industry@demo.test") }),
    );
    const row = await db.selectFrom("notification").select("read_at").where("id", "=", theirs.id).executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
  });

  it("hides a private group's notifications from someone who has left the group", async () => {
    const db = getDb();
    const editor = await userByEmail("editor@demo.test");
    const pilot = await groupId("pilot-coordination");
    const cookie = await sessionCookie(editor.id);
    const before = (await call(rootLoader, get("/", { cookie }))).data.unreadNotifications;
    await notify(db, [editor.id], {
      kind: "meeting_scheduled",
      actorId: null,
      title: "Site results review",
      url: "/groups/pilot-coordination/meetings/1",
      privateGroupId: pilot,
    });
    expect((await call(rootLoader, get("/", { cookie }))).data.unreadNotifications).toBe(before + 1);
    const privateOnes = await db
      .selectFrom("notification")
      .select("id")
      .where("user_id", "=", editor.id)
      .where("read_at", "is", null)
      .where("private_group_id", "=", pilot)
      .execute();
    await db.deleteFrom("group_membership").where("user_id", "=", editor.id).where("group_id", "=", pilot).execute();
    const fresh = await sessionCookie(editor.id);
    expect((await call(rootLoader, get("/", { cookie: fresh }))).data.unreadNotifications).toBe(before + 1 - privateOnes.length);
    const list = await call(notificationsLoader, get("/notifications", { cookie: fresh }));
    expect(JSON.stringify(list.data)).not.toContain("Site results review");
  });

  it("requires signing in", async () => {
    expect((await call(notificationsLoader, get("/notifications"))).status).toBe(302);
  });
});
