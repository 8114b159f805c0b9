// Builds one seeded database (schema + starter content + demo community) that every test file
// copies. Each run has its own template, so runs started side by side do not disturb each other.
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { TMP } from "./paths";

let template: string | undefined;

export async function setup(project: TestProject) {
  fs.mkdirSync(TMP, { recursive: true });
  template = path.join(TMP, `template-${process.pid}-${Date.now()}.sqlite`);
  process.env.DATABASE_URL = `file:${template}`;
  const { getConnection, closeDatabase } = await import("../../app/utils/db.server");
  const { prepareDatabase } = await import("~/ops/prepare.server");
  await prepareDatabase(getConnection().db, { demo: true });
  getConnection().sqlite.pragma("wal_checkpoint(TRUNCATE)");
  closeDatabase();
  project.provide("templateDb", template);
}

export async function teardown() {
  if (template) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(template + suffix, { force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}
