import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "~/utils/db.server";
import { ROOT } from "../setup/paths";

const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

describe("npm run db:backup / db:restore", () => {
  it("copies the database consistently while another process keeps writing, and restores it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cop-backup-"));
    const live = path.join(dir, "portal.sqlite");
    const { sqlite } = openDatabase(live);
    sqlite.exec("create table ledger (id integer primary key, note text not null)");
    sqlite.close();
    // A separate process writes continuously during the backup.
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `const D=require("better-sqlite3");const d=new D(${JSON.stringify(live)});d.pragma("journal_mode=WAL");d.pragma("busy_timeout=5000");
         const s=d.prepare("insert into ledger (note) values (?)");let i=0;const t=setInterval(()=>{for(let k=0;k<50;k++)s.run("entry "+(i++))},5);
         setTimeout(()=>{clearInterval(t);d.close();process.exit(0)},1500);`,
      ],
      { cwd: ROOT, stdio: "ignore" },
    );
    await new Promise((r) => setTimeout(r, 300));
    const backupFile = path.join(dir, "backups", "copy.sqlite");
    const result = spawnSync(process.execPath, [tsx, "scripts/backup.ts", backupFile], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${live}` },
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("integrity ok");
    await new Promise((r) => writer.once("exit", r));

    const copy = new Database(backupFile, { readonly: true });
    const copied = (copy.prepare("select count(*) as n from ledger").get() as { n: number }).n;
    const ids = copy.prepare("select id from ledger order by id").all() as Array<{ id: number }>;
    copy.close();
    expect(copied).toBeGreaterThan(0);
    // Consistent: the rows form an unbroken prefix of what was written.
    expect(ids.every((row, index) => row.id === index + 1)).toBe(true);

    // Restore replaces the live database with the copy (nothing has it open now).
    const restore = spawnSync(process.execPath, [tsx, "scripts/restore.ts", backupFile], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${live}` },
      encoding: "utf8",
    });
    expect(restore.status, restore.stderr).toBe(0);
    const restored = new Database(live, { readonly: true });
    expect((restored.prepare("select count(*) as n from ledger").get() as { n: number }).n).toBe(copied);
    restored.close();
    expect(fs.readdirSync(dir).some((name) => name.includes("before-restore"))).toBe(true);
  });

  it("refuses to restore over a database that is in use", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cop-restore-"));
    const live = path.join(dir, "portal.sqlite");
    const backup = path.join(dir, "backup.sqlite");
    new Database(backup).exec("create table t (x)");
    const holder = new Database(live);
    holder.pragma("journal_mode = WAL");
    holder.exec("create table t (x); begin immediate; insert into t values (1);");
    const result = spawnSync(process.execPath, [tsx, "scripts/restore.ts", backup], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${live}` },
      encoding: "utf8",
    });
    holder.exec("rollback");
    holder.close();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("is in use");
  });
});
