// Each test file gets its own copy of the seeded template database.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { TMP } from "./paths";

const file = path.join(TMP, `test-${process.pid}-${crypto.randomUUID()}.sqlite`);
fs.copyFileSync(inject("templateDb"), file);
process.env.DATABASE_URL = `file:${file}`;

afterAll(async () => {
  const { closeDatabase } = await import("../../app/utils/db.server");
  closeDatabase();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
