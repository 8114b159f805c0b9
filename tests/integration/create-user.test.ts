import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { ROOT } from "../setup/paths";

function runCli(args: string[], options: { env?: Record<string, string>; input?: string; database: string }) {
  return spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/create-user.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${options.database}`, ...options.env },
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("npm run user:create", () => {
  it("creates an approved admin from USER_PASSWORD without printing the password", async () => {
    const database = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cop-cli-")), "portal.sqlite");
    const secret = "first-admin-secret-password";
    const result = runCli(["--email", "Ada@Example.org", "--role", "admin", "--name", "Ada Lovelace"], {
      database,
      env: { USER_PASSWORD: secret },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(secret);
    expect(result.stdout).toContain("Created admin ada@example.org");
    const { db, sqlite } = openDatabase(database);
    const user = await db.selectFrom("user").selectAll().where("email", "=", "ada@example.org").executeTakeFirstOrThrow();
    expect(user).toMatchObject({ status: "approved", site_role: "admin", display_name: "Ada Lovelace" });
    expect(await verifyPassword(user.password_hash, secret)).toBe(true);
    const audit = await db.selectFrom("audit_event").selectAll().where("action", "=", "user.create").execute();
    expect(audit).toHaveLength(1);
    sqlite.close();

    const again = runCli(["--email", "ada@example.org", "--role", "admin"], { database, env: { USER_PASSWORD: secret } });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists");
  });

  it("reads the password from standard input when it is not a terminal, and refuses a short one", () => {
    const database = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cop-cli-")), "portal.sqlite");
    const short = runCli(["--email", "bob@example.org"], { database, input: "short\n" });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("between 12 and 200 characters");
    const ok = runCli(["--email", "bob@example.org", "--role", "moderator"], { database, input: "a-piped-long-password\n" });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).not.toContain("a-piped-long-password");
  });

  it("resets an account's second factor with --reset-two-factor, audited, and ends its sessions", async () => {
    const database = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cop-cli-")), "portal.sqlite");
    const created = runCli(["--email", "chair@example.org"], { database, env: { USER_PASSWORD: "a-long-enough-password" } });
    expect(created.status, created.stderr).toBe(0);
    let { db, sqlite } = openDatabase(database);
    const user = await db.selectFrom("user").select("id").where("email", "=", "chair@example.org").executeTakeFirstOrThrow();
    sqlite.prepare("update user set two_factor_enabled_at = '2026-11-29T10:00:00.000Z' where id = ?").run(user.id);
    sqlite.prepare("insert into two_factor (user_id, secret) values (?, 'COPPORTALDEMOTOTPSECRETKEY234567')").run(user.id);
    sqlite.prepare("insert into recovery_code (user_id, code_hash) values (?, 'h')").run(user.id);
    sqlite
      .prepare(
        "insert into session (id, user_id, expires_at, created_at) values ('s1', ?, 9999999999, '2026-11-29T10:00:00.000Z')",
      )
      .run(user.id);
    sqlite.close();

    const reset = runCli(["--email", "chair@example.org", "--reset-two-factor"], { database });
    expect(reset.status, reset.stderr).toBe(0);
    expect(reset.stdout).toContain("has been reset");
    ({ db, sqlite } = openDatabase(database));
    const after = await db.selectFrom("user").select("two_factor_enabled_at").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(after.two_factor_enabled_at).toBeNull();
    expect(
      sqlite
        .prepare(
          "select (select count(*) from two_factor) + (select count(*) from recovery_code) + (select count(*) from session) as n",
        )
        .get(),
    ).toEqual({ n: 0 });
    const audit = await db.selectFrom("audit_event").selectAll().where("action", "=", "two_factor.reset").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBeNull();
    expect(JSON.parse(audit[0].data)).toMatchObject({ via: "cli" });
    sqlite.close();

    const unknown = runCli(["--email", "nobody@example.org", "--reset-two-factor"], { database });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("No account");
  });
});
