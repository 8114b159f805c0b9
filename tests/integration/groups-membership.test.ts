import { describe, expect, it } from "vitest";
import { loader as layoutLoader } from "~/routes/groups.$slug";
import { action as editAction, loader as editLoader } from "~/routes/groups.$slug.edit";
import { action as joinAction, loader as joinLoader } from "~/routes/groups.$slug.join/route";
import { action as leaveAction } from "~/routes/groups.$slug.leave";
import { action as membersAction, loader as membersLoader } from "~/routes/groups.$slug.members/route";
import { action as watchAction } from "~/routes/groups.$slug.watch";
import { action as newGroupAction, loader as newGroupLoader } from "~/routes/groups.new";
import { loader as categoryLoader } from "~/routes/forums.$category";
import { getDb } from "~/utils/db.server";
import { call, get, post, sessionCookie, userByEmail } from "../support/routes";

const db = () => getDb();

async function groupId(slug: string) {
  return (await db().selectFrom("working_group").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
}
async function roleOf(slug: string, email: string) {
  const user = await userByEmail(email);
  const row = await db()
    .selectFrom("group_membership")
    .select("role")
    .where("group_id", "=", await groupId(slug))
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  return row?.role ?? null;
}
async function lastAudit(action: string) {
  const row = await db()
    .selectFrom("audit_event")
    .selectAll()
    .where("action", "=", action)
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row ? { ...row, data: JSON.parse(row.data) } : undefined;
}
async function notificationsOf(email: string, kind: string) {
  const user = await userByEmail(email);
  return db()
    .selectFrom("notification")
    .selectAll()
    .where("user_id", "=", user.id)
    .where("kind", "=", kind)
    .orderBy("id", "desc")
    .execute();
}
async function count(table: "join_request" | "group_membership" | "audit_event" | "working_group" | "category") {
  return Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
}
const slugParams = (slug: string) => ({ slug });

describe("joining an open group", () => {
  it("lets an approved member join straight away, audited", async () => {
    const cookie = await sessionCookie("member@demo.test");
    const header = await call(layoutLoader, get("/groups/risk-management", { cookie }), slugParams("risk-management"));
    expect(header.data.can).toMatchObject({ join: true, requestJoin: false, leave: false });
    const res = await call(
      joinAction,
      post("/groups/risk-management/join", { intent: "join" }, { cookie }),
      slugParams("risk-management"),
    );
    expect(res.status).toBe(302);
    expect(res.location).toBe("/groups/risk-management?done=joined");
    expect(await roleOf("risk-management", "member@demo.test")).toBe("member");
    const audit = await lastAudit("group.join");
    expect(audit).toMatchObject({ subject_type: "group", subject_id: String(await groupId("risk-management")) });
    // Now a member: joining again is not an action they may take.
    const again = await call(
      joinAction,
      post("/groups/risk-management/join", { intent: "join" }, { cookie: await sessionCookie("member@demo.test") }),
      slugParams("risk-management"),
    );
    expect(again.status).toBe(403);
  });

  it("refuses a pending account (403) and sends anonymous visitors to sign in", async () => {
    const pending = await call(
      joinAction,
      post("/groups/risk-management/join", { intent: "join" }, { cookie: await sessionCookie("pending@demo.test") }),
      slugParams("risk-management"),
    );
    expect(pending.status).toBe(403);
    expect(await roleOf("risk-management", "pending@demo.test")).toBeNull();
    const anonymous = await call(
      joinAction,
      post("/groups/risk-management/join", { intent: "join" }),
      slugParams("risk-management"),
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("requests to join a closed group", () => {
  it("takes a motivation, tells the chairs, and is audited; a second request is refused", async () => {
    const cookie = await sessionCookie("industry@demo.test");
    const join = await call(
      joinAction,
      post("/groups/evaluation-procedures/join", { intent: "join" }, { cookie }),
      slugParams("evaluation-procedures"),
    );
    expect(join.status).toBe(403); // closed: no joining without a request

    const before = await count("join_request");
    const empty = await call(
      joinAction,
      post("/groups/evaluation-procedures/join", { intent: "request", motivation: "   " }, { cookie }),
      slugParams("evaluation-procedures"),
    );
    expect(empty.status).toBe(400);
    expect(empty.data.result.error.motivation).toEqual(["validation.required"]);
    const long = await call(
      joinAction,
      post("/groups/evaluation-procedures/join", { intent: "request", motivation: "x".repeat(1001) }, { cookie }),
      slugParams("evaluation-procedures"),
    );
    expect(long.status).toBe(400);
    expect(long.data.result.initialValue.motivation).toHaveLength(1001);
    expect(await count("join_request")).toBe(before);

    const motivation = "MedVision AI builds chest X-ray triage; we would like to contribute to the local-validation template.";
    const res = await call(
      joinAction,
      post("/groups/evaluation-procedures/join", { intent: "request", motivation }, { cookie }),
      slugParams("evaluation-procedures"),
    );
    expect(res.status).toBe(302);
    expect(res.location).toBe("/groups/evaluation-procedures?done=requested");
    const [notification] = await notificationsOf("chair@demo.test", "group_join_request");
    expect(notification).toMatchObject({
      title: "Technical working group on evaluation procedures",
      excerpt: motivation,
      url: "/groups/evaluation-procedures/members#requests",
    });
    expect(await lastAudit("group.request")).toBeDefined();

    const again = await call(
      joinAction,
      post("/groups/evaluation-procedures/join", { intent: "request", motivation: "Again" }, { cookie }),
      slugParams("evaluation-procedures"),
    );
    expect(again.status).toBe(409);
    expect(again.data.error).toBe("groups.errors.requestPending");
    const page = await call(
      joinLoader,
      get("/groups/evaluation-procedures/join", { cookie }),
      slugParams("evaluation-procedures"),
    );
    expect(page.data.pending.motivation).toBe(motivation);
    const header = await call(
      layoutLoader,
      get("/groups/evaluation-procedures", { cookie }),
      slugParams("evaluation-procedures"),
    );
    expect(header.data.pendingRequest).not.toBeNull();
  });

  it("only chairs answer requests; the requester is told either way", async () => {
    const requests = await call(
      membersLoader,
      get("/groups/evaluation-procedures/members", { cookie: await sessionCookie("chair@demo.test") }),
      slugParams("evaluation-procedures"),
    );
    const industryRequest = requests.data.requests.find((r: { username: string }) => r.username === "industry");
    const sophieRequest = requests.data.requests.find((r: { username: string }) => r.username === "sophie");
    expect(industryRequest).toBeDefined();
    expect(sophieRequest).toBeDefined(); // from the demo community

    const editor = await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "approve", requestId: String(industryRequest.id) },
        { cookie: await sessionCookie("editor@demo.test") },
      ),
      slugParams("evaluation-procedures"),
    );
    expect(editor.status).toBe(403);
    const editorView = await call(
      membersLoader,
      get("/groups/evaluation-procedures/members", { cookie: await sessionCookie("editor@demo.test") }),
      slugParams("evaluation-procedures"),
    );
    expect(editorView.data.requests).toEqual([]);
    expect(await roleOf("evaluation-procedures", "industry@demo.test")).toBeNull();

    const chair = await sessionCookie("chair@demo.test");
    const decline = {
      intent: "decline",
      requestId: String(industryRequest.id),
      response: "Industry seats are full until the charter review.",
    };
    // Declining is confirmed first: until then nobody is told anything.
    const asked = await call(
      membersAction,
      post("/groups/evaluation-procedures/members", decline, { cookie: chair }),
      slugParams("evaluation-procedures"),
    );
    expect(asked.status).toBe(200);
    expect(await notificationsOf("industry@demo.test", "group_join_declined")).toEqual([]);
    const declined = await call(
      membersAction,
      post("/groups/evaluation-procedures/members", { ...decline, confirm: "yes" }, { cookie: chair }),
      slugParams("evaluation-procedures"),
    );
    expect(declined.status).toBe(302);
    expect(await roleOf("evaluation-procedures", "industry@demo.test")).toBeNull();
    const [no] = await notificationsOf("industry@demo.test", "group_join_declined");
    expect(no).toMatchObject({
      excerpt: "Industry seats are full until the charter review.",
      url: "/groups/evaluation-procedures/join",
    });
    expect((await lastAudit("group.request.decline"))!.data).toMatchObject({
      requestId: industryRequest.id,
      response: "Industry seats are full until the charter review.",
    });
    const again = await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "approve", requestId: String(industryRequest.id) },
        { cookie: chair },
      ),
      slugParams("evaluation-procedures"),
    );
    expect(again.status).toBe(409);
    expect(again.data.error).toBe("groups.errors.requestDecided");
    const page = await call(
      joinLoader,
      get("/groups/evaluation-procedures/join", { cookie: await sessionCookie("industry@demo.test") }),
      slugParams("evaluation-procedures"),
    );
    expect(page.data.declined.response).toBe("Industry seats are full until the charter review.");

    const approved = await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "approve", requestId: String(sophieRequest.id) },
        { cookie: chair },
      ),
      slugParams("evaluation-procedures"),
    );
    expect(approved.status).toBe(302);
    expect(await roleOf("evaluation-procedures", "sophie@demo.test")).toBe("member");
    const [yes] = await notificationsOf("sophie@demo.test", "group_join_approved");
    expect(yes).toMatchObject({ url: "/groups/evaluation-procedures", private_group_id: null });
    expect((await lastAudit("group.request.approve"))!.data).toMatchObject({ requestId: sophieRequest.id, role: "member" });

    const unknown = await call(
      membersAction,
      post("/groups/evaluation-procedures/members", { intent: "approve", requestId: "999999" }, { cookie: chair }),
      slugParams("evaluation-procedures"),
    );
    expect(unknown.status).toBe(404);
    const bogus = await call(
      membersAction,
      post("/groups/evaluation-procedures/members", { intent: "approve", requestId: "abc" }, { cookie: chair }),
      slugParams("evaluation-procedures"),
    );
    expect(bogus.status).toBe(400);
  });

  it("lets the requester withdraw a pending request", async () => {
    const cookie = await sessionCookie("daniel@demo.test");
    await call(
      joinAction,
      post(
        "/groups/evaluation-procedures/join",
        { intent: "request", motivation: "Patient perspective on evaluation." },
        { cookie },
      ),
      slugParams("evaluation-procedures"),
    );
    const res = await call(
      joinAction,
      post("/groups/evaluation-procedures/join", { intent: "withdraw", confirm: "yes" }, { cookie }),
      slugParams("evaluation-procedures"),
    );
    expect(res.status).toBe(302);
    const daniel = await userByEmail("daniel@demo.test");
    const rows = await db().selectFrom("join_request").select("status").where("user_id", "=", daniel.id).execute();
    expect(rows.map((r) => r.status)).toEqual(["withdrawn"]);
    const nothing = await call(
      joinAction,
      post("/groups/evaluation-procedures/join", { intent: "withdraw", confirm: "yes" }, { cookie }),
      slugParams("evaluation-procedures"),
    );
    expect(nothing.status).toBe(409);
  });
});

describe("chairs manage members", () => {
  it("invite an approved member with a role; unknown people and existing members are refused", async () => {
    const chair = await sessionCookie("chair@demo.test");
    const before = await count("group_membership");
    const unknown = await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "invite", username: "nobody-here", role: "member" },
        { cookie: chair },
      ),
      slugParams("evaluation-procedures"),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.data.result.error.username).toEqual(["groups.errors.unknownMember"]);
    const pending = await call(
      membersAction,
      post("/groups/evaluation-procedures/members", { intent: "invite", username: "pending", role: "member" }, { cookie: chair }),
      slugParams("evaluation-procedures"),
    );
    expect(pending.status).toBe(400);
    const existing = await call(
      membersAction,
      post("/groups/evaluation-procedures/members", { intent: "invite", username: "editor", role: "member" }, { cookie: chair }),
      slugParams("evaluation-procedures"),
    );
    expect(existing.status).toBe(400);
    expect(existing.data.result.error.username).toEqual(["groups.errors.alreadyMember"]);
    const badRole = await call(
      membersAction,
      post("/groups/evaluation-procedures/members", { intent: "invite", username: "ravi", role: "emperor" }, { cookie: chair }),
      slugParams("evaluation-procedures"),
    );
    expect(badRole.status).toBe(400);
    expect(await count("group_membership")).toBe(before);

    const res = await call(
      membersAction,
      post("/groups/evaluation-procedures/members", { intent: "invite", username: "ravi", role: "editor" }, { cookie: chair }),
      slugParams("evaluation-procedures"),
    );
    expect(res.status).toBe(302);
    expect(await roleOf("evaluation-procedures", "ravi@demo.test")).toBe("editor");
    expect((await notificationsOf("ravi@demo.test", "group_invited"))[0]).toMatchObject({
      title: "Technical working group on evaluation procedures",
    });
    expect((await lastAudit("group.member.invite"))!.data).toMatchObject({ role: "editor" });

    const byEditor = await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "invite", username: "daniel", role: "member" },
        { cookie: await sessionCookie("editor@demo.test") },
      ),
      slugParams("evaluation-procedures"),
    );
    expect(byEditor.status).toBe(403);
  });

  it("change roles (audited before/after, member told); only chairs may", async () => {
    const minh = await userByEmail("minh@demo.test");
    const byEditor = await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "role", userId: String(minh.id), role: "chair" },
        { cookie: await sessionCookie("editor@demo.test") },
      ),
      slugParams("evaluation-procedures"),
    );
    expect(byEditor.status).toBe(403);
    expect(await roleOf("evaluation-procedures", "minh@demo.test")).toBe("member");

    const chair = await sessionCookie("chair@demo.test");
    const res = await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "role", userId: String(minh.id), role: "editor" },
        { cookie: chair },
      ),
      slugParams("evaluation-procedures"),
    );
    expect(res.status).toBe(302);
    expect(await roleOf("evaluation-procedures", "minh@demo.test")).toBe("editor");
    expect((await lastAudit("group.member.role"))!.data).toEqual({
      userId: minh.id,
      before: { role: "member" },
      after: { role: "editor" },
    });
    expect(await notificationsOf("minh@demo.test", "group_role_changed")).toHaveLength(1);
    const stranger = await userByEmail("industry@demo.test");
    const notMember = await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "role", userId: String(stranger.id), role: "editor" },
        { cookie: chair },
      ),
      slugParams("evaluation-procedures"),
    );
    expect(notMember.status).toBe(404);
  });

  it("always keep a chair: the last chair can be neither demoted, removed nor leave", async () => {
    const chairUser = await userByEmail("chair@demo.test");
    const chair = await sessionCookie(chairUser.id);
    const audits = await count("audit_event");
    const demote = await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "role", userId: String(chairUser.id), role: "member" },
        { cookie: chair },
      ),
      slugParams("evaluation-procedures"),
    );
    expect(demote.status).toBe(409);
    expect(demote.data.error).toBe("groups.errors.lastChair");
    const remove = await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "remove", confirm: "yes", userId: String(chairUser.id) },
        { cookie: chair },
      ),
      slugParams("evaluation-procedures"),
    );
    expect(remove.status).toBe(409);
    const leave = await call(
      leaveAction,
      post("/groups/evaluation-procedures/leave", {}, { cookie: chair }),
      slugParams("evaluation-procedures"),
    );
    expect(leave.status).toBe(409);
    expect(leave.data.error).toBe("groups.errors.lastChair");
    expect(await roleOf("evaluation-procedures", "chair@demo.test")).toBe("chair");
    expect(await count("audit_event")).toBe(audits);
    const list = await call(
      membersLoader,
      get("/groups/evaluation-procedures/members", { cookie: chair }),
      slugParams("evaluation-procedures"),
    );
    expect(list.data.members.find((m: { id: number }) => m.id === chairUser.id).isLastChair).toBe(true);

    // With a second chair, the first may step down.
    const minh = await userByEmail("minh@demo.test");
    await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "role", userId: String(minh.id), role: "chair" },
        { cookie: chair },
      ),
      slugParams("evaluation-procedures"),
    );
    const stepDown = await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "role", userId: String(chairUser.id), role: "editor" },
        { cookie: chair },
      ),
      slugParams("evaluation-procedures"),
    );
    expect(stepDown.status).toBe(302);
    expect(await roleOf("evaluation-procedures", "chair@demo.test")).toBe("editor");
    // Restore the demo roles for the tests that follow.
    const minhCookie = await sessionCookie(minh.id);
    await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "role", userId: String(chairUser.id), role: "chair" },
        { cookie: minhCookie },
      ),
      slugParams("evaluation-procedures"),
    );
    await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "role", userId: String(minh.id), role: "member" },
        { cookie: chair },
      ),
      slugParams("evaluation-procedures"),
    );
    expect(await roleOf("evaluation-procedures", "chair@demo.test")).toBe("chair");
    expect(await roleOf("evaluation-procedures", "minh@demo.test")).toBe("member");
  });

  it("remove a member (audited), and members may leave (audited)", async () => {
    const ravi = await userByEmail("ravi@demo.test");
    const chair = await sessionCookie("chair@demo.test");
    const res = await call(
      membersAction,
      post(
        "/groups/evaluation-procedures/members",
        { intent: "remove", confirm: "yes", userId: String(ravi.id) },
        { cookie: chair },
      ),
      slugParams("evaluation-procedures"),
    );
    expect(res.status).toBe(302);
    expect(await roleOf("evaluation-procedures", "ravi@demo.test")).toBeNull();
    expect((await lastAudit("group.member.remove"))!.data).toEqual({ userId: ravi.id, role: "editor" });

    const leave = await call(
      leaveAction,
      post("/groups/risk-management/leave", {}, { cookie: await sessionCookie("member@demo.test") }),
      slugParams("risk-management"),
    );
    expect(leave.status).toBe(302);
    expect(leave.location).toBe("/groups/risk-management?done=left");
    expect(await roleOf("risk-management", "member@demo.test")).toBeNull();
    expect((await lastAudit("group.leave"))!.data).toMatchObject({ role: "member" });
    const notMember = await call(
      leaveAction,
      post("/groups/risk-management/leave", {}, { cookie: await sessionCookie("member@demo.test") }),
      slugParams("risk-management"),
    );
    expect(notMember.status).toBe(403);
  });
});

describe("watching a group", () => {
  it("members watch by default and may stop; approved non-members may follow a public group", async () => {
    const editor = await sessionCookie("editor@demo.test");
    let header = await call(
      layoutLoader,
      get("/groups/evaluation-procedures", { cookie: editor }),
      slugParams("evaluation-procedures"),
    );
    expect(header.data.watching).toBe(true);
    const res = await call(
      watchAction,
      post(
        "/groups/evaluation-procedures/watch",
        { intent: "unwatch", redirectTo: "/groups/evaluation-procedures/meetings" },
        { cookie: editor },
      ),
      slugParams("evaluation-procedures"),
    );
    expect(res.status).toBe(302);
    expect(res.location).toBe("/groups/evaluation-procedures/meetings?watch=off");
    header = await call(
      layoutLoader,
      get("/groups/evaluation-procedures", { cookie: editor }),
      slugParams("evaluation-procedures"),
    );
    expect(header.data.watching).toBe(false);
    await call(
      watchAction,
      post("/groups/evaluation-procedures/watch", { intent: "watch", redirectTo: "//evil.example" }, { cookie: editor }),
      slugParams("evaluation-procedures"),
    );

    const industry = await sessionCookie("industry@demo.test");
    const follow = await call(
      watchAction,
      post("/groups/risk-management/watch", { intent: "watch" }, { cookie: industry }),
      slugParams("risk-management"),
    );
    expect(follow.location).toBe("/groups/risk-management?watch=on");
    header = await call(layoutLoader, get("/groups/risk-management", { cookie: industry }), slugParams("risk-management"));
    expect(header.data.watching).toBe(true);
    const bad = await call(
      watchAction,
      post("/groups/risk-management/watch", { intent: "maybe" }, { cookie: industry }),
      slugParams("risk-management"),
    );
    expect(bad.status).toBe(400);
    const pending = await call(
      watchAction,
      post("/groups/risk-management/watch", { intent: "watch" }, { cookie: await sessionCookie("pending@demo.test") }),
      slugParams("risk-management"),
    );
    expect(pending.status).toBe(403);
  });
});

describe("creating a group", () => {
  const fields = {
    name: "Working group on data protection in AI pilots",
    slug: "data-protection-pilots",
    purpose: "Advises pilot sites on legal bases, safeguards and data-protection impact assessments.",
    visibility: "private",
    charter: "## Mandate\n\nAdvise the pilot sites.",
    chair: "sophie",
  };

  it("is for administrators only", async () => {
    const res = await call(newGroupLoader, get("/groups/new", { cookie: await sessionCookie("chair@demo.test") }));
    expect(res.status).toBe(403);
    const post403 = await call(
      newGroupAction,
      post("/groups/new", fields, { cookie: await sessionCookie("moderator@demo.test") }),
    );
    expect(post403.status).toBe(403);
    expect(
      await db().selectFrom("working_group").select("id").where("slug", "=", fields.slug).executeTakeFirst(),
    ).toBeUndefined();
  });

  it("creates the group, its private discussion space and its first chair, audited", async () => {
    const admin = await sessionCookie("admin@demo.test");
    const groups = await count("working_group");
    for (const [bad, key] of [
      [{ slug: "Bad Slug!" }, "slug"],
      [{ slug: "new" }, "slug"],
      [{ slug: "evaluation-procedures" }, "slug"],
      [{ chair: "nobody-at-all" }, "chair"],
      [{ chair: "pending" }, "chair"],
      [{ visibility: "secret" }, "visibility"],
      [{ name: "" }, "name"],
    ] as const) {
      const res = await call(newGroupAction, post("/groups/new", { ...fields, ...bad }, { cookie: admin }));
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.data.result.error[key], JSON.stringify(bad)).toBeDefined();
    }
    expect(await count("working_group")).toBe(groups);

    const res = await call(newGroupAction, post("/groups/new", fields, { cookie: admin }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/groups/data-protection-pilots?done=created");
    const group = await db().selectFrom("working_group").selectAll().where("slug", "=", fields.slug).executeTakeFirstOrThrow();
    expect(group).toMatchObject({ visibility: "private", charter_md: fields.charter });
    expect(group.charter_html).toContain('<h2 id="mandate">Mandate</h2>');
    const category = await db()
      .selectFrom("category")
      .selectAll()
      .where("slug", "=", "group-data-protection-pilots")
      .executeTakeFirstOrThrow();
    expect(category).toMatchObject({ visibility: "private", group_id: group.id });
    expect(await roleOf(fields.slug, "sophie@demo.test")).toBe("chair");
    expect((await lastAudit("group.create"))!).toMatchObject({
      subject_id: String(group.id),
      data: { slug: fields.slug, visibility: "private" },
    });
    // Private: the administrator who created it, not being a member, cannot see it.
    expect((await call(layoutLoader, get(`/groups/${fields.slug}`, { cookie: admin }), slugParams(fields.slug))).status).toBe(
      404,
    );
    expect(
      (
        await call(
          layoutLoader,
          get(`/groups/${fields.slug}`, { cookie: await sessionCookie("sophie@demo.test") }),
          slugParams(fields.slug),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(categoryLoader, get("/forums/group-data-protection-pilots", { cookie: admin }), {
          category: "group-data-protection-pilots",
        })
      ).status,
    ).toBe(404);
  });

  it("gives an open or closed group a public discussion space", async () => {
    const res = await call(
      newGroupAction,
      post(
        "/groups/new",
        { ...fields, slug: "open-data-group", visibility: "open", chair: "admin" },
        { cookie: await sessionCookie("admin@demo.test") },
      ),
    );
    expect(res.status).toBe(302);
    const category = await db()
      .selectFrom("category")
      .select("visibility")
      .where("slug", "=", "group-open-data-group")
      .executeTakeFirstOrThrow();
    expect(category.visibility).toBe("public");
  });
});

describe("editing the group", () => {
  it("lets chairs edit the charter (stored as markdown and HTML, audited), nobody else", async () => {
    const settings = {
      name: "Technical working group on evaluation procedures",
      purpose: "Evaluation before deployment.",
      visibility: "closed",
      charter: "## Mandate\n\nUpdated **charter**.",
    };
    const editor = await call(
      editAction,
      post("/groups/evaluation-procedures/edit", settings, { cookie: await sessionCookie("editor@demo.test") }),
      slugParams("evaluation-procedures"),
    );
    expect(editor.status).toBe(403);
    expect(
      (
        await call(
          editLoader,
          get("/groups/evaluation-procedures/edit", { cookie: await sessionCookie("member@demo.test") }),
          slugParams("evaluation-procedures"),
        )
      ).status,
    ).toBe(403);

    const chair = await sessionCookie("chair@demo.test");
    const toPrivate = await call(
      editAction,
      post("/groups/evaluation-procedures/edit", { ...settings, visibility: "private" }, { cookie: chair }),
      slugParams("evaluation-procedures"),
    );
    expect(toPrivate.status).toBe(400);
    expect(toPrivate.data.result.error.visibility).toEqual(["groups.errors.visibilityLocked"]);
    const empty = await call(
      editAction,
      post("/groups/evaluation-procedures/edit", { ...settings, charter: "" }, { cookie: chair }),
      slugParams("evaluation-procedures"),
    );
    expect(empty.status).toBe(400);

    const res = await call(
      editAction,
      post("/groups/evaluation-procedures/edit", settings, { cookie: chair }),
      slugParams("evaluation-procedures"),
    );
    expect(res.status).toBe(302);
    const group = await db()
      .selectFrom("working_group")
      .selectAll()
      .where("slug", "=", "evaluation-procedures")
      .executeTakeFirstOrThrow();
    expect(group.charter_html).toContain("<strong>charter</strong>");
    expect(group.purpose).toBe("Evaluation before deployment.");
    expect((await lastAudit("group.update"))!.data).toMatchObject({
      charterChanged: true,
      after: { purpose: "Evaluation before deployment." },
    });
  });
});
