// The published-metadata migration on a database that already has published versions: each takes
// its document's summary and tags, its title stays the one it was published with, and published
// versions are immutable again afterwards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "~db/migrations/index";
import { openDatabase } from "~/utils/db.server";

describe("migration 2026-11-29T1020-published-metadata", () => {
  it("backfills summary and tags of existing published versions and keeps them immutable", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cop-migration-"));
    const { db, sqlite } = openDatabase(path.join(dir, "portal.sqlite"));
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      const before = await migrator.migrateTo("2026-11-28T1730-view-version");
      expect(before.error).toBeUndefined();
      sqlite.exec(`
        insert into working_group (id, slug, name, purpose, visibility, charter_md, charter_html) values (1, 'g', 'G', 'p', 'open', '', '');
        insert into document (id, slug, group_id, title, summary, language, tags, status) values (1, 'doc', 1, 'Live title', 'Live summary', 'en', '["a","b"]', 'published');
        insert into revision (id, document_id, message, body_md) values (1, 1, 'v1', '# Doc');
        insert into published_version (document_id, version, major, minor, revision_id, title, body_html) values (1, '1.0', 1, 0, 1, 'Title as published', '<h1>Doc</h1>');
      `);
      const after = await migrator.migrateToLatest();
      expect(after.error).toBeUndefined();
      const row = sqlite.prepare("select title, summary, tags from published_version where document_id = 1").get();
      expect(row).toEqual({ title: "Title as published", summary: "Live summary", tags: '["a","b"]' });
      expect(() => sqlite.prepare("update published_version set summary = 'tampered'").run()).toThrow(/immutable/);
    } finally {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
