// The search-grouping migration on a database whose index was built before it: every entry gets
// its parent (sections under their document, replies under their topic) and documents their
// family, and the rebuilt FTS table answers at once, accents and đ folded, before any reindex.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "~db/migrations/index";
import { openDatabase } from "~/utils/db.server";
import { search } from "~/utils/search/engine.server";
import { parseQuery } from "~/utils/search/query";

describe("migration 2026-11-29T1030-search-grouping", () => {
  it("gives existing entries their parent and family, and keeps them searchable", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cop-migration-"));
    const { db, sqlite } = openDatabase(path.join(dir, "portal.sqlite"));
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      const before = await migrator.migrateTo("2026-11-29T1010-profile-change-requests");
      expect(before.error).toBeUndefined();
      sqlite.exec(`
        insert into working_group (id, slug, name, purpose, visibility, charter_md, charter_html) values (1, 'g', 'Giám sát', 'p', 'open', '', '');
        insert into document (id, slug, group_id, title, language, family_id, status) values (2, 'doc', 1, 'Điều chỉnh', 'vi', 2, 'published');
        insert into search_doc (id, kind, ref_id, url, title, text, access, place, language, created_at) values
          (1, 'document', 2000, '/library/doc', 'Điều chỉnh quy trình', 'Tóm tắt.', 'public', 'Giám sát', 'vi', '2026-06-15'),
          (2, 'document', 2003, '/library/doc#pham-vi', 'Điều chỉnh quy trình — Phạm vi', 'Phạm vi điều chỉnh của khung.', 'public', 'Giám sát', 'vi', '2026-06-15'),
          (3, 'topic', 7, '/t/7/drift', 'Drift alerts', 'How do you alert on drift?', 'public', 'Monitoring', null, '2026-10-01'),
          (4, 'post', 41, '/t/7/drift?page=2#post-22', 'Drift alerts', 'We alert on PSI above 0.2.', 'public', 'Monitoring', null, '2026-10-02'),
          (5, 'group', 1, '/groups/g', 'Giám sát', 'Purpose.', 'public', 'Giám sát', null, '2026-01-01');
      `);
      const insert = sqlite.prepare("insert into search_fts (rowid, title, body) values (?, ?, ?)");
      for (const row of sqlite.prepare("select id, title, text from search_doc").all() as Array<{
        id: number;
        title: string;
        text: string;
      }>) {
        insert.run(row.id, row.title.toLowerCase(), row.text.toLowerCase());
      }
      const after = await migrator.migrateToLatest();
      expect(after.error).toBeUndefined();
      expect(sqlite.prepare("select id, parent, family from search_doc order by id").all()).toEqual([
        { id: 1, parent: "document:2000", family: "document-family:2" },
        { id: 2, parent: "document:2000", family: "document-family:2" },
        { id: 3, parent: "topic:7", family: null },
        { id: 4, parent: "topic:7", family: null },
        { id: 5, parent: "group:1", family: null },
      ]);
      const scope = { groupIds: [], approved: false, signedIn: false } as never;
      const { hits } = await search(db, scope, parseQuery("dieu chinh"));
      expect(hits.map((hit) => hit.url)).toEqual(["/library/doc"]);
      expect(hits[0].matches.map((m) => m.url)).toEqual(["/library/doc#pham-vi"]);
      expect((await search(db, scope, parseQuery("psi"))).hits.map((hit) => [hit.url, hit.matches.map((m) => m.url)])).toEqual([
        ["/t/7/drift", ["/t/7/drift?page=2#post-22"]],
      ]);
      // The place is searchable now: the group's name finds its entries.
      expect((await search(db, scope, parseQuery("giam sat"))).hits.map((hit) => hit.url)).toContain("/groups/g");
    } finally {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
