import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { ROOT } from "../setup/paths";

function runCli(args: string[], options: { env?: Record<string, string>; input?: string; database: string }) {
  return spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "db/create-user.ts", ...args], {
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
    const result = runCli(["--email", "Ada@Example.org", "--role", "admin", "--name", "Ada Lovelace"], { database, env: { USER_PASSWORD: secret } });
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
});
