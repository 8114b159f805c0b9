import { describe, expect, it } from "vitest";
import { action as joinAction } from "~/routes/join";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as rootLoader } from "~/root";
import { loader as membersLoader } from "~/routes/members._index";
import { loader as healthLoader } from "~/routes/health";
import { getDb } from "~/utils/db.server";
import { call, cookieFrom, get, post, sessionCookie, userByEmail } from "../support/routes";

const application = {
  email: "Ngoc.Anh@moh.gov.vn",
  password: "a-long-enough-password",
  displayName: "Lê Ngọc Anh",
  username: "ngocanh",
  organization: "Ministry of Health of Viet Nam",
  country: "vn",
  memberType: "regulator",
  language: "vi",
};

describe("applying to join", () => {
  it("creates a pending account, signs the applicant in and tells them it is under review", async () => {
    const res = await call(joinAction, post("/join", application));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/settings?applied=1");
    const user = await userByEmail("ngoc.anh@moh.gov.vn");
    expect(user).toMatchObject({ status: "pending", username: "ngocanh", country: "VN", language: "vi", site_role: "member" });
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const root = await call(rootLoader, get("/", { cookie: cookieFrom(res.headers) }));
    expect(root.data.viewer.status).toBe("pending");
    expect(root.data.application).toEqual({ status: "pending", reason: null });
    expect(root.data.language).toBe("vi");
    expect(root.data.permissions).toEqual({ admin: false, members: false, settings: true });
  });

  it("refuses invalid input with 400, field messages and the typed values kept (never the password)", async () => {
    const res = await call(
      joinAction,
      post("/join", { ...application, email: "not-an-email", password: "short", country: "XX", username: "A" }),
    );
    expect(res.status).toBe(400);
    const { result } = res.data;
    expect(result.error.email).toEqual(["validation.email"]);
    expect(result.error.password).toEqual(["validation.passwordLength"]);
    expect(result.error.country).toEqual(["validation.country"]);
    expect(result.error.username).toEqual(["validation.username"]);
    expect(result.initialValue.displayName).toBe("Lê Ngọc Anh");
    expect(result.initialValue.organization).toBe("Ministry of Health of Viet Nam");
    expect(result.initialValue.password).toBeUndefined();
    const count = await getDb()
      .selectFrom("user")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("username", "=", "a")
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(0);
  });

  it("limits applications from one address with 429 and Retry-After, keeping the form", async () => {
    const headers = { "x-cop-client-address": "198.51.100.7" };
    for (let i = 0; i < 5; i++) {
      const res = await call(
        joinAction,
        post("/join", { ...application, email: `applicant${i}@example.org`, username: `applicant${i}` }, { headers }),
      );
      expect(res.status).toBe(302);
    }
    const refused = await call(
      joinAction,
      post("/join", { ...application, email: "sixth@example.org", username: "sixth" }, { headers }),
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.data.result.initialValue.organization).toBe("Ministry of Health of Viet Nam");
    const count = await getDb().selectFrom("user").select("id").where("email", "=", "sixth@example.org").execute();
    expect(count).toEqual([]);
  });

  it("refuses an email or username that is already taken", async () => {
    const res = await call(joinAction, post("/join", { ...application, email: "MEMBER@demo.test", username: "Chair" }));
    expect(res.status).toBe(400);
    expect(res.data.result.error.email).toEqual(["validation.emailTaken"]);
    expect(res.data.result.error.username).toEqual(["validation.usernameTaken"]);
  });
});

describe("signing in and out", () => {
  it("starts a new session with an HttpOnly, SameSite=Lax cookie and goes where it was asked", async () => {
    const res = await call(
      loginAction,
      post("/login", { email: "Member@Demo.test", password: "demo-password", redirectTo: "/members" }),
    );
    expect(res.status).toBe(302);
    expect(res.location).toBe("/members");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("cop_session="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const members = await call(membersLoader, get("/members", { cookie: cookieFrom(res.headers) }));
    expect(members.status).toBe(200);
  });

  it("never redirects to another site after sign-in", async () => {
    for (const redirectTo of ["https://evil.example", "//evil.example", "/\\evil.example"]) {
      const res = await call(loginAction, post("/login", { email: "editor@demo.test", password: "demo-password", redirectTo }));
      expect(res.location).toBe("/");
    }
  });

  it("answers a wrong password with 400 and a message, keeping the email", async () => {
    const res = await call(loginAction, post("/login", { email: "industry@demo.test", password: "wrong-password" }));
    expect(res.status).toBe(400);
    expect(res.data.result.error[""]).toEqual(["login.invalid"]);
    expect(res.data.result.initialValue.email).toBe("industry@demo.test");
    expect(res.data.result.initialValue.password).toBeUndefined();
  });

  it("throttles repeated failures with 429 and Retry-After, per account, without locking the account for good", async () => {
    const email = "moderator@demo.test";
    for (let i = 0; i < 5; i++) {
      const res = await call(loginAction, post("/login", { email, password: `wrong-${i}` }));
      expect(res.status).toBe(400);
    }
    const blocked = await call(loginAction, post("/login", { email, password: "demo-password" }));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.data.retryAfter).toBeGreaterThan(0);

    // Once the window has passed, the right password works again.
    const longAgo = new Date(Date.now() - 16 * 60_000).toISOString();
    await getDb().updateTable("login_attempt").set({ at: longAgo }).where("email", "=", email).execute();
    const allowed = await call(loginAction, post("/login", { email, password: "demo-password" }));
    expect(allowed.status).toBe(302);
  });

  it("throttles per address too: many accounts tried from one address", async () => {
    const headers = { "x-cop-client-address": "203.0.113.9" };
    for (let i = 0; i < 20; i++) {
      await call(loginAction, post("/login", { email: `nobody${i}@example.org`, password: "whatever-password" }, { headers }));
    }
    const res = await call(loginAction, post("/login", { email: "editor@demo.test", password: "demo-password" }, { headers }));
    expect(res.status).toBe(429);
  });

  it("sends a signed-in visitor away from the sign-in page", async () => {
    const cookie = await sessionCookie("member@demo.test");
    const res = await call(loginLoader, get("/login?redirectTo=/groups", { cookie }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/groups");
  });

  it("ends a session 90 days after sign-in even when it was used every day", async () => {
    const cookie = await sessionCookie("ravi@demo.test");
    const id = cookie.split("=")[1];
    await getDb()
      .updateTable("session")
      .set({ created_at: new Date(Date.now() - 91 * 86_400_000).toISOString() })
      .where("id", "=", id)
      .execute();
    const root = await call(rootLoader, get("/", { cookie }));
    expect(root.data.viewer).toBeNull();
    expect(root.headers.getSetCookie().join()).toMatch(/cop_session=;/);
    expect(await getDb().selectFrom("session").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
  });

  it("ends a session after 14 days without use", async () => {
    const cookie = await sessionCookie("ravi@demo.test");
    const id = cookie.split("=")[1];
    await getDb()
      .updateTable("session")
      .set({ expires_at: Math.floor(Date.now() / 1000) - 60 })
      .where("id", "=", id)
      .execute();
    expect((await call(rootLoader, get("/", { cookie }))).data.viewer).toBeNull();
  });

  it("signs out with a POST that ends the session", async () => {
    const cookie = await sessionCookie("member@demo.test");
    const res = await call(logoutAction, post("/logout", {}, { cookie }));
    expect(res.status).toBe(302);
    expect(res.headers.getSetCookie()[0]).toMatch(/cop_session=;/);
    const root = await call(rootLoader, get("/", { cookie }));
    expect(root.data.viewer).toBeNull();
  });
});

describe("health", () => {
  it("answers ok after a database round-trip", async () => {
    const res = await call(healthLoader, get("/health"));
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ status: "ok" });
  });
});
