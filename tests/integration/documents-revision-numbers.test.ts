// Revisions are numbered per document (#1, #2 …): two documents each start at #1, concurrent saves
// (in this process, and from a second connection as another server process would) never share a
// number, pages name revisions by number while their addresses keep the ids, and the migration
// numbers existing revisions in order of creation.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "~db/migrations/index";
import { loader as compareLoader } from "~/routes/documents.$slug.compare";
import { loader as historyLoader } from "~/routes/documents.$slug.history";
import { loader as revisionLoader } from "~/routes/documents.$slug.revisions.$revisionId";
import { saveDraft } from "~/services/documents/saver.server";
import { getViewer } from "~/utils/auth.server";
import { getDb, openDatabase } from "~/utils/db.server";
import { call, get } from "../support/routes";
import { as, createTestDocument, DEMO, head, save } from "./documents-support";

const BODY = ["# Numbered", "", "## One", "", "First paragraph.", "", "## Two", "", "Second paragraph.", ""].join("\n");

async function numbersOf(documentId: number) {
  return getDb().selectFrom("revision").select(["id", "number"]).where("document_id", "=", documentId).orderBy("id").execute();
}

describe("revision numbers", () => {
  it("start at #1 in each document and go up by one with each save", async () => {
    const a = await createTestDocument("numbers-a", "evaluation-procedures", DEMO.editor, BODY);
    const b = await createTestDocument("numbers-b", "evaluation-procedures", DEMO.editor, BODY);
    expect((await numbersOf(a.id)).map((r) => r.number)).toEqual([1]);
    expect((await numbersOf(b.id)).map((r) => r.number)).toEqual([1]);
    let base = await head("numbers-a");
    expect((await save(DEMO.editor, "numbers-a", { body: BODY.replace("First", "Opening"), baseRevision: base.id })).status).toBe(
      302,
    );
    base = await head("numbers-a");
    expect(
      (await save(DEMO.chair, "numbers-a", { body: base.body.replace("Second", "Closing"), baseRevision: base.id })).status,
    ).toBe(302);
    expect((await numbersOf(a.id)).map((r) => r.number)).toEqual([1, 2, 3]);
    // b's first save is its #2, whatever a has done meanwhile.
    const baseB = await head("numbers-b");
    expect(
      (await save(DEMO.editor, "numbers-b", { body: BODY.replace("First", "Premier"), baseRevision: baseB.id })).status,
    ).toBe(302);
    expect((await numbersOf(b.id)).map((r) => r.number)).toEqual([1, 2]);
  });

  it("gives concurrent saves distinct numbers, in this process and from another connection", async () => {
    const doc = await createTestDocument("numbers-race", "evaluation-procedures", DEMO.editor, BODY);
    const base = await head("numbers-race");
    const editor = (await getViewer(get("/", { cookie: await as(DEMO.editor) })))!;
    // A second connection to the same file stands for another server process.
    const other = openDatabase(process.env.DATABASE_URL!.replace(/^file:/, ""));
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          saveDraft(i % 2 ? other.db : getDb(), editor, {
            documentId: doc.id,
            body:
              i % 3 === 0
                ? base.body.replace("First", `First ${i}`)
                : i % 3 === 1
                  ? base.body.replace("Second", `Second ${i}`)
                  : `${base.body}\nAppendix ${i}.\n`,
            message: `save ${i}`,
            baseRevisionId: base.id,
          }),
        ),
      );
      const saved = outcomes.filter((o) => o.ok && o.value.status === "saved").length;
      expect(saved).toBeGreaterThanOrEqual(2);
    } finally {
      other.sqlite.close();
    }
    const rows = await numbersOf(doc.id);
    const numbers = rows.map((r) => r.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it("names revisions #N on the history, revision and compare pages, while links keep the ids", async () => {
    // Another document's revisions come first, so ids and numbers differ.
    await createTestDocument("numbers-pad", "evaluation-procedures", DEMO.editor, BODY);
    await createTestDocument("numbers-pages", "evaluation-procedures", DEMO.editor, BODY);
    const first = await head("numbers-pages");
    expect(first.revision.number).toBe(1);
    expect(first.id).not.toBe(1);
    await save(DEMO.editor, "numbers-pages", { body: BODY.replace("First", "Opening"), baseRevision: first.id });
    const second = await head("numbers-pages");
    const cookie = await as(DEMO.editor);
    const history = await call(historyLoader, get("/documents/numbers-pages/history", { cookie }), { slug: "numbers-pages" });
    expect(history.data.revisions.map((r: { id: number; number: number }) => [r.id, r.number])).toEqual([
      [second.id, 2],
      [first.id, 1],
    ]);
    const revision = await call(revisionLoader, get(`/documents/numbers-pages/revisions/${first.id}`, { cookie }), {
      slug: "numbers-pages",
      revisionId: String(first.id),
    });
    expect(revision.data.revision).toMatchObject({ id: first.id, number: 1 });
    const compare = await call(
      compareLoader,
      get(`/documents/numbers-pages/compare?from=${first.id}&to=${second.id}`, { cookie }),
      { slug: "numbers-pages" },
    );
    expect(compare.data.from).toMatchObject({ id: first.id, number: 1 });
    expect(compare.data.to).toMatchObject({ id: second.id, number: 2 });
  });
});

describe("migration 2026-11-29T1040-revision-numbers", () => {
  it("numbers existing revisions per document in order of creation, and numbers later inserts", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cop-migration-"));
    const { db, sqlite } = openDatabase(path.join(dir, "portal.sqlite"));
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo("2026-11-29T1020-published-metadata")).error).toBeUndefined();
      sqlite.exec(`
        insert into working_group (id, slug, name, purpose, visibility, charter_md, charter_html) values (1, 'g', 'G', 'p', 'open', '', '');
        insert into document (id, slug, group_id, title, language, status) values (1, 'a', 1, 'A', 'en', 'working_draft'), (2, 'b', 1, 'B', 'en', 'working_draft');
        insert into revision (id, document_id, message, body_md, created_at) values
          (1, 1, 'a1', 'x', '2026-01-01T00:00:00.000Z'),
          (2, 2, 'b1', 'x', '2026-01-02T00:00:00.000Z'),
          (3, 1, 'a2', 'x', '2026-01-03T00:00:00.000Z'),
          (4, 2, 'b2', 'x', '2026-01-04T00:00:00.000Z'),
          (5, 1, 'a3', 'x', '2026-01-05T00:00:00.000Z');
      `);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(sqlite.prepare("select id, number from revision order by id").all()).toEqual([
        { id: 1, number: 1 },
        { id: 2, number: 1 },
        { id: 3, number: 2 },
        { id: 4, number: 2 },
        { id: 5, number: 3 },
      ]);
      // A revision inserted without a number (seed scripts) takes the next one of its document.
      sqlite.exec(`insert into revision (id, document_id, message, body_md) values (6, 2, 'b3', 'x')`);
      expect(sqlite.prepare("select number from revision where id = 6").get()).toEqual({ number: 3 });
      expect(() =>
        sqlite.prepare("insert into revision (document_id, number, message, body_md) values (1, 2, 'dup', 'x')").run(),
      ).toThrow(/UNIQUE/);
    } finally {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
