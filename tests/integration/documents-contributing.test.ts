// Contributing: section comments that survive heading edits (or are listed as made on an earlier
// revision), threads and their notifications, resolving, and change proposals — accepted as a
// revision credited to the proposer (merged three-way when stale, never applied blindly) or
// declined with a reason; the proposer is notified.
import { describe, expect, it } from "vitest";
import { action as proposalAction, loader as proposalLoader } from "~/routes/documents.$slug.proposals.$proposalId/route";
import { action as newProposalAction, loader as newProposalLoader } from "~/routes/documents.$slug.proposals.new";
import { loader as proposalsLoader } from "~/routes/documents.$slug.proposals._index";
import { action as draftAction, loader as draftLoader } from "~/routes/documents.$slug._index/route";
import { getDb } from "~/utils/db.server";
import { call, get, post } from "../support/routes";
import { as, createTestDocument, DEMO, head, save, userId } from "./documents-support";

const BODY = [
  "# Monitoring of a sepsis alert",
  "",
  "Introductory words.",
  "",
  "## Indicators",
  "",
  "Alert rate per 1,000 admissions is reported each quarter.",
  "",
  "## Thresholds",
  "",
  "A rise of 20% triggers a review.",
  "",
  "## Reporting",
  "",
  "Quarterly reports go to the ministry.",
  "",
].join("\n");

async function comment(email: string | null, slug: string, fields: Record<string, string>) {
  return call(draftAction, post(`/documents/${slug}`, fields, { cookie: await as(email) }), { slug });
}

async function notificationsOf(email: string, kind: string) {
  return getDb()
    .selectFrom("notification")
    .selectAll()
    .where("user_id", "=", await userId(email))
    .where("kind", "=", kind)
    .execute();
}

describe("section comments", () => {
  it("anchor to a section, thread, notify the thread, and are refused to those who may not read the draft", async () => {
    await createTestDocument("comments-doc", "evaluation-procedures", DEMO.editor, BODY);
    const h = await head("comments-doc");
    const root = await comment(DEMO.aisha, "comments-doc", {
      intent: "comment",
      section: "thresholds",
      revision: String(h.id),
      body: "Is **20%** measured against the baseline month?",
    });
    expect(root.status).toBe(302);
    const rootId = Number(root.location!.split("#comment-")[1]);
    const row = await getDb().selectFrom("doc_comment").selectAll().where("id", "=", rootId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      section_key: "thresholds",
      section_anchor: "thresholds",
      section_title: "Thresholds",
      consultation_id: null,
    });
    expect(row.body_html).toContain("<strong>20%</strong>");
    const reply = await comment(DEMO.editor, "comments-doc", {
      intent: "reply",
      parent: String(rootId),
      body: "Yes, the first full month after go-live.",
    });
    expect(reply.status).toBe(302);
    const notified = await notificationsOf(DEMO.aisha, "comment_reply");
    expect(notified.some((n) => n.url.startsWith("/documents/comments-doc#comment-"))).toBe(true);
    // The draft lists the thread under its section.
    const draft = await call(draftLoader, get("/documents/comments-doc", { cookie: await as(DEMO.minh) }), {
      slug: "comments-doc",
    });
    const thread = draft.data.threads.find((t: { id: number }) => t.id === rootId);
    expect(thread).toMatchObject({ sectionKey: "thresholds", authorOrganization: "Ministry of Health" });
    expect(thread.replies).toHaveLength(1);
    // Empty comments come back with a message; unknown sections are refused; nothing written.
    const before = (await getDb().selectFrom("doc_comment").select("id").execute()).length;
    const empty = await comment(DEMO.aisha, "comments-doc", {
      intent: "comment",
      section: "thresholds",
      revision: String(h.id),
      body: "  ",
    });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({
      form: "comment-thresholds",
      result: { error: { body: ["documents.errors.commentEmpty"] } },
    });
    const unknown = await comment(DEMO.aisha, "comments-doc", {
      intent: "comment",
      section: "nowhere",
      revision: String(h.id),
      body: "Hello",
    });
    expect(unknown.status).toBe(400);
    // Outsiders (the draft is not public outside a consultation) get 404 and write nothing.
    for (const email of [DEMO.member, DEMO.pending]) {
      expect(
        (await comment(email, "comments-doc", { intent: "comment", section: "thresholds", revision: String(h.id), body: "Hi" }))
          .status,
        email,
      ).toBe(404);
    }
    expect((await getDb().selectFrom("doc_comment").select("id").execute()).length).toBe(before);
  });

  it("stay attached when a heading is reworded, and are listed as on an earlier revision when the section goes", async () => {
    await createTestDocument("stable-ids", "evaluation-procedures", DEMO.editor, BODY);
    const h = await head("stable-ids");
    const onIndicators = await comment(DEMO.minh, "stable-ids", {
      intent: "comment",
      section: "indicators",
      revision: String(h.id),
      body: "Add the positive predictive value.",
    });
    const onReporting = await comment(DEMO.minh, "stable-ids", {
      intent: "comment",
      section: "reporting",
      revision: String(h.id),
      body: "Who receives the annual report?",
    });
    const indicatorsId = Number(onIndicators.location!.split("#comment-")[1]);
    const reportingId = Number(onReporting.location!.split("#comment-")[1]);
    // Rename "Indicators" and delete "Reporting".
    const edited = BODY.replace("## Indicators", "## Key performance indicators").replace(
      "## Reporting\n\nQuarterly reports go to the ministry.\n",
      "",
    );
    expect((await save(DEMO.editor, "stable-ids", { body: edited, baseRevision: h.id })).status).toBe(302);
    const draft = await call(draftLoader, get("/documents/stable-ids", { cookie: await as(DEMO.minh) }), { slug: "stable-ids" });
    const section = draft.data.sections.find((s: { key: string }) => s.key === "indicators");
    expect(section).toMatchObject({ id: "key-performance-indicators", title: "Key performance indicators" });
    expect(draft.data.threads.map((t: { id: number }) => t.id)).toContain(indicatorsId);
    expect(draft.data.threads.map((t: { id: number }) => t.id)).not.toContain(reportingId);
    const earlier = draft.data.earlier.find((t: { id: number }) => t.id === reportingId);
    expect(earlier).toMatchObject({ sectionTitle: "Reporting", revisionId: h.id, sectionAnchor: "reporting" });
    // A second rename keeps the key again; new comments on the renamed section share the thread list.
    const h2 = await head("stable-ids");
    await save(DEMO.editor, "stable-ids", {
      body: edited.replace("## Key performance indicators", "## KPIs"),
      baseRevision: h2.id,
    });
    const h3 = await head("stable-ids");
    const late = await comment(DEMO.aisha, "stable-ids", {
      intent: "comment",
      section: "indicators",
      revision: String(h3.id),
      body: "Also time to antibiotics.",
    });
    expect(late.status).toBe(302);
    const after = await call(draftLoader, get("/documents/stable-ids", { cookie: await as(DEMO.minh) }), { slug: "stable-ids" });
    const kpiThreads = after.data.threads.filter((t: { sectionKey: string }) => t.sectionKey === "indicators");
    expect(kpiThreads).toHaveLength(2);
  });

  it("are resolved and reopened by their author or an editor, not by other members", async () => {
    await createTestDocument("resolve-doc", "evaluation-procedures", DEMO.editor, BODY);
    const h = await head("resolve-doc");
    const root = await comment(DEMO.aisha, "resolve-doc", {
      intent: "comment",
      section: "indicators",
      revision: String(h.id),
      body: "Please define admissions.",
    });
    const id = Number(root.location!.split("#comment-")[1]);
    expect((await comment(DEMO.minh, "resolve-doc", { intent: "resolve", comment: String(id) })).status).toBe(403);
    expect((await comment(DEMO.aisha, "resolve-doc", { intent: "resolve", comment: String(id) })).status).toBe(302);
    let row = await getDb().selectFrom("doc_comment").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.resolved_by).toBe(await userId(DEMO.aisha));
    expect((await comment(DEMO.editor, "resolve-doc", { intent: "reopen", comment: String(id) })).status).toBe(302);
    row = await getDb().selectFrom("doc_comment").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.resolved_at).toBeNull();
    expect((await comment(DEMO.chair, "resolve-doc", { intent: "resolve", comment: String(id) })).status).toBe(302);
    expect((await comment(DEMO.member, "resolve-doc", { intent: "reopen", comment: String(id) })).status).toBe(404);
  });

  it("shows the demo draft's threads, one of them resolved", async () => {
    const draft = await call(draftLoader, get("/documents/pre-deployment-evaluation", { cookie: await as(DEMO.chair) }), {
      slug: "pre-deployment-evaluation",
    });
    expect(draft.status).toBe(200);
    const threads = draft.data.threads as Array<{
      resolvedAt: string | null;
      sectionKey: string;
      inConsultation: boolean;
      disposition: string | null;
    }>;
    expect(threads.some((t) => t.resolvedAt)).toBe(true);
    expect(threads.some((t) => !t.resolvedAt)).toBe(true);
    expect(threads.filter((t) => t.inConsultation).every((t) => t.disposition)).toBe(true);
    // The comment made before the generative-AI heading was reworded is still on that section.
    expect(threads.some((t) => t.sectionKey === "generative-ai-and-general-purpose-models")).toBe(true);
    const section = draft.data.sections.find((s: { key: string }) => s.key === "generative-ai-and-general-purpose-models");
    expect(section.id).toBe("generative-ai-and-foundation-models");
  });
});

describe("change proposals", () => {
  async function propose(email: string, slug: string, section: string, text: string, reason = "Clearer wording.") {
    const h = await head(slug);
    return call(
      newProposalAction,
      post(
        `/documents/${slug}/proposals/new`,
        { section, baseRevision: String(h.id), text, reason },
        { cookie: await as(email) },
      ),
      { slug },
    );
  }
  async function decide(email: string, slug: string, id: number, fields: Record<string, string>) {
    return call(proposalAction, post(`/documents/${slug}/proposals/${id}`, fields, { cookie: await as(email) }), {
      slug,
      proposalId: String(id),
    });
  }

  it("are proposed by members with a reason; editors are notified and see a diff; accepting credits the proposer", async () => {
    await createTestDocument("proposal-doc", "evaluation-procedures", DEMO.editor, BODY);
    const form = await call(
      newProposalLoader,
      get("/documents/proposal-doc/proposals/new?section=thresholds", { cookie: await as(DEMO.aisha) }),
      { slug: "proposal-doc" },
    );
    expect(form.data.selected).toMatchObject({ key: "thresholds", text: "## Thresholds\n\nA rise of 20% triggers a review." });
    const noReason = await propose(
      DEMO.aisha,
      "proposal-doc",
      "thresholds",
      "## Thresholds\n\nA rise of 15% triggers a review.",
      " ",
    );
    expect(noReason.status).toBe(400);
    expect(noReason.data.result.initialValue.text).toContain("15%");
    const created = await propose(
      DEMO.aisha,
      "proposal-doc",
      "thresholds",
      "## Thresholds\n\nA rise of 15% over two consecutive months triggers a review.",
    );
    expect(created.status).toBe(302);
    const id = Number(created.location!.split("/").pop());
    expect(
      (await notificationsOf(DEMO.editor, "change_proposal_submitted")).some(
        (n) => n.url === `/documents/proposal-doc/proposals/${id}`,
      ),
    ).toBe(true);
    expect(
      (await notificationsOf(DEMO.chair, "change_proposal_submitted")).some(
        (n) => n.url === `/documents/proposal-doc/proposals/${id}`,
      ),
    ).toBe(true);
    const view = await call(proposalLoader, get(`/documents/proposal-doc/proposals/${id}`, { cookie: await as(DEMO.editor) }), {
      slug: "proposal-doc",
      proposalId: String(id),
    });
    expect(view.data.canReview).toBe(true);
    expect(JSON.stringify(view.data.diff.blocks)).toContain('[-1,"20"]');
    expect(view.data.stale).toBe(false);
    // Members may not decide.
    expect((await decide(DEMO.minh, "proposal-doc", id, { intent: "accept" })).status).toBe(403);
    const accepted = await decide(DEMO.editor, "proposal-doc", id, { intent: "accept", note: "Thanks" });
    expect(accepted.status).toBe(302);
    const h = await head("proposal-doc");
    expect(h.body).toContain("A rise of 15% over two consecutive months triggers a review.");
    expect(h.revision).toMatchObject({ author_id: await userId(DEMO.aisha), kind: "proposal", proposal_id: id });
    const proposal = await getDb().selectFrom("change_proposal").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(proposal).toMatchObject({ status: "accepted", applied_revision_id: h.id, decided_by: await userId(DEMO.editor) });
    const acceptedNotice = (await notificationsOf(DEMO.aisha, "change_proposal_accepted")).find((n) =>
      n.url.endsWith(`/proposals/${id}`),
    );
    expect(acceptedNotice).toBeDefined();
    // It names the revision the proposal became by its number in the document.
    const applied = await getDb()
      .selectFrom("change_proposal")
      .innerJoin("revision", "revision.id", "change_proposal.applied_revision_id")
      .select("revision.number")
      .where("change_proposal.id", "=", Number(id))
      .executeTakeFirstOrThrow();
    expect(acceptedNotice!.excerpt).toMatch(new RegExp(`^#${applied.number} · `));
    // Deciding twice is refused.
    expect((await decide(DEMO.chair, "proposal-doc", id, { intent: "decline", confirm: "yes", reason: "late" })).status).toBe(
      409,
    );
  });

  it("are declined with a reason the proposer is told", async () => {
    await createTestDocument("decline-doc", "evaluation-procedures", DEMO.editor, BODY);
    const created = await propose(DEMO.minh, "decline-doc", "reporting", "## Reporting\n\nMonthly reports go to the ministry.");
    const id = Number(created.location!.split("/").pop());
    const noReason = await decide(DEMO.chair, "decline-doc", id, { intent: "decline", confirm: "yes", reason: "" });
    expect(noReason.status).toBe(400);
    const declined = await decide(DEMO.chair, "decline-doc", id, {
      intent: "decline",
      confirm: "yes",
      reason: "Monthly is too frequent for small sites.",
    });
    expect(declined.status).toBe(302);
    const notification = (await notificationsOf(DEMO.minh, "change_proposal_declined")).find((n) =>
      n.url.endsWith(`/proposals/${id}`),
    );
    expect(notification?.excerpt).toBe("Monthly is too frequent for small sites.");
    expect((await head("decline-doc")).body).toBe(BODY);
    const list = await call(proposalsLoader, get("/documents/decline-doc/proposals", { cookie: await as(DEMO.minh) }), {
      slug: "decline-doc",
    });
    expect(list.data.decided[0]).toMatchObject({
      id,
      status: "declined",
      decision_reason: "Monthly is too frequent for small sites.",
    });
  });

  it("are merged three-way when the section changed since, or reported as conflicting and not applied", async () => {
    await createTestDocument("stale-doc", "evaluation-procedures", DEMO.editor, BODY);
    const mergeable = await propose(
      DEMO.aisha,
      "stale-doc",
      "indicators",
      "## Indicators\n\nAlert rate per 1,000 admissions is reported each quarter, by ward.",
    );
    const conflicting = await propose(DEMO.minh, "stale-doc", "thresholds", "## Thresholds\n\nA rise of 10% triggers a review.");
    const mergeableId = Number(mergeable.location!.split("/").pop());
    const conflictingId = Number(conflicting.location!.split("/").pop());
    // Meanwhile an editor changes both sections.
    const h = await head("stale-doc");
    await save(DEMO.editor, "stale-doc", {
      body: h.body.replace("## Indicators", "## Indicators of performance").replace("A rise of 20%", "A rise of 25%"),
      baseRevision: h.id,
    });
    const view = await call(
      proposalLoader,
      get(`/documents/stale-doc/proposals/${conflictingId}`, { cookie: await as(DEMO.editor) }),
      { slug: "stale-doc", proposalId: String(conflictingId) },
    );
    expect(view.data.stale).toBe(true);
    const current = await head("stale-doc");
    const refused = await decide(DEMO.editor, "stale-doc", conflictingId, { intent: "accept" });
    expect(refused.status).toBe(409);
    expect(refused.data.error).toBe("documents.errors.proposalConflict");
    expect(JSON.stringify(refused.data.conflicts)).toContain("10");
    expect((await head("stale-doc")).id).toBe(current.id);
    expect(
      (await getDb().selectFrom("change_proposal").select("status").where("id", "=", conflictingId).executeTakeFirstOrThrow())
        .status,
    ).toBe("open");
    const merged = await decide(DEMO.editor, "stale-doc", mergeableId, { intent: "accept" });
    expect(merged.status).toBe(302);
    const after = await head("stale-doc");
    expect(after.body).toContain("## Indicators of performance");
    expect(after.body).toContain("reported each quarter, by ward.");
    expect(after.body).toContain("A rise of 25%");
  });

  it("are refused to outsiders (404), to reviewers once the consultation closed (403 with the date), and on unknown ids (404)", async () => {
    const h = await head("pre-deployment-evaluation");
    const proposeAs = async (email: string) =>
      call(
        newProposalAction,
        post(
          "/documents/pre-deployment-evaluation/proposals/new",
          { section: "appeals", baseRevision: String(h.id), text: "x", reason: "y" },
          { cookie: await as(email) },
        ),
        { slug: "pre-deployment-evaluation" },
      );
    // The pending applicant was not in the audience of the (members) consultation: it learns nothing.
    expect((await proposeAs(DEMO.pending)).status).toBe(404);
    // An approved member was a reviewer: the consultation has closed, and they are told when.
    const closed = await proposeAs(DEMO.member);
    expect(closed.status).toBe(403);
    expect(closed.data.reason).toBe("consultation_closed");
    expect(closed.data.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await getDb().selectFrom("change_proposal").select("id").where("reason", "=", "y").execute()).toHaveLength(0);
    const unknown = await call(
      proposalLoader,
      get("/documents/pre-deployment-evaluation/proposals/999999", { cookie: await as(DEMO.chair) }),
      {
        slug: "pre-deployment-evaluation",
        proposalId: "999999",
      },
    );
    expect(unknown.status).toBe(404);
    // The demo draft has a proposal waiting for a decision.
    const list = await call(
      proposalsLoader,
      get("/documents/pre-deployment-evaluation/proposals", { cookie: await as(DEMO.chair) }),
      { slug: "pre-deployment-evaluation" },
    );
    expect(list.data.open.length).toBeGreaterThanOrEqual(1);
    expect(list.data.decided.map((p: { status: string }) => p.status)).toEqual(expect.arrayContaining(["accepted", "declined"]));
  });
});
