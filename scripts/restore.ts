// `npm run db:restore -- <backup-file>`: puts a backup made by db:backup back in place of the
// database named by DATABASE_URL. Stop the server first: the restore refuses to run while another
// process holds the database. The replaced database is kept beside it as <name>.before-restore-<time>.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "~/utils/env.server";

const backup = process.argv[2] && path.resolve(process.argv[2]);
if (!backup || !fs.existsSync(backup)) {
  console.error("Usage: npm run db:restore -- <backup-file>   (stop the server first)");
  process.exit(2);
}
const check = new Database(backup, { readonly: true });
const integrity = check.pragma("integrity_check", { simple: true });
check.close();
if (integrity !== "ok") {
  console.error(`${backup} fails its integrity check (${integrity}); not restoring it.`);
  process.exit(1);
}
const target = databasePath();
if (fs.existsSync(target)) {
  const live = new Database(target);
  try {
    live.pragma("busy_timeout = 0");
    // Fails when the server (or anything else) has the database open for writing.
    live.exec("begin exclusive; commit;");
    live.pragma("wal_checkpoint(TRUNCATE)");
  } catch {
    console.error(`${target} is in use. Stop the server, then run the restore again.`);
    process.exit(1);
  } finally {
    live.close();
  }
  const aside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  fs.renameSync(target, aside);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
  console.log(`The previous database is kept as ${aside}.`);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(backup, target);
console.log(`Restored ${backup} to ${target}. Start the server again.`);
