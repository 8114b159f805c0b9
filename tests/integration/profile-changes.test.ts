import { describe, expect, it } from "vitest";
import { action as adminAction, loader as adminLoader } from "~/routes/admin._index/route";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings/route";
import { getDb } from "~/utils/db.server";
import { call, get, post, sessionCookie, userByEmail } from "../support/routes";

const profile = {
  intent: "profile",
  displayName: "Industry Member",
  country: "SG",
  language: "en",
  timeZone: "Asia/Singapore",
  bio: "",
};

const audit = (action: string) =>
  getDb()
    .selectFrom("audit_event")
    .select(["actor_id", "subject_id", "data"])
    .where("action", "=", action)
    .orderBy("id", "desc")
    .executeTakeFirst();

describe("vetted profile fields", () => {
  it("ignores a member type or organisation posted with the profile", async () => {
    const cookie = await sessionCookie("industry@demo.test");
    const before = await userByEmail("industry@demo.test");
    const res = await call(
      settingsAction,
      post("/settings", { ...profile, memberType: "regulator", organization: "Medicines Agency" }, { cookie }),
    );
    expect(res.status).toBe(302);
    const after = await userByEmail("industry@demo.test");
    expect(after.member_type).toBe(before.member_type);
    expect(after.organization).toBe(before.organization);
    expect(after.time_zone).toBe("Asia/Singapore");
  });

  it("makes a change a request: audited, shown to the member, withdrawable", async () => {
    const cookie = await sessionCookie("industry@demo.test");
    const user = await userByEmail("industry@demo.test");
    const asked = await call(
      settingsAction,
      post(
        "/settings",
        { intent: "request-change", memberType: "regulator", organization: "Medicines Agency", note: "I joined the agency" },
        { cookie },
      ),
    );
    expect(asked.status).toBe(302);
    expect((await userByEmail("industry@demo.test")).member_type).toBe("industry");
    const entry = await audit("profile.change_request");
    expect(entry?.actor_id).toBe(user.id);
    expect(JSON.parse(entry!.data)).toMatchObject({
      before: { memberType: "industry" },
      after: { memberType: "regulator", organization: "Medicines Agency" },
    });

    const page = await call(settingsLoader, get("/settings", { cookie }));
    expect(page.data.pendingChange).toMatchObject({ memberType: "regulator", organization: "Medicines Agency" });

    const again = await call(
      settingsAction,
      post("/settings", { intent: "request-change", memberType: "academia", organization: "X" }, { cookie }),
    );
    expect(again.status).toBe(409);

    const withdrawn = await call(
      settingsAction,
      post("/settings", { intent: "withdraw-change", confirm: "yes", request: String(page.data.pendingChange.id) }, { cookie }),
    );
    expect(withdrawn.location).toBe("/settings?saved=change-withdrawn#profile-change");
    expect((await call(settingsLoader, get("/settings", { cookie }))).data.pendingChange).toBeNull();
    expect(await audit("profile.change_withdraw")).toBeTruthy();
  });

  it("lets an administrator approve a request (audited before/after, member notified), never their own", async () => {
    const member = await sessionCookie("sophie@demo.test");
    const sophie = await userByEmail("sophie@demo.test");
    await call(
      settingsAction,
      post(
        "/settings",
        { intent: "request-change", memberType: "academia", organization: "Université de Genève" },
        { cookie: member },
      ),
    );
    const admin = await sessionCookie("admin@demo.test");
    const list = await call(adminLoader, get("/admin", { cookie: admin }));
    const request = list.data.profileChanges.find((r: { username: string }) => r.username === sophie.username);
    expect(request).toMatchObject({ memberTypeBefore: sophie.member_type, memberType: "academia", canReview: true });

    const other = await sessionCookie("member@demo.test");
    expect(
      (
        await call(
          adminAction,
          post("/admin?index", { intent: "approve-change", request: String(request.id) }, { cookie: other }),
        )
      ).status,
    ).toBe(403);

    const res = await call(
      adminAction,
      post("/admin?index", { intent: "approve-change", request: String(request.id) }, { cookie: admin }),
    );
    expect(res.status).toBe(302);
    expect(await userByEmail("sophie@demo.test")).toMatchObject({
      member_type: "academia",
      organization: "Université de Genève",
    });
    const entry = await audit("profile.change_approve");
    expect(JSON.parse(entry!.data)).toMatchObject({
      before: { memberType: sophie.member_type, organization: sophie.organization },
      after: { memberType: "academia" },
    });
    const note = await getDb()
      .selectFrom("notification")
      .select(["kind", "url"])
      .where("user_id", "=", sophie.id)
      .orderBy("id", "desc")
      .executeTakeFirst();
    expect(note).toEqual({ kind: "profile_change_approved", url: "/settings#profile-change" });

    const twice = await call(
      adminAction,
      post("/admin?index", { intent: "approve-change", request: String(request.id) }, { cookie: admin }),
    );
    expect(twice.status).toBe(409);

    // An administrator's own request waits for another administrator.
    const adminUser = await userByEmail("admin@demo.test");
    await call(
      settingsAction,
      post("/settings", { intent: "request-change", memberType: "regulator", organization: "Agency" }, { cookie: admin }),
    );
    const own = (await call(adminLoader, get("/admin", { cookie: admin }))).data.profileChanges.find(
      (r: { userId: number }) => r.userId === adminUser.id,
    );
    expect(own.canReview).toBe(false);
    expect(
      (await call(adminAction, post("/admin?index", { intent: "approve-change", request: String(own.id) }, { cookie: admin })))
        .status,
    ).toBe(403);
    expect((await userByEmail("admin@demo.test")).member_type).toBe(adminUser.member_type);
  });

  it("rejects with a reason the member sees, and refuses a rejection without one", async () => {
    const member = await sessionCookie("minh@demo.test");
    const minh = await userByEmail("minh@demo.test");
    await call(
      settingsAction,
      post(
        "/settings",
        { intent: "request-change", memberType: "secretariat", organization: "Network Secretariat" },
        { cookie: member },
      ),
    );
    const admin = await sessionCookie("admin@demo.test");
    const request = (await call(adminLoader, get("/admin", { cookie: admin }))).data.profileChanges.find(
      (r: { userId: number }) => r.userId === minh.id,
    );
    const empty = await call(
      adminAction,
      post(
        "/admin?index",
        { intent: "reject-change", confirm: "yes", request: String(request.id), reason: " " },
        { cookie: admin },
      ),
    );
    expect(empty.status).toBe(400);
    const res = await call(
      adminAction,
      post(
        "/admin?index",
        { intent: "reject-change", confirm: "yes", request: String(request.id), reason: "Only staff of the secretariat" },
        { cookie: admin },
      ),
    );
    expect(res.status).toBe(302);
    expect((await userByEmail("minh@demo.test")).member_type).toBe(minh.member_type);
    const page = await call(settingsLoader, get("/settings", { cookie: member }));
    expect(page.data.lastDecision).toMatchObject({ status: "rejected", reason: "Only staff of the secretariat" });
    expect(JSON.parse((await audit("profile.change_reject"))!.data)).toMatchObject({
      reason: "Only staff of the secretariat",
      after: { status: "rejected" },
    });
    const note = await getDb()
      .selectFrom("notification")
      .select(["kind", "excerpt"])
      .where("user_id", "=", minh.id)
      .orderBy("id", "desc")
      .executeTakeFirst();
    expect(note).toEqual({ kind: "profile_change_declined", excerpt: "Only staff of the secretariat" });
  });

  it("answers a request id that is not a number with 400, not 500", async () => {
    const admin = await sessionCookie("admin@demo.test");
    for (const request of ["abc", "1e400", "99999999999999999999"]) {
      const res = await call(adminAction, post("/admin?index", { intent: "approve-change", request }, { cookie: admin }));
      expect(res.status, request).toBe(400);
    }
  });
});
