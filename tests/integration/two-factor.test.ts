import { beforeEach, describe, expect, it } from "vitest";
import { loader as adminLoader } from "~/routes/admin";
import { action as adminMembersAction, loader as adminMembersLoader } from "~/routes/admin.members/route";
import { loader as groupEditLoader } from "~/routes/groups.$slug.edit";
import { action as loginAction } from "~/routes/login";
import { action as secondStepAction, loader as secondStepLoader } from "~/routes/login_.two-factor";
import { action as settingsAction } from "~/routes/settings/route";
import { action as twoFactorAction, loader as twoFactorLoader } from "~/routes/settings_.two-factor/route";
import { viewerFromRow } from "~/models/viewer.server";
import { loader as rootLoader } from "~/root";
import { beginEnrolment, confirmEnrolment } from "~/services/account/two-factor.server";
import { getDb } from "~/utils/db.server";
import { call, cookieFrom, get, post, rawDb, sessionCookie, userByEmail } from "../support/routes";
import { codeFor, DEMO_TOTP_SECRET, wrongCodeFor } from "../support/two-factor";

const PASSWORD = "demo-password";

/** Enrols an account through the service, as the settings page does; returns its secret and recovery codes. */
async function enrol(email: string) {
  const user = await userByEmail(email);
  if (user.two_factor_enabled_at) {
    // The demo's admin and chairs are enrolled with its published key.
    rawDb().prepare("update two_factor set last_used_step = null where user_id = ?").run(user.id);
    return { user, secret: DEMO_TOTP_SECRET, recoveryCodes: [] as string[] };
  }
  // The member enrols themselves: the services take them as the viewer.
  const viewer = viewerFromRow(user, {});
  await beginEnrolment(getDb(), viewer);
  const { secret } = await getDb()
    .selectFrom("two_factor")
    .select("secret")
    .where("user_id", "=", user.id)
    .executeTakeFirstOrThrow();
  const result = await confirmEnrolment(getDb(), viewer, codeFor(secret));
  if (!result.ok) throw new Error("enrolment failed");
  // Later steps of the tests may use any code around now again.
  rawDb().prepare("update two_factor set last_used_step = null where user_id = ?").run(user.id);
  return { user, secret, recoveryCodes: result.value.recoveryCodes };
}

function cookieValue(headers: Headers, name: string): string | undefined {
  return headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/** Password first: the pending sign-in's cookie (and where the browser is sent). */
async function signInWithPassword(email: string, options: { cookie?: string; redirectTo?: string } = {}) {
  const res = await call(
    loginAction,
    post("/login", { email, password: PASSWORD, redirectTo: options.redirectTo ?? "/" }, { cookie: options.cookie }),
  );
  return { res, pending: cookieValue(res.headers, "cop_2fa_pending") };
}

const sessionsOf = (userId: number) =>
  rawDb().prepare("select count(*) as n from session where user_id = ?").get(userId) as { n: number };
const auditOf = (action: string, subjectId: number) =>
  rawDb().prepare("select * from audit_event where action = ? and subject_id = ? order by id").all(action, String(subjectId)) as {
    actor_id: number | null;
    data: string;
  }[];

beforeEach(() => {
  rawDb().prepare("delete from rate_limit").run();
});

describe("two-factor enrolment", () => {
  it("refuses a wrong code, turns on with the right one and shows ten recovery codes once", async () => {
    const cookie = await sessionCookie("member@demo.test");
    const member = await userByEmail("member@demo.test");
    const before = await call(twoFactorLoader, get("/settings/two-factor", { cookie }));
    expect(before.status).toBe(200);
    expect(before.data).toMatchObject({ enabled: false, enrolment: null, required: false });

    expect((await call(twoFactorAction, post("/settings/two-factor", { intent: "start" }, { cookie }))).status).toBe(302);
    const enrolling = await call(twoFactorLoader, get("/settings/two-factor", { cookie }));
    expect(enrolling.headers.get("cache-control")).toBe("no-store");
    const { key, qrCode } = enrolling.data.enrolment;
    expect(key).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrCode.split(",")[1], "base64").toString()).toContain("<svg");
    const secret = key.replace(/ /g, "");

    const wrong = await call(
      twoFactorAction,
      post("/settings/two-factor", { intent: "confirm", code: wrongCodeFor(secret) }, { cookie }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data.result.error.code).toEqual(["security.twoFactor.codeWrong"]);
    expect((await userByEmail("member@demo.test")).two_factor_enabled_at).toBeNull();

    const right = await call(
      twoFactorAction,
      post("/settings/two-factor", { intent: "confirm", code: codeFor(secret) }, { cookie }),
    );
    expect(right.status).toBe(200);
    const codes: string[] = right.data.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await userByEmail("member@demo.test")).two_factor_enabled_at).not.toBeNull();
    // Only hashes are stored.
    const stored = rawDb().prepare("select code_hash from recovery_code where user_id = ?").all(member.id) as {
      code_hash: string;
    }[];
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(JSON.stringify(stored)).not.toContain(code.replace("-", ""));
    expect(auditOf("two_factor.enabled", member.id)).toHaveLength(1);

    // The page never shows them again.
    const after = await call(twoFactorLoader, get("/settings/two-factor", { cookie }));
    expect(after.data).toMatchObject({ enabled: true, recoveryCodesLeft: 10, enrolment: null });
    expect(JSON.stringify(after.data)).not.toContain(codes[0]);

    // New codes need the password and replace the old ones.
    const noPassword = await call(
      twoFactorAction,
      post("/settings/two-factor", { intent: "regenerate", password: "not-the-password" }, { cookie }),
    );
    expect(noPassword.status).toBe(400);
    const regenerated = await call(
      twoFactorAction,
      post("/settings/two-factor", { intent: "regenerate", password: PASSWORD }, { cookie }),
    );
    expect(regenerated.status).toBe(200);
    expect(regenerated.data.recoveryCodes).toHaveLength(10);
    expect(regenerated.data.recoveryCodes).not.toContain(codes[0]);
    expect(auditOf("two_factor.recovery_codes_regenerated", member.id)).toHaveLength(1);
  });
});

describe("signing in with a second factor", () => {
  it("starts no session until the second step; a wrong code is 400, a right one signs in, a replayed one is refused", async () => {
    const { user, secret } = await enrol("industry@demo.test");
    const sessions = sessionsOf(user.id).n;
    const { res, pending } = await signInWithPassword("industry@demo.test", { redirectTo: "/groups" });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login/two-factor?redirectTo=%2Fgroups");
    expect(pending).toBeTruthy();
    expect(cookieValue(res.headers, "cop_session")).toBeUndefined();
    expect(res.headers.getSetCookie()[0]).toMatch(/HttpOnly/i);
    expect(res.headers.getSetCookie()[0]).toMatch(/SameSite=Lax/i);
    expect(sessionsOf(user.id).n).toBe(sessions);
    // The pending cookie is not a session: the site still sees a visitor.
    expect((await call(rootLoader, get("/", { cookie: `cop_2fa_pending=${pending}` }))).data.viewer).toBeNull();

    const cookie = `cop_2fa_pending=${pending}`;
    expect((await call(secondStepLoader, get("/login/two-factor?redirectTo=%2Fgroups", { cookie }))).status).toBe(200);
    const wrong = await call(
      secondStepAction,
      post("/login/two-factor", { code: wrongCodeFor(secret), redirectTo: "/groups" }, { cookie }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data.result.error[""]).toEqual(["security.signIn.codeWrong"]);
    expect(sessionsOf(user.id).n).toBe(sessions);

    const code = codeFor(secret);
    const right = await call(secondStepAction, post("/login/two-factor", { code, redirectTo: "/groups" }, { cookie }));
    expect(right.status).toBe(302);
    expect(right.location).toBe("/groups");
    expect(cookieValue(right.headers, "cop_session")).toBeTruthy();
    expect(sessionsOf(user.id).n).toBe(sessions + 1);
    const signedIn = await call(rootLoader, get("/", { cookie: cookieFrom(right.headers) }));
    expect(signedIn.data.viewer.username).toBe("industry");

    // The pending sign-in is spent, and the same code is not accepted twice.
    expect((await call(secondStepAction, post("/login/two-factor", { code }, { cookie }))).location).toMatch(
      /^\/login\?twoFactor=expired/,
    );
    const again = await signInWithPassword("industry@demo.test");
    const replay = await call(
      secondStepAction,
      post("/login/two-factor", { code }, { cookie: `cop_2fa_pending=${again.pending}` }),
    );
    expect(replay.status).toBe(400);
    expect(sessionsOf(user.id).n).toBe(sessions + 1);
  });

  it("accepts each recovery code once, and audits it", async () => {
    const { user, recoveryCodes } = await enrol("editor@demo.test");
    const first = await signInWithPassword("editor@demo.test");
    const used = await call(
      secondStepAction,
      post("/login/two-factor", { code: recoveryCodes[3].toUpperCase() }, { cookie: `cop_2fa_pending=${first.pending}` }),
    );
    expect(used.status).toBe(302);
    expect(used.location).toBe("/settings/two-factor?saved=recovery");
    expect(cookieValue(used.headers, "cop_session")).toBeTruthy();
    expect(auditOf("two_factor.recovery_code_used", user.id)).toHaveLength(1);

    const second = await signInWithPassword("editor@demo.test");
    const reused = await call(
      secondStepAction,
      post("/login/two-factor", { code: recoveryCodes[3] }, { cookie: `cop_2fa_pending=${second.pending}` }),
    );
    expect(reused.status).toBe(400);
    const settings = await call(twoFactorLoader, get("/settings/two-factor", { cookie: cookieFrom(used.headers) }));
    expect(settings.data.recoveryCodesLeft).toBe(9);
  });

  it("skips the second step in a remembered browser, until the password changes", async () => {
    const { user, secret } = await enrol("aisha@demo.test");
    const { pending } = await signInWithPassword("aisha@demo.test");
    const res = await call(
      secondStepAction,
      post("/login/two-factor", { code: codeFor(secret), rememberBrowser: "on" }, { cookie: `cop_2fa_pending=${pending}` }),
    );
    expect(res.status).toBe(302);
    const browser = cookieValue(res.headers, "cop_2fa_browser");
    expect(browser).toBeTruthy();
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("cop_2fa_browser="))!;
    expect(setCookie).toMatch(/Max-Age=2592000/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Path=\/(;|$)/);
    expect(rawDb().prepare("select token_hash from remembered_browser where user_id = ?").get(user.id)).not.toMatchObject({
      token_hash: browser,
    });
    expect(auditOf("two_factor.browser_remembered", user.id)).toHaveLength(1);

    const remembered = await signInWithPassword("aisha@demo.test", { cookie: `cop_2fa_browser=${browser}` });
    expect(remembered.res.location).toBe("/");
    expect(cookieValue(remembered.res.headers, "cop_session")).toBeTruthy();
    // Someone else's remembered browser does not help.
    const other = await signInWithPassword("chair@demo.test", { cookie: `cop_2fa_browser=${browser}` });
    expect(other.res.location).toBe("/login/two-factor");

    const session = cookieFrom(remembered.res.headers);
    const change = await call(
      settingsAction,
      post(
        "/settings",
        {
          intent: "password",
          currentPassword: PASSWORD,
          newPassword: "another-long-password",
          confirmPassword: "another-long-password",
        },
        { cookie: session },
      ),
    );
    expect(change.status).toBe(302);
    const afterChange = await call(
      loginAction,
      post("/login", { email: "aisha@demo.test", password: "another-long-password" }, { cookie: `cop_2fa_browser=${browser}` }),
    );
    expect(afterChange.location).toBe("/login/two-factor");
  });

  it("ends the pending sign-in after five wrong codes", async () => {
    const { user, secret } = await enrol("ravi@demo.test");
    const { pending } = await signInWithPassword("ravi@demo.test");
    const cookie = `cop_2fa_pending=${pending}`;
    for (let i = 1; i <= 4; i++) {
      expect((await call(secondStepAction, post("/login/two-factor", { code: wrongCodeFor(secret) }, { cookie }))).status).toBe(
        400,
      );
    }
    const fifth = await call(secondStepAction, post("/login/two-factor", { code: wrongCodeFor(secret) }, { cookie }));
    expect(fifth.status).toBe(400);
    expect(fifth.data.result.error[""]).toEqual(["security.signIn.ended"]);
    expect(fifth.headers.getSetCookie().join()).toMatch(/cop_2fa_pending=;/);
    const sixth = await call(secondStepAction, post("/login/two-factor", { code: codeFor(secret) }, { cookie }));
    expect(sixth.status).toBe(302);
    expect(sixth.location).toMatch(/^\/login\?twoFactor=expired/);
    expect(auditOf("two_factor.sign_in_ended", user.id)).toHaveLength(1);
  });

  it("answers 429 with Retry-After once an account has had too many codes typed for it", async () => {
    const { secret } = await enrol("sophie@demo.test");
    for (let round = 0; round < 2; round++) {
      const { pending } = await signInWithPassword("sophie@demo.test");
      for (let i = 0; i < 5; i++) {
        await call(
          secondStepAction,
          post("/login/two-factor", { code: wrongCodeFor(secret) }, { cookie: `cop_2fa_pending=${pending}` }),
        );
      }
    }
    const { pending } = await signInWithPassword("sophie@demo.test");
    const limited = await call(
      secondStepAction,
      post("/login/two-factor", { code: codeFor(secret) }, { cookie: `cop_2fa_pending=${pending}` }),
    );
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);

    // Enrolment confirmations are limited too.
    const cookie = await sessionCookie("daniel@demo.test");
    await call(twoFactorAction, post("/settings/two-factor", { intent: "start" }, { cookie }));
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (await call(twoFactorAction, post("/settings/two-factor", { intent: "confirm", code: "12345x" }, { cookie }))).status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("turns off only with the password, and forgets remembered browsers", async () => {
    const { user, secret } = await enrol("moderator@demo.test");
    const { pending } = await signInWithPassword("moderator@demo.test");
    const signedIn = await call(
      secondStepAction,
      post("/login/two-factor", { code: codeFor(secret), rememberBrowser: "on" }, { cookie: `cop_2fa_pending=${pending}` }),
    );
    const session = cookieFrom(signedIn.headers)
      .split("; ")
      .find((c) => c.startsWith("cop_session="))!;

    const wrong = await call(
      twoFactorAction,
      post("/settings/two-factor", { intent: "disable", password: "wrong-password" }, { cookie: session }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data.result.error.password).toEqual(["validation.currentPasswordWrong"]);
    expect((await userByEmail("moderator@demo.test")).two_factor_enabled_at).not.toBeNull();

    const off = await call(
      twoFactorAction,
      post("/settings/two-factor", { intent: "disable", password: PASSWORD }, { cookie: session }),
    );
    expect(off.status).toBe(302);
    expect((await userByEmail("moderator@demo.test")).two_factor_enabled_at).toBeNull();
    expect(rawDb().prepare("select count(*) as n from remembered_browser where user_id = ?").get(user.id)).toEqual({ n: 0 });
    expect(rawDb().prepare("select count(*) as n from recovery_code where user_id = ?").get(user.id)).toEqual({ n: 0 });
    expect(auditOf("two_factor.disabled", user.id)).toHaveLength(1);
    // The password alone signs in again.
    const login = await signInWithPassword("moderator@demo.test");
    expect(cookieValue(login.res.headers, "cop_session")).toBeTruthy();
  });
});

describe("who must use a second factor", () => {
  it("sends an admin or a chair without it to enrol before administration or group management; a member is not asked", async () => {
    const admin = await userByEmail("admin@demo.test");
    const chair = await userByEmail("chair@demo.test");
    // The demo enrols its admin and chairs.
    expect(admin.two_factor_enabled_at).not.toBeNull();
    const enrolledAdmin = await call(adminLoader, get("/admin", { cookie: await sessionCookie("admin@demo.test") }));
    expect(enrolledAdmin.status).toBe(200);

    rawDb().prepare("update user set two_factor_enabled_at = null where id in (?, ?)").run(admin.id, chair.id);
    try {
      const adminCookie = await sessionCookie("admin@demo.test");
      const refused = await call(adminLoader, get("/admin/members?status=approved", { cookie: adminCookie }));
      expect(refused.status).toBe(302);
      expect(refused.location).toBe("/settings/two-factor?required=1&redirectTo=%2Fadmin%2Fmembers%3Fstatus%3Dapproved");
      const action = await call(
        adminMembersAction,
        post("/admin/members", { intent: "role", userId: String(chair.id), role: "moderator" }, { cookie: adminCookie }),
      );
      expect(action.status).toBe(302);
      expect(action.location).toMatch(/^\/settings\/two-factor\?required=1/);
      expect((await userByEmail("chair@demo.test")).site_role).toBe("member");
      const page = await call(
        twoFactorLoader,
        get("/settings/two-factor?required=1&redirectTo=%2Fadmin", { cookie: adminCookie }),
      );
      expect(page.data).toMatchObject({ asked: true, required: true, redirectTo: "/admin" });

      const chairCookie = await sessionCookie("chair@demo.test");
      const edit = await call(groupEditLoader, get("/groups/evaluation-procedures/edit", { cookie: chairCookie }), {
        slug: "evaluation-procedures",
      });
      expect(edit.status).toBe(302);
      expect(edit.location).toMatch(/^\/settings\/two-factor\?required=1&redirectTo=%2Fgroups%2Fevaluation-procedures%2Fedit/);
    } finally {
      rawDb().prepare("update user set two_factor_enabled_at = ? where id in (?, ?)").run(admin.created_at, admin.id, chair.id);
    }

    // A member without it is not asked (and administration stays 403 for them); a moderator enters the moderation area.
    const member = await call(adminLoader, get("/admin", { cookie: await sessionCookie("member@demo.test") }));
    expect(member.status).toBe(403);
    rawDb().prepare("update user set two_factor_enabled_at = null where email = 'moderator@demo.test'").run();
    expect((await call(adminLoader, get("/admin", { cookie: await sessionCookie("moderator@demo.test") }))).status).toBe(200);
  });
});

describe("resetting a member's second factor", () => {
  it("is an admin's action, needs a confirmation, is audited and signs the member out everywhere", async () => {
    const chair = await userByEmail("minh@demo.test");
    const admin = await userByEmail("admin@demo.test");
    const chairSession = await sessionCookie("minh@demo.test");
    rawDb()
      .prepare("insert into remembered_browser (user_id, token_hash, expires_at) values (?, 'x', '2999-01-01T00:00:00.000Z')")
      .run(chair.id);

    const byMember = await call(
      adminMembersAction,
      post(
        "/admin/members",
        { intent: "reset-two-factor", userId: String(chair.id), confirm: "yes" },
        { cookie: await sessionCookie("member@demo.test") },
      ),
    );
    expect(byMember.status).toBe(403);

    const adminCookie = await sessionCookie("admin@demo.test");
    const list = await call(adminMembersLoader, get("/admin/members", { cookie: adminCookie }));
    const row = list.data.users.find((u: { id: number }) => u.id === chair.id);
    expect(row).toMatchObject({ canResetTwoFactor: true });
    expect(row.two_factor_enabled_at).not.toBeNull();

    const unconfirmed = await call(
      adminMembersAction,
      post("/admin/members", { intent: "reset-two-factor", userId: String(chair.id) }, { cookie: adminCookie }),
    );
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data.error).toBe("security.admin.resetConfirmNeeded");
    expect((await userByEmail("minh@demo.test")).two_factor_enabled_at).not.toBeNull();

    const reset = await call(
      adminMembersAction,
      post("/admin/members", { intent: "reset-two-factor", userId: String(chair.id), confirm: "yes" }, { cookie: adminCookie }),
    );
    expect(reset.status).toBe(302);
    expect((await userByEmail("minh@demo.test")).two_factor_enabled_at).toBeNull();
    expect(rawDb().prepare("select count(*) as n from two_factor where user_id = ?").get(chair.id)).toEqual({ n: 0 });
    expect(rawDb().prepare("select count(*) as n from remembered_browser where user_id = ?").get(chair.id)).toEqual({ n: 0 });
    expect(sessionsOf(chair.id).n).toBe(0);
    expect((await call(rootLoader, get("/", { cookie: chairSession }))).data.viewer).toBeNull();
    const audit = auditOf("two_factor.reset", chair.id);
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(admin.id);
    expect(JSON.parse(audit[0].data)).toMatchObject({ via: "admin", before: { enabled: true } });

    // The member signs in with the password alone, and (as a chair) is asked to enrol again.
    const login = await signInWithPassword("minh@demo.test");
    expect(cookieValue(login.res.headers, "cop_session")).toBeTruthy();
  });

  it("is not offered for an admin's own account", async () => {
    const adminCookie = await sessionCookie("admin@demo.test");
    const admin = await userByEmail("admin@demo.test");
    const own = await call(
      adminMembersAction,
      post("/admin/members", { intent: "reset-two-factor", userId: String(admin.id), confirm: "yes" }, { cookie: adminCookie }),
    );
    expect(own.status).toBe(403);
    expect(DEMO_TOTP_SECRET).toMatch(/^[A-Z2-7]{32}$/);
  });
});
