// Builds one seeded database (schema + starter content + demo community) that every test file copies.
import fs from "node:fs";
import { TEMPLATE_DB, TMP } from "./paths";

export default async function setup() {
  fs.mkdirSync(TMP, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(TEMPLATE_DB + suffix, { force: true });
  process.env.DATABASE_URL = `file:${TEMPLATE_DB}`;
  const { getConnection, closeDatabase } = await import("../../app/utils/db.server");
  const { prepareDatabase } = await import("../../db/prepare");
  await prepareDatabase(getConnection().db, { demo: true });
  getConnection().sqlite.pragma("wal_checkpoint(TRUNCATE)");
  closeDatabase();
}
