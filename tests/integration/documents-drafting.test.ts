// Drafting: who edits, saves and their revisions, three-way merges of stale saves, conflicts that
// keep the editor's text, racing saves, bad input, history, compare and restore, new documents.
import { describe, expect, it } from "vitest";
import { loader as compareLoader } from "~/routes/documents.$slug.compare";
import { loader as editLoader } from "~/routes/documents.$slug.edit/route";
import { loader as historyLoader } from "~/routes/documents.$slug.history";
import { action as revisionAction, loader as revisionLoader } from "~/routes/documents.$slug.revisions.$revisionId";
import { action as settingsAction } from "~/routes/documents.$slug.settings/route";
import { loader as draftLoader } from "~/routes/documents.$slug._index/route";
import { action as newAction, loader as newLoader } from "~/routes/documents.new";
import { loader as groupDocumentsLoader } from "~/routes/groups.$slug.documents";
import { getDb } from "~/utils/db.server";
import { call, get, post } from "../support/routes";
import { as, countRevisions, createTestDocument, DEMO, documentRow, head, save, userId } from "./documents-support";

const BODY = [
  "# Evaluation of triage tools",
  "",
  "## Scope",
  "",
  "The scope covers emergency departments.",
  "",
  "## Evidence",
  "",
  "Evidence is required from two sites.",
  "",
  "## Monitoring",
  "",
  "Quarterly reports are sent to the ministry.",
  "",
].join("\n");

describe("who may edit", () => {
  it("lets the owning group's chairs and editors edit, and nobody else", async () => {
    const slug = "pre-deployment-evaluation";
    for (const email of [DEMO.chair, DEMO.editor]) {
      expect((await call(editLoader, get(`/documents/${slug}/edit`, { cookie: await as(email) }), { slug })).status, email).toBe(
        200,
      );
    }
    // A member of the group reads the draft but may not edit it.
    expect((await call(editLoader, get(`/documents/${slug}/edit`, { cookie: await as(DEMO.aisha) }), { slug })).status).toBe(403);
    // Outside the group (even the chair of another group): the draft is not theirs to read.
    for (const email of [DEMO.member, DEMO.ravi, DEMO.pending]) {
      expect((await call(editLoader, get(`/documents/${slug}/edit`, { cookie: await as(email) }), { slug })).status, email).toBe(
        404,
      );
    }
    const before = await head(slug);
    for (const email of [DEMO.aisha, DEMO.member, DEMO.ravi]) {
      const outcome = await save(email, slug, { body: before.body + "\nSneaky.\n", baseRevision: before.id });
      expect([403, 404], email).toContain(outcome.status);
    }
    expect((await save(null, slug, { body: before.body + "\nx\n", baseRevision: before.id })).status).toBe(302); // to sign in
    expect((await head(slug)).id).toBe(before.id);
  });
});

describe("saving", () => {
  it("makes every save a revision with author, message and parent, and shows it as the draft", async () => {
    const doc = await createTestDocument("save-basics", "evaluation-procedures", DEMO.editor, BODY);
    const first = await head("save-basics");
    expect(first.revision.kind).toBe("create");
    const outcome = await save(DEMO.chair, "save-basics", {
      body: BODY.replace("two sites", "three sites"),
      baseRevision: first.id,
      message: "Raise the bar",
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toMatch(/^\/documents\/save-basics\?saved=\d+$/);
    const second = await head("save-basics");
    expect(second.revision).toMatchObject({
      parent_id: first.id,
      author_id: await userId(DEMO.chair),
      message: "Raise the bar",
      kind: "edit",
    });
    expect(second.revision.body_html).toContain("three sites");
    expect(second.revision.chars_added).toBeGreaterThan(0);
    const draft = await call(draftLoader, get("/documents/save-basics", { cookie: await as(DEMO.aisha) }), {
      slug: "save-basics",
    });
    expect(draft.status).toBe(200);
    expect(JSON.stringify(draft.data.sections)).toContain("three sites");
    expect(doc.status).toBe("working_draft");
  });

  it("merges a stale save whose changes do not overlap, and says so", async () => {
    await createTestDocument("merge-me", "evaluation-procedures", DEMO.editor, BODY);
    const base = await head("merge-me");
    expect(
      (
        await save(DEMO.editor, "merge-me", {
          body: BODY.replace("emergency departments", "emergency departments and primary care"),
          baseRevision: base.id,
        })
      ).status,
    ).toBe(302);
    const stale = await save(DEMO.chair, "merge-me", {
      body: BODY.replace("Quarterly reports", "Monthly reports"),
      baseRevision: base.id,
      message: "monthly",
    });
    expect(stale.status).toBe(302);
    expect(stale.location).toContain("merged=1");
    const merged = await head("merge-me");
    expect(merged.body).toContain("emergency departments and primary care");
    expect(merged.body).toContain("Monthly reports");
    expect(merged.revision.kind).toBe("merge");
    expect(merged.revision.based_on_id).toBe(base.id);
    // Two edits of different words in the same paragraph merge too.
    const base2 = await head("merge-me");
    await save(DEMO.editor, "merge-me", {
      body: base2.body.replace("Evidence is required", "Evidence is always required"),
      baseRevision: base2.id,
    });
    const wordMerge = await save(DEMO.chair, "merge-me", {
      body: base2.body.replace("from two sites", "from two independent sites"),
      baseRevision: base2.id,
    });
    expect(wordMerge.status).toBe(302);
    expect((await head("merge-me")).body).toContain("Evidence is always required from two independent sites.");
  });

  it("answers 409 with the conflicting parts and the editor's text kept when changes overlap; nothing is written", async () => {
    await createTestDocument("conflict-me", "evaluation-procedures", DEMO.editor, BODY);
    const base = await head("conflict-me");
    await save(DEMO.editor, "conflict-me", { body: BODY.replace("two sites", "three sites"), baseRevision: base.id });
    const current = await head("conflict-me");
    const revisions = await countRevisions("conflict-me");
    const mine = BODY.replace("two sites", "five sites").replace("Quarterly", "Weekly");
    const outcome = await save(DEMO.chair, "conflict-me", { body: mine, baseRevision: base.id, message: "my change" });
    expect(outcome.status).toBe(409);
    expect(outcome.data.body).toBe(mine);
    expect(outcome.data.message).toBe("my change");
    expect(outcome.data.conflict.head.id).toBe(current.id);
    expect(outcome.data.conflict.head.body).toContain("three sites");
    expect(outcome.data.conflict.parts).toHaveLength(1);
    expect(JSON.stringify(outcome.data.conflict.parts[0])).toContain("five");
    expect(JSON.stringify(outcome.data.conflict.parts[0])).toContain("three");
    expect(await countRevisions("conflict-me")).toBe(revisions);
    expect((await head("conflict-me")).id).toBe(current.id);
    // Saving the resolved text on top of the current revision goes through.
    const resolved = await save(DEMO.chair, "conflict-me", { body: mine.replace("five", "four"), baseRevision: current.id });
    expect(resolved.status).toBe(302);
    expect((await head("conflict-me")).body).toContain("four sites");
  });

  it("never loses an accepted save nor corrupts the head when many editors save at once", async () => {
    const lines = Array.from({ length: 24 }, (_, i) => `Paragraph ${i} of the shared draft.`);
    const body = ["# Racing", "", ...lines.flatMap((line) => [line, ""])].join("\n");
    await createTestDocument("racing", "evaluation-procedures", DEMO.editor, body);
    const base = await head("racing");
    const editors = [DEMO.chair, DEMO.editor];
    // 24 concurrent saves from the same base revision, each changing its own paragraph.
    const outcomes = await Promise.all(
      lines.map((line, i) =>
        save(editors[i % 2], "racing", {
          body: base.body.replace(line, `Paragraph ${i} edited by save ${i}.`),
          baseRevision: base.id,
          message: `save ${i}`,
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(lines.map(() => 302));
    const final = await head("racing");
    for (let i = 0; i < lines.length; i++) expect(final.body).toContain(`Paragraph ${i} edited by save ${i}.`);
    // One linear chain of 25 revisions: each parent is the previous head, the head is the last.
    const chain = await getDb()
      .selectFrom("revision")
      .select(["id", "parent_id"])
      .where("document_id", "=", final.document.id)
      .orderBy("id")
      .execute();
    expect(chain).toHaveLength(lines.length + 1);
    for (let i = 1; i < chain.length; i++) expect(chain[i].parent_id).toBe(chain[i - 1].id);
    expect(final.id).toBe(chain[chain.length - 1].id);

    // Racing saves of the same words: some conflict (and write nothing), none is silently lost.
    const base2 = await head("racing");
    const racing = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        save(editors[i % 2], "racing", { body: base2.body.replace("Racing", `Racing ${i}`), baseRevision: base2.id }),
      ),
    );
    const accepted = racing.filter((o) => o.status === 302);
    const conflicted = racing.filter((o) => o.status === 409);
    expect(accepted).toHaveLength(1);
    expect(conflicted).toHaveLength(7);
    for (const c of conflicted) expect(c.data.body).toMatch(/# Racing \d/);
    expect(await countRevisions("racing")).toBe(lines.length + 2);
  });

  it("refuses empty drafts, bodies over 1 MiB and unknown base revisions with a 4xx, writing nothing", async () => {
    await createTestDocument("bad-input", "evaluation-procedures", DEMO.editor, BODY);
    const base = await head("bad-input");
    const before = await countRevisions("bad-input");
    const empty = await save(DEMO.editor, "bad-input", { body: "   \n  ", baseRevision: base.id });
    expect(empty.status).toBe(400);
    expect(empty.data.errors.body).toBe("documents.errors.empty");
    const huge = "x".repeat(1024 * 1024 + 1);
    const tooLarge = await save(DEMO.editor, "bad-input", { body: huge, baseRevision: base.id });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.data.errors.body).toBe("documents.errors.too_large");
    // Exactly 1 MiB (multi-byte characters count as bytes) is accepted.
    const oneMiB = "é".repeat(512 * 1024);
    expect((await save(DEMO.editor, "bad-input", { body: oneMiB, baseRevision: base.id })).status).toBe(302);
    const afterBig = await head("bad-input");
    for (const baseRevision of ["999999", "abc", "", "0"]) {
      const outcome = await save(DEMO.editor, "bad-input", { body: BODY, baseRevision });
      expect(outcome.status, baseRevision).toBe(400);
    }
    // A revision of another document is as unknown as a missing one.
    const other = await head("pre-deployment-evaluation");
    expect((await save(DEMO.editor, "bad-input", { body: BODY, baseRevision: other.id })).status).toBe(400);
    expect(await countRevisions("bad-input")).toBe(before + 1);
    expect((await head("bad-input")).id).toBe(afterBig.id);
  });

  it("renders a preview on the server without saving", async () => {
    const { action } = await import("~/routes/documents.$slug.edit/route");
    const base = await head("pre-deployment-evaluation");
    const outcome = await call(
      action,
      post(
        "/documents/pre-deployment-evaluation/edit",
        { intent: "preview", body: "## Preview *me*", baseRevision: String(base.id) },
        { cookie: await as(DEMO.editor) },
      ),
      { slug: "pre-deployment-evaluation" },
    );
    expect(outcome.status).toBe(200);
    expect(outcome.data.preview).toContain("<em>me</em>");
    expect(outcome.data.body).toBe("## Preview *me*");
    expect((await head("pre-deployment-evaluation")).id).toBe(base.id);
  });
});

describe("history, compare and restore", () => {
  it("lists every revision with author, message and size of change", async () => {
    const slug = "pre-deployment-evaluation";
    const outcome = await call(historyLoader, get(`/documents/${slug}/history`, { cookie: await as(DEMO.aisha) }), { slug });
    expect(outcome.status).toBe(200);
    const revisions = outcome.data.revisions as Array<{
      author_name: string | null;
      message: string;
      chars_added: number;
      published_as: string | null;
    }>;
    expect(revisions.length).toBeGreaterThanOrEqual(6);
    expect(revisions.map((r) => r.author_name)).toEqual(
      expect.arrayContaining(["James Whitfield", "Nguyễn Thị Lan", "Aisha Rahman"]),
    );
    expect(revisions[revisions.length - 1].published_as).toBe("1.0");
    expect(revisions[0].chars_added).toBeGreaterThan(0);
  });

  it("compares two revisions word by word, and answers 4xx for unknown or malformed revision ids", async () => {
    const slug = "pre-deployment-evaluation";
    const cookie = await as(DEMO.editor);
    const { revisions } = (await call(historyLoader, get(`/documents/${slug}/history`, { cookie }), { slug })).data;
    const newest = revisions[0].id;
    const oldest = revisions[revisions.length - 1].id;
    const outcome = await call(
      compareLoader,
      get(`/documents/${slug}/compare?from=${oldest}&to=${newest}&view=split`, { cookie }),
      { slug },
    );
    expect(outcome.status).toBe(200);
    expect(outcome.data.view).toBe("split");
    const changes = outcome.data.comparison.blocks.filter((b: { kind: string }) => b.kind === "change");
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.map((b: { html: string }) => b.html).join("")).toMatch(/<ins class="diff-ins">[^<]*foundation/);
    expect(outcome.data.comparison.stats.wordsAdded).toBeGreaterThan(10);
    expect(
      (await call(compareLoader, get(`/documents/${slug}/compare?from=999999&to=${newest}`, { cookie }), { slug })).status,
    ).toBe(404);
    expect(
      (await call(compareLoader, get(`/documents/${slug}/compare?from=abc&to=${newest}`, { cookie }), { slug })).status,
    ).toBe(400);
    expect((await call(compareLoader, get(`/documents/${slug}/compare?to=${newest}`, { cookie }), { slug })).status).toBe(400);
    // A revision of another document is not found here.
    const other = await head("ai-risk-management");
    expect(
      (await call(compareLoader, get(`/documents/${slug}/compare?from=${other.id}&to=${newest}`, { cookie }), { slug })).status,
    ).toBe(404);
  });

  it("compares two revisions of a 100 KiB document quickly", async () => {
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) => `Paragraph ${i}: ${"the evaluation body assesses evidence of safety and performance ".repeat(4)}`,
    );
    const oldText = [
      "# Large",
      "",
      ...paragraphs.flatMap((p, i) => (i % 40 === 0 ? [`## Section ${i / 40}`, "", p, ""] : [p, ""])),
    ].join("\n");
    expect(oldText.length).toBeGreaterThan(100 * 1024);
    const newText = oldText
      .replace("Paragraph 10:", "Paragraph ten:")
      .replace("Paragraph 200: the", "Paragraph 200: a revised")
      .replace("Paragraph 390:", "Paragraph 390 (amended):");
    const { compareTexts } = await import("~/services/documents/diff.server");
    const started = performance.now();
    const comparison = compareTexts(oldText, newText);
    const elapsed = performance.now() - started;
    expect(comparison.stats.linesAdded).toBe(3);
    expect(elapsed).toBeLessThan(500);
  });

  it("shows an old revision and restores it as a new revision", async () => {
    await createTestDocument("restore-me", "evaluation-procedures", DEMO.editor, BODY);
    const first = await head("restore-me");
    await save(DEMO.editor, "restore-me", { body: BODY.replace("## Monitoring", "## Surveillance"), baseRevision: first.id });
    const second = await head("restore-me");
    const cookie = await as(DEMO.chair);
    const view = await call(revisionLoader, get(`/documents/restore-me/revisions/${first.id}`, { cookie }), {
      slug: "restore-me",
      revisionId: String(first.id),
    });
    expect(view.status).toBe(200);
    expect(view.data.canRestore).toBe(true);
    expect(view.data.revision.html).toContain('id="monitoring"');
    expect(
      (
        await call(revisionLoader, get("/documents/restore-me/revisions/999999", { cookie }), {
          slug: "restore-me",
          revisionId: "999999",
        })
      ).status,
    ).toBe(404);
    const restore = await call(
      revisionAction,
      post(`/documents/restore-me/revisions/${first.id}`, { intent: "restore", baseRevision: String(second.id) }, { cookie }),
      { slug: "restore-me", revisionId: String(first.id) },
    );
    expect(restore.status).toBe(302);
    const restored = await head("restore-me");
    expect(restored.body).toBe(first.body);
    expect(restored.revision).toMatchObject({ kind: "restore", restored_from_id: first.id, parent_id: second.id });
    expect(await countRevisions("restore-me")).toBe(3);
    // Members of the group cannot restore.
    const refused = await call(
      revisionAction,
      post(
        `/documents/restore-me/revisions/${second.id}`,
        { intent: "restore", baseRevision: String(restored.id) },
        { cookie: await as(DEMO.aisha) },
      ),
      { slug: "restore-me", revisionId: String(second.id) },
    );
    expect(refused.status).toBe(403);
  });
});

describe("creating documents", () => {
  it("lets a group's editors create a document; refuses members, outsiders, taken slugs and empty bodies", async () => {
    expect(
      (await call(newLoader, get("/documents/new?group=evaluation-procedures", { cookie: await as(DEMO.aisha) }))).status,
    ).toBe(403);
    expect(
      (await call(newLoader, get("/documents/new?group=pilot-coordination", { cookie: await as(DEMO.member) }))).status,
    ).toBe(404);
    expect(
      (await call(newLoader, get("/documents/new?group=evaluation-procedures", { cookie: await as(DEMO.editor) }))).status,
    ).toBe(200);
    const fields = {
      title: "Checklist for local validation",
      slug: "local-validation-checklist",
      summary: "A one-page checklist.",
      language: "en",
      tags: "Evaluation, Local validation",
      translationOf: "",
      body: "## Checklist\n\n- Protocol first\n",
    };
    const refused = await call(
      newAction,
      post("/documents/new?group=evaluation-procedures", fields, { cookie: await as(DEMO.aisha) }),
    );
    expect(refused.status).toBe(403);
    const created = await call(
      newAction,
      post("/documents/new?group=evaluation-procedures", fields, { cookie: await as(DEMO.editor) }),
    );
    expect(created.status).toBe(302);
    expect(created.location).toBe("/documents/local-validation-checklist");
    const doc = await documentRow("local-validation-checklist");
    expect(JSON.parse(doc.tags)).toEqual(["evaluation", "local-validation"]);
    expect(doc.family_id).toBe(doc.id);
    const audit = await getDb()
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "document.create")
      .where("subject_id", "=", String(doc.id))
      .execute();
    expect(audit).toHaveLength(1);
    const again = await call(
      newAction,
      post("/documents/new?group=evaluation-procedures", fields, { cookie: await as(DEMO.editor) }),
    );
    expect(again.status).toBe(400);
    const empty = await call(
      newAction,
      post(
        "/documents/new?group=evaluation-procedures",
        { ...fields, slug: "empty-doc", body: "  " },
        { cookie: await as(DEMO.editor) },
      ),
    );
    expect(empty.status).toBe(400);
    const reserved = await call(
      newAction,
      post("/documents/new?group=evaluation-procedures", { ...fields, slug: "new" }, { cookie: await as(DEMO.editor) }),
    );
    expect(reserved.status).toBe(400);
    expect((await getDb().selectFrom("document").select("id").where("slug", "in", ["empty-doc", "new"]).execute()).length).toBe(
      0,
    );
    // The group's Documents tab lists it for the group, with its draft state.
    const tab = await call(
      groupDocumentsLoader,
      get("/groups/evaluation-procedures/documents", { cookie: await as(DEMO.aisha) }),
      { slug: "evaluation-procedures" },
    );
    const listed = tab.data.documents.find((d: { slug: string }) => d.slug === "local-validation-checklist");
    expect(listed).toMatchObject({ stage: "working_draft", readsDraft: true });
    // Visitors only see what is published.
    const anonymous = await call(groupDocumentsLoader, get("/groups/evaluation-procedures/documents"), {
      slug: "evaluation-procedures",
    });
    expect(anonymous.data.documents.map((d: { slug: string }) => d.slug)).not.toContain("local-validation-checklist");
    expect(anonymous.data.documents.map((d: { slug: string }) => d.slug)).toContain("pre-deployment-evaluation");
    expect(anonymous.data.canCreate).toBe(false);
  });

  it("links a translation to its source's family, one document per language", async () => {
    // The evaluation framework already has its French translation: a second one is refused.
    const refused = await call(
      newAction,
      post(
        "/documents/new?group=evaluation-procedures",
        {
          title: "Liste",
          slug: "checklist-fr",
          summary: "",
          language: "fr",
          tags: "",
          translationOf: "pre-deployment-evaluation",
          body: "## Liste\n",
        },
        { cookie: await as(DEMO.editor) },
      ),
    );
    expect(refused.status).toBe(400);
    expect(refused.data.result.error.translationOf).toEqual(["documents.errors.language_taken"]);
    // The risk framework has none yet; linking one takes an editor or chair of its group (sophie
    // edits in risk-management; editor@ does not, see documents-published-metadata.test.ts).
    const doc = await createTestDocument("gestion-des-risques", "risk-management", "sophie@demo.test", "## Objet\n", {
      language: "fr",
      translationOf: "ai-risk-management",
    });
    expect(doc.family_id).toBe((await documentRow("ai-risk-management")).id);
  });

  it("edits the settings and refuses a second translation in the same language", async () => {
    await createTestDocument("settings-doc", "evaluation-procedures", DEMO.editor, BODY, { language: "vi" });
    const cookie = await as(DEMO.editor);
    const ok = await call(
      settingsAction,
      post(
        "/documents/settings-doc/settings",
        { title: "Renamed", summary: "S", tags: "risk management", translationOf: "pre-deployment-evaluation" },
        { cookie },
      ),
      { slug: "settings-doc" },
    );
    expect(ok.status).toBe(302);
    const doc = await documentRow("settings-doc");
    expect(doc.title).toBe("Renamed");
    expect(doc.family_id).toBe((await documentRow("pre-deployment-evaluation")).id);
    await createTestDocument("settings-doc-2", "evaluation-procedures", DEMO.editor, BODY, { language: "vi" });
    const clash = await call(
      settingsAction,
      post(
        "/documents/settings-doc-2/settings",
        { title: "Second", summary: "", tags: "", translationOf: "pre-deployment-evaluation" },
        { cookie },
      ),
      { slug: "settings-doc-2" },
    );
    expect(clash.status).toBe(400);
    expect((await documentRow("settings-doc-2")).family_id).toBe((await documentRow("settings-doc-2")).id);
    // Members of the group do not manage settings.
    const refused = await call(
      settingsAction,
      post("/documents/settings-doc/settings", { title: "X" }, { cookie: await as(DEMO.aisha) }),
      { slug: "settings-doc" },
    );
    expect(refused.status).toBe(403);
  });
});
