// Consultation and publishing: only chairs open and close consultations and publish; the audience
// comments while the window is open (public ones let pending applicants in, identified by
// organisation), a closed window answers 403 with its date; dispositions; versions that increase;
// immutable published versions; withdraw / supersede; translations out of date.
import { describe, expect, it } from "vitest";
import { action as consultationAction, loader as consultationLoader } from "~/routes/documents.$slug.consultation/route";
import { action as publishAction, loader as publishLoader } from "~/routes/documents.$slug.publish/route";
import { loader as layoutLoader } from "~/routes/documents.$slug";
import { action as draftAction, loader as draftLoader } from "~/routes/documents.$slug._index/route";
import { loader as publicationLoader } from "~/routes/library.$slug._index";
import { loader as versionLoader } from "~/routes/library.$slug.v.$version";
import { getDb } from "~/utils/db.server";
import { call, get, post, rawDb } from "../support/routes";
import { as, createTestDocument, DEMO, documentRow, head, save, userId } from "./documents-support";

const BODY =
  "# Reporting KPIs\n\nIntro.\n\n## Quarterly report\n\nEach pilot site reports its KPIs every quarter.\n\n## Annual report\n\nThe network publishes an annual report.\n";
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function consult(email: string | null, slug: string, fields: Record<string, string>) {
  return call(consultationAction, post(`/documents/${slug}/consultation`, fields, { cookie: await as(email) }), { slug });
}
async function commentAs(
  email: string | null,
  slug: string,
  section = "quarterly-report",
  body = "Please add the number of patients reached.",
) {
  const h = await head(slug);
  return call(
    draftAction,
    post(`/documents/${slug}`, { intent: "comment", section, revision: String(h.id), body }, { cookie: await as(email) }),
    { slug },
  );
}
async function publish(email: string, slug: string, fields: Record<string, string>) {
  const h = await head(slug);
  return call(
    publishAction,
    post(`/documents/${slug}/publish`, { intent: "publish", baseRevision: String(h.id), ...fields }, { cookie: await as(email) }),
    { slug },
  );
}

describe("consultations", () => {
  it("are opened and closed by chairs only, with a window, an audience and a note; audited and announced", async () => {
    await createTestDocument("consult-doc", "evaluation-procedures", DEMO.editor, BODY);
    const fields = {
      intent: "open",
      opensOn: today(),
      closesOn: inDays(14),
      audience: "members",
      note: "Focus on the quarterly KPIs.",
    };
    expect((await consult(DEMO.editor, "consult-doc", fields)).status).toBe(403);
    expect((await consult(DEMO.aisha, "consult-doc", fields)).status).toBe(403);
    expect((await consult(DEMO.member, "consult-doc", fields)).status).toBe(404);
    // Bad windows: 400 with the field, nothing written.
    expect((await consult(DEMO.chair, "consult-doc", { ...fields, closesOn: "2020-01-01" })).data.result.error.closesOn).toEqual([
      "documents.errors.endBeforeStart",
    ]);
    expect((await consult(DEMO.chair, "consult-doc", { ...fields, opensOn: "2020-01-01" })).data.result.error.opensOn).toEqual([
      "documents.errors.startInPast",
    ]);
    expect((await consult(DEMO.chair, "consult-doc", { ...fields, closesOn: "tomorrow" })).status).toBe(400);
    expect((await consult(DEMO.chair, "consult-doc", { ...fields, audience: "everyone" })).status).toBe(400);
    const doc = await documentRow("consult-doc");
    expect(await getDb().selectFrom("consultation").select("id").where("document_id", "=", doc.id).execute()).toHaveLength(0);

    const opened = await consult(DEMO.chair, "consult-doc", fields);
    expect(opened.status).toBe(302);
    expect((await documentRow("consult-doc")).status).toBe("consultation");
    const audit = await getDb()
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "document.consultation.open")
      .where("subject_id", "=", String(doc.id))
      .execute();
    expect(audit).toHaveLength(1);
    const announced = await getDb()
      .selectFrom("notification")
      .select("user_id")
      .where("kind", "=", "consultation_opened")
      .where("url", "=", "/documents/consult-doc")
      .execute();
    expect(announced.map((n) => n.user_id)).toContain(await userId(DEMO.member));
    // A second one cannot be opened while this one runs.
    expect((await consult(DEMO.chair, "consult-doc", fields)).status).toBe(409);
    // The banner shows the deadline.
    const layout = await call(layoutLoader, get("/documents/consult-doc", { cookie: await as(DEMO.member) }), {
      slug: "consult-doc",
    });
    expect(layout.status).toBe(200);
    expect(layout.data.consultation).toMatchObject({ audience: "members", note: "Focus on the quarterly KPIs." });
    expect(layout.data.consultation.closesAt.slice(0, 10)).toBe(inDays(14));
    expect(layout.data.stage).toBe("consultation");
  });

  it("lets the audience comment while open; closing answers 403 with the date; comments get dispositions", async () => {
    await createTestDocument("window-doc", "evaluation-procedures", DEMO.editor, BODY);
    // Before the consultation: approved members outside the group cannot read the draft.
    expect(
      (await call(draftLoader, get("/documents/window-doc", { cookie: await as(DEMO.member) }), { slug: "window-doc" })).status,
    ).toBe(404);
    await consult(DEMO.chair, "window-doc", {
      intent: "open",
      opensOn: today(),
      closesOn: inDays(7),
      audience: "members",
      note: "",
    });
    // Members audience: approved members comment; pending applicants and visitors do not.
    const byMember = await commentAs(DEMO.member, "window-doc");
    expect(byMember.status).toBe(302);
    expect((await commentAs(DEMO.pending, "window-doc")).status).toBe(404);
    expect((await call(draftLoader, get("/documents/window-doc"), { slug: "window-doc" })).status).toBe(404);
    // Comments by the group's editors are drafting notes, not consultation comments.
    await commentAs(DEMO.editor, "window-doc", "annual-report", "Note to self: check the dates.");
    const doc = await documentRow("window-doc");
    const rows = await getDb()
      .selectFrom("doc_comment")
      .select(["author_id", "consultation_id"])
      .where("document_id", "=", doc.id)
      .execute();
    const [memberId, editorId] = [await userId(DEMO.member), await userId(DEMO.editor)];
    expect(rows.find((r) => r.author_id === memberId)?.consultation_id).not.toBeNull();
    expect(rows.find((r) => r.author_id === editorId)?.consultation_id).toBeNull();
    // Dispositions wait for the window to close.
    const consultationCommentId = Number(byMember.location!.split("#comment-")[1]);
    const early = await consult(DEMO.editor, "window-doc", {
      intent: "disposition",
      comment: String(consultationCommentId),
      disposition: "accepted",
      response: "",
    });
    expect(early.status).toBe(409);

    // The chair closes it now.
    expect((await consult(DEMO.editor, "window-doc", { intent: "close", confirm: "yes" })).status).toBe(403);
    expect((await consult(DEMO.chair, "window-doc", { intent: "close", confirm: "yes" })).status).toBe(302);
    expect((await documentRow("window-doc")).status).toBe("final_draft");
    const closed = await commentAs(DEMO.member, "window-doc");
    expect(closed.status).toBe(403);
    expect(closed.data.reason).toBe("consultation_closed");
    expect(Date.parse(closed.data.date)).toBeLessThanOrEqual(Date.now());
    // The group keeps commenting.
    expect((await commentAs(DEMO.aisha, "window-doc")).status).toBe(302);

    // Dispositions by chairs and editors; a response is required unless accepted or noted.
    expect(
      (
        await consult(DEMO.aisha, "window-doc", {
          intent: "disposition",
          comment: String(consultationCommentId),
          disposition: "accepted",
        })
      ).status,
    ).toBe(403);
    const noResponse = await consult(DEMO.editor, "window-doc", {
      intent: "disposition",
      comment: String(consultationCommentId),
      disposition: "not_accepted",
      response: "",
    });
    expect(noResponse.status).toBe(400);
    const bad = await consult(DEMO.editor, "window-doc", {
      intent: "disposition",
      comment: String(consultationCommentId),
      disposition: "maybe",
      response: "x",
    });
    expect(bad.status).toBe(400);
    const ok = await consult(DEMO.editor, "window-doc", {
      intent: "disposition",
      comment: String(consultationCommentId),
      disposition: "partly_accepted",
      response: "We added the *number of patients* reached.",
    });
    expect(ok.status).toBe(302);
    const page = await call(consultationLoader, get("/documents/window-doc/consultation", { cookie: await as(DEMO.chair) }), {
      slug: "window-doc",
    });
    const listed = page.data.consultations[0];
    expect(listed).toMatchObject({ commentCount: 1, disposedCount: 1 });
    expect(listed.comments[0]).toMatchObject({ disposition: "partly_accepted" });
    expect(listed.comments[0].responseHtml).toContain("<em>number of patients</em>");
  });

  it("with a public audience lets pending applicants comment, identified by their organisation", async () => {
    await createTestDocument("public-doc", "evaluation-procedures", DEMO.editor, BODY);
    await consult(DEMO.chair, "public-doc", {
      intent: "open",
      opensOn: today(),
      closesOn: inDays(7),
      audience: "public",
      note: "Open to all.",
    });
    const byPending = await commentAs(DEMO.pending, "public-doc");
    expect(byPending.status).toBe(302);
    const draft = await call(draftLoader, get("/documents/public-doc", { cookie: await as(DEMO.pending) }), {
      slug: "public-doc",
    });
    const thread = draft.data.threads[0];
    expect(thread).toMatchObject({
      authorName: "Rahul Mehta",
      authorOrganization: "Digital Health Institute",
      authorPending: true,
      inConsultation: true,
    });
    // A visitor who is not signed in is asked to sign in.
    const anonymous = await call(draftLoader, get("/documents/public-doc"), { slug: "public-doc" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toContain("/login?redirectTo=");
  });

  it("shows the demo's closed consultation with a disposition for every comment", async () => {
    const page = await call(
      consultationLoader,
      get("/documents/pre-deployment-evaluation/consultation", { cookie: await as(DEMO.editor) }),
      { slug: "pre-deployment-evaluation" },
    );
    const [demo] = page.data.consultations;
    expect(demo.commentCount).toBeGreaterThanOrEqual(3);
    expect(demo.disposedCount).toBe(demo.commentCount);
    expect(new Set(demo.comments.map((c: { disposition: string }) => c.disposition)).size).toBeGreaterThanOrEqual(3);
  });
});

describe("publishing", () => {
  it("is for chairs; versions must increase; publishes release notes, review date and the disposition table", async () => {
    await createTestDocument("publish-doc", "evaluation-procedures", DEMO.editor, BODY);
    expect(
      (
        await call(publishLoader, get("/documents/publish-doc/publish", { cookie: await as(DEMO.editor) }), {
          slug: "publish-doc",
        })
      ).status,
    ).toBe(403);
    expect((await publish(DEMO.editor, "publish-doc", { kind: "minor", notes: "x" })).status).toBe(403);
    const form = await call(publishLoader, get("/documents/publish-doc/publish", { cookie: await as(DEMO.chair) }), {
      slug: "publish-doc",
    });
    expect(form.data.next).toEqual({ minor: "1.0", major: "1.0" });
    expect((await publish(DEMO.chair, "publish-doc", { kind: "minor", notes: "" })).status).toBe(400);
    expect((await publish(DEMO.chair, "publish-doc", { version: "one", notes: "First" })).status).toBe(400);
    expect((await publish(DEMO.chair, "publish-doc", { kind: "minor", notes: "First", reviewDue: "2020-01-01" })).status).toBe(
      400,
    );
    const first = await publish(DEMO.chair, "publish-doc", { kind: "minor", notes: "First version.", reviewDue: inDays(365) });
    expect(first.status).toBe(302);
    expect(first.location).toBe("/library/publish-doc/v/1.0?published=1");
    // Nothing changed: not publishable again.
    const unchanged = await publish(DEMO.chair, "publish-doc", { kind: "minor", notes: "Again" });
    expect(unchanged.status).toBe(400);
    expect(unchanged.data.result.error[""]).toEqual(["documents.errors.publish.unchanged"]);
    const h = await head("publish-doc");
    await save(DEMO.editor, "publish-doc", {
      body: h.body.replace("every quarter", "every quarter, within 30 days"),
      baseRevision: h.id,
    });
    // Versions must increase: 1.0 again, 0.9 are refused; nothing is written.
    for (const version of ["1.0", "0.9"]) {
      const refused = await publish(DEMO.chair, "publish-doc", { version, notes: "Again" });
      expect(refused.status, version).toBe(400);
      expect(refused.data.result.error.version).toEqual(["documents.errors.publish.not_increasing"]);
    }
    const doc = await documentRow("publish-doc");
    expect(
      await getDb().selectFrom("published_version").select("version").where("document_id", "=", doc.id).execute(),
    ).toHaveLength(1);
    // A stale page (the draft moved since it was opened) is refused with 409.
    const stale = await call(
      publishAction,
      post(
        "/documents/publish-doc/publish",
        { intent: "publish", baseRevision: String(h.id), kind: "minor", notes: "x" },
        { cookie: await as(DEMO.chair) },
      ),
      { slug: "publish-doc" },
    );
    expect(stale.status).toBe(409);
    expect((await publish(DEMO.chair, "publish-doc", { kind: "minor", notes: "Deadline for quarterly reports." })).location).toBe(
      "/library/publish-doc/v/1.1?published=1",
    );
    const h2 = await head("publish-doc");
    await save(DEMO.editor, "publish-doc", {
      body: h2.body + "\n## Confidentiality\n\nReports contain no patient-level data.\n",
      baseRevision: h2.id,
    });
    expect((await publish(DEMO.chair, "publish-doc", { kind: "major", notes: "New section on confidentiality." })).location).toBe(
      "/library/publish-doc/v/2.0?published=1",
    );
    const versions = await getDb()
      .selectFrom("published_version")
      .select(["version", "notes", "review_due"])
      .where("document_id", "=", doc.id)
      .orderBy("id")
      .execute();
    expect(versions.map((v) => v.version)).toEqual(["1.0", "1.1", "2.0"]);
    expect(versions[0].review_due).toBe(inDays(365));
    const audit = await getDb()
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "document.publish")
      .where("subject_id", "=", String(doc.id))
      .execute();
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[2].data)).toMatchObject({ version: "2.0", before: "1.1" });
    // Group members are told.
    const told = await getDb()
      .selectFrom("notification")
      .select("url")
      .where("kind", "=", "document_published")
      .where("user_id", "=", await userId(DEMO.aisha))
      .execute();
    expect(told.map((n) => n.url)).toContain("/library/publish-doc/v/2.0");
  });

  it("waits for the consultation to close and every comment to have a disposition; the table goes out with the version", async () => {
    await createTestDocument("disposed-doc", "evaluation-procedures", DEMO.editor, BODY);
    await consult(DEMO.chair, "disposed-doc", {
      intent: "open",
      opensOn: today(),
      closesOn: inDays(7),
      audience: "members",
      note: "",
    });
    const byIndustry = await commentAs(
      DEMO.industry,
      "disposed-doc",
      "annual-report",
      "Les rapports annuels devraient être publiés en français aussi.",
    );
    const commentId = Number(byIndustry.location!.split("#comment-")[1]);
    expect((await publish(DEMO.chair, "disposed-doc", { kind: "minor", notes: "First." })).data.result.error[""]).toEqual([
      "documents.errors.publish.consultation_open",
    ]);
    await consult(DEMO.chair, "disposed-doc", { intent: "close", confirm: "yes" });
    const undisposed = await publish(DEMO.chair, "disposed-doc", { kind: "minor", notes: "First." });
    expect(undisposed.data.result.error[""]).toEqual(["documents.errors.publish.undisposed"]);
    await consult(DEMO.chair, "disposed-doc", {
      intent: "disposition",
      comment: String(commentId),
      disposition: "accepted",
      response: "Translations will follow.",
    });
    expect((await publish(DEMO.chair, "disposed-doc", { kind: "minor", notes: "First." })).status).toBe(302);
    const page = await call(publicationLoader, get("/library/disposed-doc"), { slug: "disposed-doc" });
    expect(page.status).toBe(200);
    expect(page.data.publication.dispositions).toEqual([
      expect.objectContaining({
        commentId,
        author: "Claire Dubois",
        organization: "MedVision AI",
        disposition: "accepted",
        section: "Annual report",
      }),
    ]);
    // A later disposition change does not alter the published record.
    await consult(DEMO.chair, "disposed-doc", {
      intent: "disposition",
      comment: String(commentId),
      disposition: "noted",
      response: "",
    });
    const again = await call(publicationLoader, get("/library/disposed-doc"), { slug: "disposed-doc" });
    expect(again.data.publication.dispositions[0].disposition).toBe("accepted");
  });

  it("keeps published versions immutable, even to a direct UPDATE", async () => {
    const doc = await documentRow("pre-deployment-evaluation");
    expect(() => rawDb().prepare("update published_version set notes = 'tampered' where document_id = ?").run(doc.id)).toThrow(
      /immutable/,
    );
    const version = await getDb()
      .selectFrom("published_version")
      .select("notes")
      .where("document_id", "=", doc.id)
      .executeTakeFirstOrThrow();
    expect(version.notes).not.toBe("tampered");
  });

  it("withdraws or supersedes a published document with a reason and a successor, readable in the library", async () => {
    await createTestDocument("old-guidance", "evaluation-procedures", DEMO.editor, BODY);
    const notPublished = await call(
      publishAction,
      post(
        "/documents/old-guidance/publish",
        { intent: "withdraw", confirm: "yes", reason: "Obsolete", successor: "" },
        { cookie: await as(DEMO.chair) },
      ),
      { slug: "old-guidance" },
    );
    expect(notPublished.status).toBe(403);
    await publish(DEMO.chair, "old-guidance", { kind: "minor", notes: "First." });
    const supersede = (fields: Record<string, string>, email: string = DEMO.chair) =>
      as(email).then((cookie) =>
        call(
          publishAction,
          post("/documents/old-guidance/publish", { intent: "supersede", confirm: "yes", ...fields }, { cookie }),
          { slug: "old-guidance" },
        ),
      );
    expect((await supersede({ reason: "Replaced", successor: "pre-deployment-evaluation" }, DEMO.editor)).status).toBe(403);
    expect((await supersede({ reason: "Replaced", successor: "" })).status).toBe(400);
    expect((await supersede({ reason: "", successor: "pre-deployment-evaluation" })).status).toBe(400);
    expect((await supersede({ reason: "Replaced", successor: "no-such-doc" })).status).toBe(400);
    expect((await documentRow("old-guidance")).status).toBe("published");
    const done = await supersede({ reason: "Merged into the evaluation framework.", successor: "pre-deployment-evaluation" });
    expect(done.status).toBe(302);
    const doc = await documentRow("old-guidance");
    expect(doc).toMatchObject({
      status: "superseded",
      status_reason: "Merged into the evaluation framework.",
      successor_id: (await documentRow("pre-deployment-evaluation")).id,
    });
    const page = await call(publicationLoader, get("/library/old-guidance"), { slug: "old-guidance" });
    expect(page.data.publication.document.status).toBe("superseded");
    expect(page.data.publication.successor).toEqual({ slug: "pre-deployment-evaluation", title: expect.any(String) });
    // A closed record is not edited or published again.
    const h = await head("old-guidance");
    expect((await save(DEMO.editor, "old-guidance", { body: h.body + "\nmore\n", baseRevision: h.id })).status).toBe(403);
    const audit = await getDb()
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "document.supersede")
      .where("subject_id", "=", String(doc.id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("marks translations out of date when their source publishes a newer version", async () => {
    // The starter French translation follows version 1.0 of the evaluation framework.
    const before = await call(publicationLoader, get("/library/evaluation-avant-deploiement"), {
      slug: "evaluation-avant-deploiement",
    });
    expect(before.data.publication.outOfDateWith).toBeNull();
    // A source of its own: publish 1.0 of a source and of its translation, then 1.1 of the source.
    await createTestDocument("kpi-source", "evaluation-procedures", DEMO.editor, BODY);
    await createTestDocument("kpi-source-vi", "evaluation-procedures", DEMO.editor, "# Báo cáo KPI\n\nGiới thiệu.\n", {
      language: "vi",
      translationOf: "kpi-source",
    });
    await publish(DEMO.chair, "kpi-source", { kind: "minor", notes: "First." });
    await publish(DEMO.chair, "kpi-source-vi", { kind: "minor", notes: "Bản đầu tiên." });
    const translationVersion = await getDb()
      .selectFrom("published_version")
      .select("source_version")
      .where("document_id", "=", (await documentRow("kpi-source-vi")).id)
      .executeTakeFirstOrThrow();
    expect(translationVersion.source_version).toBe("1.0");
    let page = await call(publicationLoader, get("/library/kpi-source-vi"), { slug: "kpi-source-vi" });
    expect(page.data.publication.outOfDateWith).toBeNull();
    const h = await head("kpi-source");
    await save(DEMO.editor, "kpi-source", { body: h.body.replace("Intro.", "Introduction."), baseRevision: h.id });
    await publish(DEMO.chair, "kpi-source", { kind: "minor", notes: "Wording." });
    page = await call(publicationLoader, get("/library/kpi-source-vi"), { slug: "kpi-source-vi" });
    expect(page.data.publication.outOfDateWith).toBe("1.1");
    const source = await call(publicationLoader, get("/library/kpi-source"), { slug: "kpi-source" });
    expect(source.data.publication.translations).toEqual([
      expect.objectContaining({ slug: "kpi-source-vi", outOfDateWith: "1.1" }),
    ]);
    // Readers of an older version page see that version, not the latest.
    const old = await call(versionLoader, get("/library/kpi-source/v/1.0"), { slug: "kpi-source", version: "1.0" });
    expect(old.data.publication.version.version).toBe("1.0");
    expect(old.data.publication.latestVersion).toBe("1.1");
  });
});
