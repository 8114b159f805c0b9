import { describe, expect, it } from "vitest";
import { action as proposalAction, loader as proposalLoader } from "~/routes/groups.$slug.decisions.$proposalId/route";
import { loader as decisionsLoader } from "~/routes/groups.$slug.decisions._index";
import { action as newAction, loader as newLoader } from "~/routes/groups.$slug.decisions.new";
import { getDb } from "~/utils/db.server";
import { call, get, post, sessionCookie, userByEmail } from "../support/routes";

const SLUG = "evaluation-procedures";
const params = { slug: SLUG };
const db = () => getDb();

function localIn(days: number) {
  // A wall-clock time `days` from now, as a datetime-local field sends it (UTC zone).
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);
}

const proposal = (overrides: Record<string, string> = {}) => ({
  title: "Adopt the evaluation dossier checklist",
  body: "Adopt the **checklist** of the evaluation dossier for the pilot sites.",
  closesAt: localIn(7),
  timeZone: "UTC",
  meetingId: "",
  documentId: "",
  ...overrides,
});

async function proposalCount() {
  return Number(
    (
      await db()
        .selectFrom("proposal")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

async function open(email = "editor@demo.test", overrides: Record<string, string> = {}) {
  const res = await call(
    newAction,
    post(`/groups/${SLUG}/decisions/new`, proposal(overrides), { cookie: await sessionCookie(email) }),
    params,
  );
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return Number(res.location!.match(/decisions\/(\d+)/)![1]);
}

const vote = async (email: string, id: number, position: string, reason = "") =>
  call(
    proposalAction,
    post(`/groups/${SLUG}/decisions/${id}`, { intent: "vote", position, reason }, { cookie: await sessionCookie(email) }),
    { ...params, proposalId: String(id) },
  );

describe("opening a proposal", () => {
  it("is for chairs and editors; it is audited and the group's watchers are told", async () => {
    for (const email of ["minh@demo.test", "member@demo.test", "pending@demo.test"]) {
      const res = await call(
        newAction,
        post(`/groups/${SLUG}/decisions/new`, proposal(), { cookie: await sessionCookie(email) }),
        params,
      );
      expect(res.status, email).toBe(403);
    }
    const group = await db().selectFrom("working_group").select("id").where("slug", "=", SLUG).executeTakeFirstOrThrow();
    const meeting = await db().selectFrom("meeting").select("id").where("group_id", "=", group.id).executeTakeFirstOrThrow();
    const document = await db()
      .selectFrom("document")
      .select("id")
      .where("slug", "=", "pre-deployment-evaluation")
      .executeTakeFirstOrThrow();
    const form = await call(
      newLoader,
      get(`/groups/${SLUG}/decisions/new?meeting=${meeting.id}`, { cookie: await sessionCookie("editor@demo.test") }),
      params,
    );
    expect(form.data.defaults.meetingId).toBe(String(meeting.id));

    const id = await open("editor@demo.test", { meetingId: String(meeting.id), documentId: String(document.id) });
    const row = await db().selectFrom("proposal").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ meeting_id: meeting.id, document_id: document.id, closed_at: null });
    expect(row.body_html).toContain("<strong>checklist</strong>");
    expect(
      await db()
        .selectFrom("audit_event")
        .select("id")
        .where("action", "=", "proposal.open")
        .where("subject_id", "=", String(id))
        .execute(),
    ).toHaveLength(1);
    const notified = await db()
      .selectFrom("notification")
      .innerJoin("user", "user.id", "notification.user_id")
      .select("user.username")
      .where("kind", "=", "proposal_opened")
      .where("url", "=", `/groups/${SLUG}/decisions/${id}`)
      .execute();
    expect(notified.map((n) => n.username).sort()).toEqual(["aisha", "chair", "minh"]);
  });

  it("refuses a closing date in the past, an unknown time zone and foreign meetings with 400, writing nothing", async () => {
    const cookie = await sessionCookie("chair@demo.test");
    const before = await proposalCount();
    const foreign = await db()
      .selectFrom("meeting")
      .innerJoin("working_group", "working_group.id", "meeting.group_id")
      .select("meeting.id")
      .where("working_group.slug", "=", "risk-management")
      .executeTakeFirstOrThrow();
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ closesAt: localIn(-1) }, "closesAt", "groups.errors.closingInPast"],
      [{ closesAt: localIn(400) }, "closesAt", "groups.errors.closingTooFar"],
      [{ closesAt: "soon" }, "closesAt", "groups.errors.dateTime"],
      [{ timeZone: "Atlantis/Capital" }, "timeZone", "validation.timeZone"],
      [{ title: "" }, "title", "validation.required"],
      [{ body: "x".repeat(20_001) }, "body", "validation.tooLong"],
      [{ meetingId: String(foreign.id) }, "meetingId", "groups.errors.unknownMeeting"],
      [{ documentId: "999999" }, "documentId", "groups.errors.unknownDocument"],
    ];
    for (const [overrides, field, message] of cases) {
      const res = await call(newAction, post(`/groups/${SLUG}/decisions/new`, proposal(overrides), { cookie }), params);
      expect(res.status, JSON.stringify(overrides).slice(0, 80)).toBe(400);
      expect(res.data.result.error[field], field).toEqual([message]);
    }
    expect(await proposalCount()).toBe(before);
  });
});

describe("voting", () => {
  it("members vote once, may change their vote, and see the tally; a block needs a reason", async () => {
    const id = await open();
    const p = { ...params, proposalId: String(id) };
    expect((await vote("minh@demo.test", id, "agree")).status).toBe(302);
    expect((await vote("aisha@demo.test", id, "disagree", "Needs a small-numbers annex.")).status).toBe(302);
    const blocked = await vote("chair@demo.test", id, "block", "  ");
    expect(blocked.status).toBe(400);
    expect(blocked.data.result.error.reason).toEqual(["groups.errors.blockNeedsReason"]);
    expect((await vote("chair@demo.test", id, "veto")).status).toBe(400);
    expect((await vote("chair@demo.test", id, "block", "Conflicts with national law on health data.")).status).toBe(302);
    // Changing a vote replaces it.
    expect((await vote("minh@demo.test", id, "abstain", "On reflection, no view.")).status).toBe(302);
    const votes = await db().selectFrom("vote").selectAll().where("proposal_id", "=", id).execute();
    expect(votes).toHaveLength(3);

    const page = await call(
      proposalLoader,
      get(`/groups/${SLUG}/decisions/${id}`, { cookie: await sessionCookie("minh@demo.test") }),
      p,
    );
    expect(page.data.tally).toEqual({ agree: 0, abstain: 1, disagree: 1, block: 1 });
    expect(page.data.myVote).toMatchObject({ position: "abstain", reason: "On reflection, no view." });
    expect(page.data.votes.map((v: { username: string; position: string }) => `${v.username}:${v.position}`)).toEqual([
      "chair:block",
      "aisha:disagree",
      "minh:abstain",
    ]);
    expect(page.data.can).toMatchObject({ vote: true, comment: true, close: false });

    // Anonymous readers of a closed group see the tally, not who voted what.
    const anonymous = await call(proposalLoader, get(`/groups/${SLUG}/decisions/${id}`), p);
    expect(anonymous.data.tally).toEqual({ agree: 0, abstain: 1, disagree: 1, block: 1 });
    expect(anonymous.data.votes).toEqual([]);
    expect(anonymous.data.can.vote).toBe(false);
  });

  it("is for members: outsiders get 403, anonymous visitors are sent to sign in", async () => {
    const id = await open();
    expect((await vote("member@demo.test", id, "agree")).status).toBe(403);
    expect((await vote("industry@demo.test", id, "agree")).status).toBe(403);
    const anonymous = await call(proposalAction, post(`/groups/${SLUG}/decisions/${id}`, { intent: "vote", position: "agree" }), {
      ...params,
      proposalId: String(id),
    });
    expect(anonymous.status).toBe(302);
    expect(await db().selectFrom("vote").select("user_id").where("proposal_id", "=", id).execute()).toEqual([]);
  });

  it("refuses votes after the closing date with 400 and writes nothing", async () => {
    const id = await open();
    expect((await vote("minh@demo.test", id, "agree")).status).toBe(302);
    await db()
      .updateTable("proposal")
      .set({ closes_at: new Date(Date.now() - 60_000).toISOString() })
      .where("id", "=", id)
      .execute();
    const late = await vote("minh@demo.test", id, "disagree", "Changed my mind too late");
    expect(late.status).toBe(400);
    expect(late.data.result.error[""]).toEqual(["groups.errors.votingEnded"]);
    const newVoter = await vote("aisha@demo.test", id, "agree");
    expect(newVoter.status).toBe(400);
    const votes = await db().selectFrom("vote").select(["position"]).where("proposal_id", "=", id).execute();
    expect(votes).toEqual([{ position: "agree" }]);
    const page = await call(
      proposalLoader,
      get(`/groups/${SLUG}/decisions/${id}`, { cookie: await sessionCookie("chair@demo.test") }),
      { ...params, proposalId: String(id) },
    );
    expect(page.data.proposal.state).toBe("awaiting_outcome");
    expect(page.data.can).toMatchObject({ vote: false, close: true });
  });
});

describe("closing with the outcome", () => {
  it("is for chairs; it records the outcome, audits the tally and tells watchers and voters", async () => {
    const id = await open();
    const p = { ...params, proposalId: String(id) };
    await vote("minh@demo.test", id, "agree");
    await vote("editor@demo.test", id, "agree");
    await vote("aisha@demo.test", id, "disagree", "Prevalence assumptions.");
    const close = (email: string, outcome: string) =>
      sessionCookie(email).then((cookie) =>
        call(
          proposalAction,
          post(`/groups/${SLUG}/decisions/${id}`, { intent: "close", confirm: "yes", outcome }, { cookie }),
          p,
        ),
      );
    expect((await close("editor@demo.test", "Adopted")).status).toBe(403);
    const empty = await close("chair@demo.test", "   ");
    expect(empty.status).toBe(400);
    expect(empty.data.result.error.outcome).toEqual(["validation.required"]);

    const res = await close("chair@demo.test", "**Adopted by consent.** Aisha Rahman's concern is recorded.");
    expect(res.status).toBe(302);
    const row = await db().selectFrom("proposal").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.closed_at).not.toBeNull();
    expect(row.outcome_html).toContain("<strong>Adopted by consent.</strong>");
    const audit = await db()
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "proposal.close")
      .where("subject_id", "=", String(id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({ tally: { agree: 2, abstain: 0, disagree: 1, block: 0 }, early: true });
    const notified = await db()
      .selectFrom("notification")
      .innerJoin("user", "user.id", "notification.user_id")
      .select("user.username")
      .where("kind", "=", "decision_recorded")
      .where("url", "=", `/groups/${SLUG}/decisions/${id}`)
      .execute();
    expect(notified.map((n) => n.username).sort()).toEqual(["aisha", "editor", "minh"]);

    const afterClose = await vote("minh@demo.test", id, "block", "Too late");
    expect(afterClose.status).toBe(400);
    expect(afterClose.data.result.error[""]).toEqual(["groups.errors.proposalClosed"]);
    expect((await close("chair@demo.test", "Again")).status).toBe(409);
    const comment = await call(
      proposalAction,
      post(
        `/groups/${SLUG}/decisions/${id}`,
        { intent: "comment", body: "Late comment" },
        { cookie: await sessionCookie("minh@demo.test") },
      ),
      p,
    );
    expect(comment.status).toBe(400);

    const log = await call(decisionsLoader, get(`/groups/${SLUG}/decisions`), params);
    const entry = log.data.decisions.find((d: { id: number }) => d.id === id);
    expect(entry).toMatchObject({ tally: { agree: 2, abstain: 0, disagree: 1, block: 0 } });
    expect(entry.outcome_html).toContain("Adopted by consent");
    expect(log.data.open.map((o: { id: number }) => o.id)).not.toContain(id);
  });

  it("lists the demo decisions with date, outcome, tallies and what they concern", async () => {
    const log = await call(decisionsLoader, get(`/groups/${SLUG}/decisions`), params);
    const template = log.data.decisions.find((d: { title: string }) =>
      d.title.startsWith("Adopt the local-validation report template"),
    );
    expect(template.tally).toEqual({ agree: 3, abstain: 0, disagree: 1, block: 0 });
    expect(template.meeting_title).toContain("local-validation template");
    expect(template.document_slug).toBe("pre-deployment-evaluation");
    const blocked = log.data.decisions.find((d: { title: string }) => d.title.startsWith("Require at least eight weeks"));
    expect(blocked.tally.block).toBe(1);
    expect(log.data.open.some((o: { state: string }) => o.state === "open")).toBe(true);
  });
});

describe("discussing a proposal", () => {
  it("members comment while it is open; others may not", async () => {
    const id = await open();
    const p = { ...params, proposalId: String(id) };
    const res = await call(
      proposalAction,
      post(
        `/groups/${SLUG}/decisions/${id}`,
        { intent: "comment", body: "What about *primary care*?" },
        { cookie: await sessionCookie("aisha@demo.test") },
      ),
      p,
    );
    expect(res.status).toBe(302);
    const outsider = await call(
      proposalAction,
      post(
        `/groups/${SLUG}/decisions/${id}`,
        { intent: "comment", body: "Me too" },
        { cookie: await sessionCookie("member@demo.test") },
      ),
      p,
    );
    expect(outsider.status).toBe(403);
    const page = await call(
      proposalLoader,
      get(`/groups/${SLUG}/decisions/${id}`, { cookie: await sessionCookie("editor@demo.test") }),
      p,
    );
    expect(page.data.comments).toHaveLength(1);
    expect(page.data.comments[0].body_html).toContain("<em>primary care</em>");
    const unknown = await call(
      proposalAction,
      post(`/groups/${SLUG}/decisions/${id}`, { intent: "dance" }, { cookie: await sessionCookie("aisha@demo.test") }),
      p,
    );
    expect(unknown.status).toBe(400);
  });

  it("answers 404 for unknown proposals and proposals of other groups", async () => {
    expect(
      (await call(proposalLoader, get(`/groups/${SLUG}/decisions/999999`), { ...params, proposalId: "999999" })).status,
    ).toBe(404);
    const other = await db()
      .selectFrom("proposal")
      .innerJoin("working_group", "working_group.id", "proposal.group_id")
      .select("proposal.id")
      .where("working_group.slug", "=", "risk-management")
      .executeTakeFirstOrThrow();
    expect(
      (await call(proposalLoader, get(`/groups/${SLUG}/decisions/${other.id}`), { ...params, proposalId: String(other.id) }))
        .status,
    ).toBe(404);
    const voteElsewhere = await vote("minh@demo.test", other.id, "agree");
    expect(voteElsewhere.status).toBe(404);
  });
});

describe("a private group's decisions", () => {
  it("notify its members with the group attached", async () => {
    const minh = await userByEmail("minh@demo.test");
    const res = await call(
      newAction,
      post("/groups/pilot-coordination/decisions/new", proposal(), { cookie: await sessionCookie(minh.id) }),
      { slug: "pilot-coordination" },
    );
    expect(res.status).toBe(302);
    const group = await db()
      .selectFrom("working_group")
      .select("id")
      .where("slug", "=", "pilot-coordination")
      .executeTakeFirstOrThrow();
    const rows = await db()
      .selectFrom("notification")
      .select("private_group_id")
      .where("kind", "=", "proposal_opened")
      .where("url", "=", res.location!.split("?")[0])
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.private_group_id).toBe(group.id);
  });
});
