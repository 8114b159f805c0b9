import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { action as languageAction } from "~/routes/language";
import { action as loginAction } from "~/routes/login";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings/route";
import { call, cookieFrom, get, post, sessionCookie, userByEmail } from "../support/routes";

const profile = {
  intent: "profile",
  displayName: "Tan Wei Ming",
  organization: "Health Sciences Authority",
  country: "SG",
  memberType: "regulator",
  language: "fr",
  timeZone: "Asia/Singapore",
  bio: "Medical devices cluster.",
};

describe("settings", () => {
  it("saves the profile and language, and the interface follows the language", async () => {
    const cookie = await sessionCookie("member@demo.test");
    const res = await call(settingsAction, post("/settings", profile, { cookie }));
    expect(res.status).toBe(302);
    const user = await userByEmail("member@demo.test");
    expect(user).toMatchObject({ language: "fr", time_zone: "Asia/Singapore", bio: "Medical devices cluster." });
    const root = await call(rootLoader, get("/", { cookie, headers: { "accept-language": "vi" } }));
    expect(root.data.language).toBe("fr");
  });

  it("refuses an invalid profile with 400 and keeps what was typed", async () => {
    const cookie = await sessionCookie("member@demo.test");
    const res = await call(
      settingsAction,
      post("/settings", { ...profile, displayName: "   ", timeZone: "Mars/Olympus", bio: "Keep me" }, { cookie }),
    );
    expect(res.status).toBe(400);
    expect(res.data.result.error.displayName).toEqual(["validation.required"]);
    expect(res.data.result.error.timeZone).toEqual(["validation.timeZone"]);
    expect(res.data.result.initialValue.bio).toBe("Keep me");
    expect((await userByEmail("member@demo.test")).display_name).toBe("Tan Wei Ming");
  });

  it("changes the password only with the current one, and ends every other session", async () => {
    const current = await sessionCookie("industry@demo.test");
    const other = await sessionCookie("industry@demo.test");
    const wrong = await call(
      settingsAction,
      post(
        "/settings",
        {
          intent: "password",
          currentPassword: "not-it",
          newPassword: "a-new-long-password",
          confirmPassword: "a-new-long-password",
        },
        { cookie: current },
      ),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data.result.error.currentPassword).toEqual(["validation.currentPasswordWrong"]);

    const mismatch = await call(
      settingsAction,
      post(
        "/settings",
        {
          intent: "password",
          currentPassword: "demo-password",
          newPassword: "a-new-long-password",
          confirmPassword: "different-password",
        },
        { cookie: current },
      ),
    );
    expect(mismatch.status).toBe(400);
    expect(mismatch.data.result.error.confirmPassword).toEqual(["validation.passwordMismatch"]);

    const ok = await call(
      settingsAction,
      post(
        "/settings",
        {
          intent: "password",
          currentPassword: "demo-password",
          newPassword: "a-new-long-password",
          confirmPassword: "a-new-long-password",
        },
        { cookie: current },
      ),
    );
    expect(ok.status).toBe(302);
    expect((await call(rootLoader, get("/", { cookie: current }))).data.viewer?.username).toBe("industry");
    expect((await call(rootLoader, get("/", { cookie: other }))).data.viewer).toBeNull();
    const login = await call(loginAction, post("/login", { email: "industry@demo.test", password: "a-new-long-password" }));
    expect(login.status).toBe(302);
  });

  it("lists active sessions without revealing their secrets, and revokes one", async () => {
    const mine = await sessionCookie("chair@demo.test");
    const laptop = await sessionCookie("chair@demo.test");
    const page = await call(settingsLoader, get("/settings", { cookie: mine }));
    expect(page.status).toBe(200);
    const serialized = JSON.stringify(page.data);
    expect(serialized).not.toContain(laptop.split("=")[1]);
    expect(serialized).not.toContain(mine.split("=")[1]);
    const sessions = page.data.sessions as Array<{ handle: string; current: boolean }>;
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const target = sessions.find((s) => !s.current)!;
    const res = await call(
      settingsAction,
      post("/settings", { intent: "revoke", confirm: "yes", session: target.handle }, { cookie: mine }),
    );
    expect(res.location).toBe("/settings?saved=revoked");
    expect((await call(rootLoader, get("/", { cookie: laptop }))).data.viewer).toBeNull();
    expect((await call(rootLoader, get("/", { cookie: mine }))).data.viewer?.username).toBe("chair");
  });

  it("cannot revoke another member's session", async () => {
    const victim = await sessionCookie("editor@demo.test");
    const victimPage = await call(settingsLoader, get("/settings", { cookie: victim }));
    const handle = victimPage.data.sessions[0].handle;
    const attacker = await sessionCookie("member@demo.test");
    const res = await call(
      settingsAction,
      post("/settings", { intent: "revoke", confirm: "yes", session: handle }, { cookie: attacker }),
    );
    expect(res.location).toBe("/settings?saved=gone");
    expect((await call(rootLoader, get("/", { cookie: victim }))).data.viewer?.username).toBe("editor");
  });

  it("redirects an anonymous visitor to sign in", async () => {
    const res = await call(settingsLoader, get("/settings"));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login?redirectTo=%2Fsettings");
  });
});

describe("interface language", () => {
  it("follows Accept-Language for visitors, then the language menu's cookie", async () => {
    expect((await call(rootLoader, get("/", { headers: { "accept-language": "vi-VN,vi;q=0.9,en;q=0.5" } }))).data.language).toBe(
      "vi",
    );
    expect((await call(rootLoader, get("/", { headers: { "accept-language": "de-DE,fr;q=0.7" } }))).data.language).toBe("fr");
    expect((await call(rootLoader, get("/", { headers: { "accept-language": "de-DE" } }))).data.language).toBe("en");
    const res = await call(languageAction, post("/language", { language: "vi", redirectTo: "/library" }));
    expect(res.location).toBe("/library");
    const cookie = cookieFrom(res.headers);
    expect((await call(rootLoader, get("/", { cookie, headers: { "accept-language": "fr" } }))).data.language).toBe("vi");
  });

  it("stores the choice in a member's settings", async () => {
    const cookie = await sessionCookie("ravi@demo.test");
    await call(languageAction, post("/language", { language: "fr", redirectTo: "/" }, { cookie }));
    expect((await userByEmail("ravi@demo.test")).language).toBe("fr");
  });

  it("refuses an unknown language with 400", async () => {
    const res = await call(languageAction, post("/language", { language: "xx" }));
    expect(res.status).toBe(400);
  });
});
