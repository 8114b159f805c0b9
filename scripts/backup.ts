// `npm run db:backup -- <file>`: an online, consistent copy of the database (SQLite's backup API),
// safe while the site runs and serves writes. The copy is checked with integrity_check.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "~/utils/env.server";

const target = process.argv[2];
if (!target) {
  console.error("Usage: npm run db:backup -- <backup-file>   (e.g. backups/portal-$(date +%F).sqlite)");
  process.exit(2);
}
const source = databasePath();
if (!fs.existsSync(source)) {
  console.error(`No database at ${source} (DATABASE_URL).`);
  process.exit(1);
}
const destination = path.resolve(target);
if (fs.existsSync(destination)) {
  console.error(`${destination} exists already; choose a new file name.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(destination), { recursive: true });
const started = performance.now();
const db = new Database(source, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");
await db.backup(destination);
db.close();
const copy = new Database(destination, { readonly: true });
const check = copy.pragma("integrity_check", { simple: true });
copy.close();
if (check !== "ok") {
  console.error(`The copy failed its integrity check: ${check}`);
  process.exit(1);
}
const size = fs.statSync(destination).size;
console.log(
  `Backed up ${source} to ${destination} (${(size / 2 ** 20).toFixed(1)} MiB, ${Math.round(performance.now() - started)} ms, integrity ok).`,
);
