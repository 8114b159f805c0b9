import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { action as applicationsAction, loader as applicationsLoader } from "~/routes/admin._index/route";
import { loader as adminLoader } from "~/routes/admin";
import { loader as auditLoader } from "~/routes/admin.audit";
import { action as adminMembersAction, loader as adminMembersLoader } from "~/routes/admin.members/route";
import { loader as membersLoader } from "~/routes/members._index";
import { loader as settingsLoader } from "~/routes/settings/route";
import { action as loginAction } from "~/routes/login";
import { getDb } from "~/utils/db.server";
import { call, get, post, sessionCookie, userByEmail } from "../support/routes";

describe("administration", () => {
  it("is 403 for a member, a moderator and a pending account, 200 for an admin", async () => {
    for (const email of ["member@demo.test", "pending@demo.test"]) {
      const res = await call(adminLoader, get("/admin", { cookie: await sessionCookie(email) }));
      expect(res.status, email).toBe(403);
    }
    // Moderators enter the area (for /admin/moderation) but not the administrators' pages.
    const moderator = await sessionCookie("moderator@demo.test");
    const layout = await call(adminLoader, get("/admin", { cookie: moderator }));
    expect(layout.status).toBe(200);
    expect(layout.data.tabs).toMatchObject({ applications: false, members: false, audit: false, moderation: true });
    expect((await call(applicationsLoader, get("/admin", { cookie: moderator }))).status).toBe(403);
    const anonymous = await call(adminLoader, get("/admin"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe("/login?redirectTo=%2Fadmin");
    const admin = await call(adminLoader, get("/admin", { cookie: await sessionCookie("admin@demo.test") }));
    expect(admin.status).toBe(200);
  });

  it("lists pending applications; approving one lets the member in and is audited", async () => {
    const cookie = await sessionCookie("admin@demo.test");
    const list = await call(applicationsLoader, get("/admin", { cookie }));
    expect(list.data.pending.map((u: { username: string }) => u.username)).toContain("pending");

    const pending = await userByEmail("pending@demo.test");
    const pendingCookie = await sessionCookie(pending.id);
    expect((await call(membersLoader, get("/members", { cookie: pendingCookie }))).status).toBe(403);

    const res = await call(applicationsAction, post("/admin", { intent: "approve", userId: String(pending.id) }, { cookie }));
    expect(res.status).toBe(302);
    expect((await userByEmail("pending@demo.test")).status).toBe("approved");
    expect((await call(membersLoader, get("/members", { cookie: pendingCookie }))).status).toBe(200);

    const audit = await call(auditLoader, get("/admin/audit", { cookie }));
    const event = audit.data.events.find((e: { action: string }) => e.action === "user.approve");
    expect(event).toMatchObject({ subject_type: "user", subject_id: String(pending.id), actor_username: "admin" });
    expect(event.data).toEqual({ before: { status: "pending" }, after: { status: "approved" } });

    const again = await call(applicationsAction, post("/admin", { intent: "approve", userId: String(pending.id) }, { cookie }));
    expect(again.status).toBe(409);
  });

  it("rejects with a reason the applicant sees; a reason is required", async () => {
    const admin = await sessionCookie("admin@demo.test");
    const db = getDb();
    const { id } = await db
      .insertInto("user")
      .values({
        email: "applicant@example.org",
        username: "applicant",
        display_name: "An Applicant",
        organization: "Somewhere",
        country: "FR",
        member_type: "industry",
        password_hash: "x",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const missing = await call(
      applicationsAction,
      post("/admin", { intent: "reject", confirm: "yes", userId: String(id), reason: "  " }, { cookie: admin }),
    );
    expect(missing.status).toBe(400);
    expect((await userByEmail("applicant@example.org")).status).toBe("pending");

    const res = await call(
      applicationsAction,
      post(
        "/admin",
        { intent: "reject", confirm: "yes", userId: String(id), reason: "Please apply through your national focal point." },
        { cookie: admin },
      ),
    );
    expect(res.status).toBe(302);
    const root = await call(rootLoader, get("/", { cookie: await sessionCookie(id) }));
    expect(root.data.application).toEqual({ status: "rejected", reason: "Please apply through your national focal point." });
  });

  it("refuses a review by a non-admin with 403 and writes nothing", async () => {
    const pending = await getDb()
      .insertInto("user")
      .values({
        email: "second@example.org",
        username: "second",
        display_name: "Second",
        organization: "Org",
        country: "SG",
        member_type: "academia",
        password_hash: "x",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const res = await call(
      applicationsAction,
      post("/admin", { intent: "approve", userId: String(pending.id) }, { cookie: await sessionCookie("moderator@demo.test") }),
    );
    expect(res.status).toBe(403);
    expect((await userByEmail("second@example.org")).status).toBe("pending");
  });

  it("changes a site role, ends that member's sessions and audits before/after", async () => {
    const admin = await sessionCookie("admin@demo.test");
    const industry = await userByEmail("industry@demo.test");
    const theirCookie = await sessionCookie(industry.id);
    const res = await call(
      adminMembersAction,
      post("/admin/members", { intent: "role", userId: String(industry.id), role: "moderator" }, { cookie: admin }),
    );
    expect(res.status).toBe(302);
    expect((await userByEmail("industry@demo.test")).site_role).toBe("moderator");
    const root = await call(rootLoader, get("/", { cookie: theirCookie }));
    expect(root.data.viewer).toBeNull();
    const event = await getDb()
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "user.role")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toEqual({ before: { siteRole: "member" }, after: { siteRole: "moderator" } });

    const bogus = await call(
      adminMembersAction,
      post("/admin/members", { intent: "role", userId: String(industry.id), role: "emperor" }, { cookie: admin }),
    );
    expect(bogus.status).toBe(400);
  });

  it("does not let an admin demote or suspend themselves", async () => {
    const adminUser = await userByEmail("admin@demo.test");
    const cookie = await sessionCookie(adminUser.id);
    const res = await call(
      adminMembersAction,
      post("/admin/members", { intent: "role", userId: String(adminUser.id), role: "member" }, { cookie }),
    );
    expect(res.status).toBe(403);
    const list = await call(adminMembersLoader, get("/admin/members", { cookie }));
    const self = list.data.users.find((u: { id: number }) => u.id === adminUser.id);
    expect(self).toMatchObject({ canChangeRole: false, canSuspend: false });
  });

  it("suspends an account: its sessions end and it cannot sign in", async () => {
    const admin = await sessionCookie("admin@demo.test");
    const editor = await userByEmail("editor@demo.test");
    const theirCookie = await sessionCookie(editor.id);
    const res = await call(
      adminMembersAction,
      post(
        "/admin/members",
        { intent: "suspend", confirm: "yes", userId: String(editor.id), reason: "Compromised account" },
        { cookie: admin },
      ),
    );
    expect(res.status).toBe(302);
    expect((await call(settingsLoader, get("/settings", { cookie: theirCookie }))).status).toBe(302);
    const login = await call(loginAction, post("/login", { email: "editor@demo.test", password: "demo-password" }));
    expect(login.status).toBe(403);
    expect(login.data.result.error[""]).toEqual(["login.suspended"]);
  });
});
