import { beforeAll, describe, expect, it } from "vitest";
import { loader as homeLoader } from "~/routes/_index";
import { loader as groupsLoader } from "~/routes/groups._index";
import { loader as layoutLoader } from "~/routes/groups.$slug";
import { loader as overviewLoader } from "~/routes/groups.$slug._index";
import { loader as calendarLoader } from "~/routes/groups.$slug.calendar[.]ics";
import { loader as decisionLoader, action as decisionAction } from "~/routes/groups.$slug.decisions.$proposalId/route";
import { loader as decisionsLoader } from "~/routes/groups.$slug.decisions._index";
import { loader as newDecisionLoader } from "~/routes/groups.$slug.decisions.new";
import { loader as editLoader } from "~/routes/groups.$slug.edit";
import { loader as joinLoader, action as joinAction } from "~/routes/groups.$slug.join/route";
import { loader as leaveLoader, action as leaveAction } from "~/routes/groups.$slug.leave";
import { loader as meetingLoader, action as meetingAction } from "~/routes/groups.$slug.meetings.$meetingId._index/route";
import { loader as meetingEditLoader } from "~/routes/groups.$slug.meetings.$meetingId.edit";
import { loader as meetingIcsLoader } from "~/routes/groups.$slug.meetings.$meetingId.meeting[.]ics";
import { loader as minutesLoader } from "~/routes/groups.$slug.meetings.$meetingId.minutes";
import { loader as meetingsLoader, action as meetingsAction } from "~/routes/groups.$slug.meetings._index/route";
import { loader as newMeetingLoader } from "~/routes/groups.$slug.meetings.new";
import { loader as membersLoader, action as membersAction } from "~/routes/groups.$slug.members/route";
import { action as watchAction } from "~/routes/groups.$slug.watch";
import { loader as notificationsLoader } from "~/routes/notifications";
import { loader as profileLoader } from "~/routes/members.$username";
import { viewerFromRow } from "~/models/viewer.server";
import { createGroup } from "~/services/groups/settings.server";
import { getDb } from "~/utils/db.server";
import { call, get, post, sessionCookie, userByEmail } from "../support/routes";

const SLUG = "pilot-coordination";
// Outsiders of the private group: nobody signed in, a pending account, approved members, a moderator
// and an administrator who is not a member (administrators do not see private groups).
const OUTSIDERS = [null, "pending@demo.test", "member@demo.test", "industry@demo.test", "moderator@demo.test", "admin@demo.test"];

let meetingId: number;
let proposalId: number;

beforeAll(async () => {
  const db = getDb();
  const group = await db.selectFrom("working_group").select("id").where("slug", "=", SLUG).executeTakeFirstOrThrow();
  meetingId = (
    await db
      .selectFrom("meeting")
      .select("id")
      .where("group_id", "=", group.id)
      .orderBy("starts_at", "desc")
      .executeTakeFirstOrThrow()
  ).id;
  proposalId = (await db.selectFrom("proposal").select("id").where("group_id", "=", group.id).executeTakeFirstOrThrow()).id;
});

async function cookieOf(email: string | null) {
  return email ? await sessionCookie(email) : undefined;
}

function pages(): Array<[string, unknown, string, Record<string, string>]> {
  const p = { slug: SLUG };
  const m = { slug: SLUG, meetingId: String(meetingId) };
  const d = { slug: SLUG, proposalId: String(proposalId) };
  return [
    ["layout", layoutLoader, `/groups/${SLUG}`, p],
    ["overview", overviewLoader, `/groups/${SLUG}`, p],
    ["members", membersLoader, `/groups/${SLUG}/members`, p],
    ["meetings", meetingsLoader, `/groups/${SLUG}/meetings`, p],
    ["new meeting", newMeetingLoader, `/groups/${SLUG}/meetings/new`, p],
    ["meeting", meetingLoader, `/groups/${SLUG}/meetings/${meetingId}`, m],
    ["meeting edit", meetingEditLoader, `/groups/${SLUG}/meetings/${meetingId}/edit`, m],
    ["minutes", minutesLoader, `/groups/${SLUG}/meetings/${meetingId}/minutes`, m],
    ["meeting .ics", meetingIcsLoader, `/groups/${SLUG}/meetings/${meetingId}/meeting.ics`, m],
    ["calendar feed", calendarLoader, `/groups/${SLUG}/calendar.ics`, p],
    ["decisions", decisionsLoader, `/groups/${SLUG}/decisions`, p],
    ["new decision", newDecisionLoader, `/groups/${SLUG}/decisions/new`, p],
    ["decision", decisionLoader, `/groups/${SLUG}/decisions/${proposalId}`, d],
    ["join", joinLoader, `/groups/${SLUG}/join`, p],
    ["leave", leaveLoader, `/groups/${SLUG}/leave`, p],
    ["edit", editLoader, `/groups/${SLUG}/edit`, p],
  ];
}

describe("a private working group", () => {
  it("answers 404 on every page, file and feed to outsiders, administrators included", async () => {
    for (const email of OUTSIDERS) {
      const cookie = await cookieOf(email);
      for (const [name, loader, path, params] of pages()) {
        const res = await call(loader, get(path, { cookie }), params);
        expect(res.status, `${email ?? "anonymous"} → ${name}`).toBe(404);
      }
    }
  });

  it("answers 404 to outsiders' forms too, and writes nothing", async () => {
    const db = getDb();
    const before = await db
      .selectFrom("audit_event")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    for (const email of OUTSIDERS) {
      const cookie = await cookieOf(email);
      const forms: Array<[string, unknown, string, Record<string, string>, Record<string, string>]> = [
        ["join", joinAction, `/groups/${SLUG}/join`, { slug: SLUG }, { intent: "request", motivation: "Please" }],
        ["leave", leaveAction, `/groups/${SLUG}/leave`, { slug: SLUG }, {}],
        ["watch", watchAction, `/groups/${SLUG}/watch`, { slug: SLUG }, { intent: "watch" }],
        [
          "members",
          membersAction,
          `/groups/${SLUG}/members`,
          { slug: SLUG },
          { intent: "invite", username: "member", role: "member" },
        ],
        ["calendar link", meetingsAction, `/groups/${SLUG}/meetings`, { slug: SLUG }, { intent: "reset-link" }],
        [
          "rsvp",
          meetingAction,
          `/groups/${SLUG}/meetings/${meetingId}`,
          { slug: SLUG, meetingId: String(meetingId) },
          { intent: "respond", response: "attending" },
        ],
        [
          "vote",
          decisionAction,
          `/groups/${SLUG}/decisions/${proposalId}`,
          { slug: SLUG, proposalId: String(proposalId) },
          { intent: "vote", position: "agree" },
        ],
      ];
      for (const [name, action, path, params, fields] of forms) {
        const res = await call(action, post(path, fields, { cookie }), params);
        expect(res.status, `${email ?? "anonymous"} → ${name}`).toBe(404);
      }
    }
    const after = await db
      .selectFrom("audit_event")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(
      await db
        .selectFrom("group_watch")
        .selectAll()
        .innerJoin("working_group", "working_group.id", "group_watch.group_id")
        .where("working_group.slug", "=", SLUG)
        .execute(),
    ).toEqual([]);
  });

  it("is absent from every list: groups, home page, profiles", async () => {
    for (const email of OUTSIDERS) {
      const cookie = await cookieOf(email);
      const lists = JSON.stringify([
        (await call(groupsLoader, get("/groups", { cookie }))).data,
        (await call(homeLoader, get("/", { cookie }))).data,
        email && email !== "pending@demo.test"
          ? (await call(profileLoader, get("/members/editor", { cookie }), { username: "editor" })).data
          : null,
      ]);
      expect(lists, email ?? "anonymous").not.toContain(SLUG);
      expect(lists, email ?? "anonymous").not.toContain("Pilot programme coordination group");
    }
  });

  it("is open to its members: every tab, the meeting file and the feed", async () => {
    const cookie = await sessionCookie("chair@demo.test");
    // chair@demo.test is a plain member here: pages for chairs and editors answer 403, not 404.
    const expected: Record<string, number> = {
      "new meeting": 403,
      "meeting edit": 403,
      minutes: 403,
      "new decision": 403,
      edit: 403,
      join: 302,
    };
    for (const [name, loader, path, params] of pages()) {
      const res = await call(loader, get(path, { cookie }), params);
      expect(res.status, name).toBe(expected[name] ?? 200);
    }
    const ics = await call(meetingIcsLoader, get(`/groups/${SLUG}/meetings/${meetingId}/meeting.ics`, { cookie }), {
      slug: SLUG,
      meetingId: String(meetingId),
    });
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(String(ics.data)).toContain("BEGIN:VEVENT");
    const groups = await call(groupsLoader, get("/groups", { cookie }));
    expect(groups.data.groups.map((g: { slug: string }) => g.slug)).toContain(SLUG);
  });

  it("lists open and closed groups with their latest activity", async () => {
    const res = await call(groupsLoader, get("/groups"));
    const evaluation = res.data.groups.find((g: { slug: string }) => g.slug === "evaluation-procedures");
    expect(evaluation.member_count).toBe(4);
    expect(evaluation.latest_activity_at).toBeTruthy();
    expect(res.data.canCreate).toBe(false);
  });
});

describe("the private calendar feed", () => {
  const feed = (token?: string, cookie?: string) =>
    call(
      calendarLoader,
      get(`/groups/${SLUG}/calendar.ics${token === undefined ? "" : `?token=${encodeURIComponent(token)}`}`, { cookie }),
      { slug: SLUG },
    );

  /** Creates (or, confirmed, replaces) the member's private link. */
  async function createLink(email: string) {
    const cookie = await sessionCookie(email);
    const res = await call(
      meetingsAction,
      post(`/groups/${SLUG}/meetings`, { intent: "reset-link", confirm: "yes" }, { cookie }),
      { slug: SLUG },
    );
    expect(res.status).toBe(302);
    const page = await call(meetingsLoader, get(`/groups/${SLUG}/meetings`, { cookie }), { slug: SLUG });
    const url = new URL(page.data.calendar.feedUrl);
    return { cookie, token: url.searchParams.get("token")! };
  }

  it("works without a session for the holder of the member's token, and only for this group", async () => {
    const { token } = await createLink("editor@demo.test");
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const res = await feed(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const text = String(res.data);
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text).toContain("X-WR-CALNAME:Pilot programme coordination group");
    expect(text).toContain("Quarterly pilot report Q3");
    expect((await feed()).status).toBe(404);
    expect((await feed("not-a-real-token-but-long-enough")).status).toBe(404);
    expect((await feed(token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).status).toBe(404);
    // The token speaks for this group only, even in another private group its holder belongs to.
    const editor = await userByEmail("editor@demo.test");
    const admin = await userByEmail("admin@demo.test");
    const created = await createGroup(getDb(), viewerFromRow(admin, {}), {
      name: "Second private group",
      slug: "second-private",
      purpose: "Test",
      visibility: "private",
      charter: "Charter",
      chairId: editor.id,
    });
    expect(created.ok).toBe(true);
    const other = await call(calendarLoader, get(`/groups/second-private/calendar.ics?token=${token}`), {
      slug: "second-private",
    });
    expect(other.status).toBe(404);
  });

  it("stops working when reset, revoked, or when the member leaves", async () => {
    const { cookie, token: first } = await createLink("chair@demo.test");
    expect((await feed(first)).status).toBe(200);
    // Replacing a link stops the old one working: it is confirmed first, and nothing changes until then.
    const unconfirmed = await call(meetingsAction, post(`/groups/${SLUG}/meetings`, { intent: "reset-link" }, { cookie }), {
      slug: SLUG,
    });
    expect(unconfirmed.status).toBe(200);
    expect((await feed(first)).status).toBe(200);
    const { token: second } = await createLink("chair@demo.test");
    expect(second).not.toBe(first);
    expect((await feed(first)).status).toBe(404);
    expect((await feed(second)).status).toBe(200);

    await call(meetingsAction, post(`/groups/${SLUG}/meetings`, { intent: "revoke-link", confirm: "yes" }, { cookie }), {
      slug: SLUG,
    });
    expect((await feed(second)).status).toBe(404);

    const { cookie: editorCookie, token } = await createLink("editor@demo.test");
    expect((await feed(token)).status).toBe(200);
    const left = await call(leaveAction, post(`/groups/${SLUG}/leave`, {}, { cookie: editorCookie }), { slug: SLUG });
    expect(left.status).toBe(302);
    expect(left.location).toBe("/groups?done=left");
    expect((await feed(token)).status).toBe(404);
    expect(await getDb().selectFrom("group_calendar_token").selectAll().where("token", "=", token).execute()).toEqual([]);
  });

  it("stops working when the holder's account is suspended, even if the token row remains", async () => {
    const { token } = await createLink("minh@demo.test");
    const minh = await userByEmail("minh@demo.test");
    await getDb().updateTable("user").set({ status: "suspended" }).where("id", "=", minh.id).execute();
    expect((await feed(token)).status).toBe(404);
    await getDb().updateTable("user").set({ status: "approved" }).where("id", "=", minh.id).execute();
    expect((await feed(token)).status).toBe(200);
  });

  it("is not offered for public groups, whose feed needs no token", async () => {
    const cookie = await sessionCookie("chair@demo.test");
    const page = await call(meetingsLoader, get("/groups/evaluation-procedures/meetings", { cookie }), {
      slug: "evaluation-procedures",
    });
    expect(page.data.calendar).toMatchObject({
      canHoldLink: false,
      isPrivate: false,
      feedUrl: "http://localhost/groups/evaluation-procedures/calendar.ics",
    });
    const res = await call(meetingsAction, post("/groups/evaluation-procedures/meetings", { intent: "reset-link" }, { cookie }), {
      slug: "evaluation-procedures",
    });
    expect(res.status).toBe(403);
    const anonymous = await call(calendarLoader, get("/groups/evaluation-procedures/calendar.ics"), {
      slug: "evaluation-procedures",
    });
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get("cache-control")).toBe("public, max-age=300");
  });
});

describe("notifications of a private group", () => {
  it("stay hidden from someone who has left it", async () => {
    const db = getDb();
    const group = await db.selectFrom("working_group").select("id").where("slug", "=", SLUG).executeTakeFirstOrThrow();
    const aisha = await userByEmail("aisha@demo.test");
    await db
      .insertInto("notification")
      .values({
        user_id: aisha.id,
        kind: "meeting_scheduled",
        actor_id: null,
        title: "Secret site review",
        url: `/groups/${SLUG}/meetings/1`,
        private_group_id: group.id,
      })
      .execute();
    const res = await call(notificationsLoader, get("/notifications", { cookie: await sessionCookie(aisha.id) }));
    expect(JSON.stringify(res.data)).not.toContain("Secret site review");
  });
});
