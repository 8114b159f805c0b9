import { describe, expect, it } from "vitest";
import { loader as overviewLoader } from "~/routes/groups.$slug._index";
import { action as meetingAction, loader as meetingLoader } from "~/routes/groups.$slug.meetings.$meetingId._index/route";
import { action as editAction, loader as editLoader } from "~/routes/groups.$slug.meetings.$meetingId.edit";
import { loader as icsLoader } from "~/routes/groups.$slug.meetings.$meetingId.meeting[.]ics";
import { action as minutesAction, loader as minutesLoader } from "~/routes/groups.$slug.meetings.$meetingId.minutes";
import { loader as meetingsLoader } from "~/routes/groups.$slug.meetings._index/route";
import { action as newAction } from "~/routes/groups.$slug.meetings.new";
import { loader as calendarLoader } from "~/routes/groups.$slug.calendar[.]ics";
import { getDb, getConnection } from "~/utils/db.server";
import { call, get, post, sessionCookie, userByEmail } from "../support/routes";

const SLUG = "evaluation-procedures";
const params = { slug: SLUG };
const db = () => getDb();

// A date a month or two ahead, in the European summer (UTC+2 in Paris), and one in winter.
const year = new Date().getUTCFullYear() + 1;
const SUMMER = `${year}-07-02`;
const WINTER = `${year}-01-14`;
const CHANGE_DAY = (() => {
  const lastOfMarch = new Date(Date.UTC(year, 2, 31));
  return `${year}-03-${31 - lastOfMarch.getUTCDay()}`;
})();

const meeting = (overrides: Record<string, string> = {}) => ({
  title: "Monthly meeting — evaluation template",
  startsAt: `${SUMMER}T14:00`,
  endsAt: `${SUMMER}T15:30`,
  timeZone: "Europe/Paris",
  location: "",
  videoUrl: "https://meet.example.org/x",
  agenda: "1. Template\n2. AOB",
  ...overrides,
});

async function meetingCount() {
  return Number(
    (
      await db()
        .selectFrom("meeting")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

async function schedule(overrides: Record<string, string> = {}) {
  const res = await call(
    newAction,
    post(`/groups/${SLUG}/meetings/new`, meeting(overrides), { cookie: await sessionCookie("chair@demo.test") }),
    params,
  );
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return Number(res.location!.match(/meetings\/(\d+)/)![1]);
}

async function pastMeetingId() {
  const group = await db().selectFrom("working_group").select("id").where("slug", "=", SLUG).executeTakeFirstOrThrow();
  return (
    await db()
      .selectFrom("meeting")
      .select("id")
      .where("group_id", "=", group.id)
      .where("ends_at", "<", new Date().toISOString())
      .orderBy("starts_at", "desc")
      .executeTakeFirstOrThrow()
  ).id;
}

function unfold(text: string) {
  return text.replace(/\r\n /g, "");
}

describe("scheduling meetings", () => {
  it("is for chairs: the organiser's time is stored in UTC with its zone, audited, and watchers are told", async () => {
    for (const email of ["editor@demo.test", "minh@demo.test", "member@demo.test"]) {
      const res = await call(
        newAction,
        post(`/groups/${SLUG}/meetings/new`, meeting(), { cookie: await sessionCookie(email) }),
        params,
      );
      expect(res.status, email).toBe(403);
    }
    // An approved non-member who follows the group is told too; a member who stopped watching is not.
    const industry = await userByEmail("industry@demo.test");
    const aisha = await userByEmail("aisha@demo.test");
    const group = await db().selectFrom("working_group").select("id").where("slug", "=", SLUG).executeTakeFirstOrThrow();
    await db().insertInto("group_watch").values({ group_id: group.id, user_id: industry.id, watching: 1 }).execute();
    await db().insertInto("group_watch").values({ group_id: group.id, user_id: aisha.id, watching: 0 }).execute();

    const id = await schedule();
    const row = await db().selectFrom("meeting").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      starts_at: `${SUMMER}T12:00:00.000Z`,
      ends_at: `${SUMMER}T13:30:00.000Z`,
      time_zone: "Europe/Paris",
    });
    expect(row.agenda_html).toContain("<ol>");
    const audit = await db()
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "meeting.schedule")
      .where("subject_id", "=", String(id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({ startsAt: `${SUMMER}T12:00:00.000Z`, timeZone: "Europe/Paris" });
    const notified = await db()
      .selectFrom("notification")
      .innerJoin("user", "user.id", "notification.user_id")
      .select(["user.username", "notification.excerpt", "notification.private_group_id"])
      .where("kind", "=", "meeting_scheduled")
      .where("url", "=", `/groups/${SLUG}/meetings/${id}`)
      .execute();
    expect(notified.map((n) => n.username).sort()).toEqual(["editor", "industry", "minh"]);
    expect(notified[0].excerpt).toContain(`${SUMMER} 14:00 (Europe/Paris)`);
    expect(notified[0].private_group_id).toBeNull();
  });

  it("tells a private group's members with the group attached to the notification", async () => {
    const res = await call(
      newAction,
      post("/groups/pilot-coordination/meetings/new", meeting(), { cookie: await sessionCookie("minh@demo.test") }),
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
      .where("kind", "=", "meeting_scheduled")
      .where("url", "=", res.location!.split("?")[0])
      .execute();
    expect(rows.length).toBe(2);
    for (const row of rows) expect(row.private_group_id).toBe(group.id);
  });

  it("refuses bad input with 400 and a message, writing nothing", async () => {
    const cookie = await sessionCookie("chair@demo.test");
    const before = await meetingCount();
    const audits = await db().selectFrom("audit_event").select("id").execute();
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ endsAt: `${SUMMER}T13:00` }, "endsAt", "groups.errors.endBeforeStart"],
      [{ endsAt: `${SUMMER}T14:00` }, "endsAt", "groups.errors.endBeforeStart"],
      [{ timeZone: "Mars/Olympus_Mons" }, "timeZone", "validation.timeZone"],
      [{ startsAt: "next tuesday" }, "startsAt", "groups.errors.dateTime"],
      // 02:30 on the last Sunday of March does not exist in Paris: clocks go from 02:00 to 03:00.
      [{ startsAt: `${CHANGE_DAY}T02:30`, endsAt: `${CHANGE_DAY}T04:00` }, "startsAt", "groups.errors.nonexistentTime"],
      [{ endsAt: `${year}-07-12T15:30` }, "endsAt", "groups.errors.meetingTooLong"],
      [{ videoUrl: "javascript:alert(1)" }, "videoUrl", "groups.errors.webAddress"],
      [{ title: "  " }, "title", "validation.required"],
      [{ title: "x".repeat(201) }, "title", "validation.tooLong"],
    ];
    for (const [overrides, field, message] of cases) {
      const res = await call(newAction, post(`/groups/${SLUG}/meetings/new`, meeting(overrides), { cookie }), params);
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(res.data.result.error[field], JSON.stringify(overrides)).toEqual([message]);
      expect(res.data.result.initialValue.title).toBe(meeting(overrides).title);
    }
    expect(await meetingCount()).toBe(before);
    expect((await db().selectFrom("audit_event").select("id").execute()).length).toBe(audits.length);
  });

  it("reschedules (sequence and notification) and cancels, both audited, for chairs only", async () => {
    const id = await schedule({ title: "To be moved" });
    const chair = await sessionCookie("chair@demo.test");
    const form = await call(editLoader, get(`/groups/${SLUG}/meetings/${id}/edit`, { cookie: chair }), {
      ...params,
      meetingId: String(id),
    });
    expect(form.data.meeting).toMatchObject({ startsAt: `${SUMMER}T14:00`, endsAt: `${SUMMER}T15:30`, timeZone: "Europe/Paris" });
    expect(
      (
        await call(
          editAction,
          post(`/groups/${SLUG}/meetings/${id}/edit`, meeting(), { cookie: await sessionCookie("editor@demo.test") }),
          { ...params, meetingId: String(id) },
        )
      ).status,
    ).toBe(403);

    const moved = await call(
      editAction,
      post(
        `/groups/${SLUG}/meetings/${id}/edit`,
        meeting({ title: "Moved", startsAt: `${WINTER}T14:00`, endsAt: `${WINTER}T15:00` }),
        { cookie: chair },
      ),
      { ...params, meetingId: String(id) },
    );
    expect(moved.status).toBe(302);
    const row = await db().selectFrom("meeting").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: "Moved", starts_at: `${WINTER}T13:00:00.000Z`, sequence: 1 });
    expect(
      await db()
        .selectFrom("notification")
        .select("id")
        .where("kind", "=", "meeting_rescheduled")
        .where("url", "=", `/groups/${SLUG}/meetings/${id}`)
        .execute(),
    ).not.toEqual([]);
    expect(
      await db()
        .selectFrom("audit_event")
        .select("id")
        .where("action", "=", "meeting.update")
        .where("subject_id", "=", String(id))
        .execute(),
    ).toHaveLength(1);

    const cancelled = await call(
      meetingAction,
      post(`/groups/${SLUG}/meetings/${id}`, { intent: "cancel", confirm: "yes" }, { cookie: chair }),
      { ...params, meetingId: String(id) },
    );
    expect(cancelled.status).toBe(302);
    const ics = await call(icsLoader, get(`/groups/${SLUG}/meetings/${id}/meeting.ics`), { ...params, meetingId: String(id) });
    expect(unfold(String(ics.data))).toContain("STATUS:CANCELLED");
    expect(unfold(String(ics.data))).toContain("SEQUENCE:2");
    const again = await call(
      meetingAction,
      post(`/groups/${SLUG}/meetings/${id}`, { intent: "cancel", confirm: "yes" }, { cookie: chair }),
      { ...params, meetingId: String(id) },
    );
    expect(again.status).toBe(409);
    expect(
      await db()
        .selectFrom("audit_event")
        .select("id")
        .where("action", "=", "meeting.cancel")
        .where("subject_id", "=", String(id))
        .execute(),
    ).toHaveLength(1);
  });
});

describe("a meeting's page", () => {
  it("shows the times and who answered; members answer until it ends", async () => {
    const id = await schedule({ title: "RSVP meeting" });
    const path = `/groups/${SLUG}/meetings/${id}`;
    const p = { ...params, meetingId: String(id) };
    const minh = await sessionCookie("minh@demo.test");
    const res = await call(meetingAction, post(path, { intent: "respond", response: "attending" }, { cookie: minh }), p);
    expect(res.status).toBe(302);
    await call(
      meetingAction,
      post(path, { intent: "respond", response: "not_attending" }, { cookie: await sessionCookie("editor@demo.test") }),
      p,
    );
    const bad = await call(meetingAction, post(path, { intent: "respond", response: "maybe" }, { cookie: minh }), p);
    expect(bad.status).toBe(400);
    const outsider = await call(
      meetingAction,
      post(path, { intent: "respond", response: "attending" }, { cookie: await sessionCookie("member@demo.test") }),
      p,
    );
    expect(outsider.status).toBe(403);

    const page = await call(meetingLoader, get(path, { cookie: minh }), p);
    expect(page.status).toBe(200);
    expect(page.data.meeting).toMatchObject({ startsAt: `${SUMMER}T12:00:00.000Z`, timeZone: "Europe/Paris", ended: false });
    expect(page.data.response).toBe("attending");
    expect(page.data.attending.map((a: { username: string }) => a.username)).toEqual(["minh"]);
    expect(page.data.notAttending.map((a: { username: string }) => a.username)).toEqual(["editor"]);
    expect(page.data.can).toMatchObject({ respond: true, recordMinutes: false, reschedule: false });

    // Anonymous visitors see a closed group's meeting, but not who answered.
    const anonymous = await call(meetingLoader, get(path), p);
    expect(anonymous.status).toBe(200);
    expect(anonymous.data.attending).toEqual([]);
    expect(anonymous.data.showPeople).toBe(false);

    const past = await pastMeetingId();
    const late = await call(
      meetingAction,
      post(`/groups/${SLUG}/meetings/${past}`, { intent: "respond", response: "attending" }, { cookie: minh }),
      { ...params, meetingId: String(past) },
    );
    expect(late.status).toBe(400);
    expect(late.data.error).toBe("groups.errors.meetingOver");

    expect((await call(meetingLoader, get(`/groups/${SLUG}/meetings/999999`), { ...params, meetingId: "999999" })).status).toBe(
      404,
    );
    expect((await call(meetingLoader, get(`/groups/${SLUG}/meetings/abc`), { ...params, meetingId: "abc" })).status).toBe(404);
    // A meeting of another group is not found under this one.
    const other = await db()
      .selectFrom("meeting")
      .innerJoin("working_group", "working_group.id", "meeting.group_id")
      .select("meeting.id")
      .where("working_group.slug", "=", "risk-management")
      .executeTakeFirstOrThrow();
    expect(
      (await call(meetingLoader, get(`/groups/${SLUG}/meetings/${other.id}`), { ...params, meetingId: String(other.id) })).status,
    ).toBe(404);
  });

  it("lists upcoming and past meetings, and the overview shows what is coming", async () => {
    const list = await call(meetingsLoader, get(`/groups/${SLUG}/meetings`), params);
    expect(list.data.upcoming.length).toBeGreaterThan(0);
    for (const m of list.data.upcoming) expect(m.ends_at > new Date().toISOString()).toBe(true);
    expect(list.data.past.some((m: { minutes_at: string | null }) => m.minutes_at)).toBe(true);
    const overview = await call(overviewLoader, get(`/groups/${SLUG}`), params);
    expect(overview.data.upcoming.length).toBeGreaterThan(0);
    expect(overview.data.activity.map((a: { kind: string }) => a.kind)).toContain("meeting");
    // Anonymous readers do not see draft revisions in the activity; members do.
    expect(overview.data.activity.map((a: { kind: string }) => a.kind)).not.toContain("revision");
    const forMembers = await call(
      overviewLoader,
      get(`/groups/${SLUG}`, { cookie: await sessionCookie("editor@demo.test") }),
      params,
    );
    const revisions = await db()
      .selectFrom("revision")
      .innerJoin("document", "document.id", "revision.document_id")
      .innerJoin("working_group", "working_group.id", "document.group_id")
      .select("revision.id")
      .where("working_group.slug", "=", SLUG)
      .where("revision.author_id", "is not", null)
      .execute();
    if (revisions.length) expect(forMembers.data.activity.map((a: { kind: string }) => a.kind)).toContain("revision");
    // New topics of the group's discussion space (the forums' topic table) are part of the activity.
    const topics = await db()
      .selectFrom("topic")
      .innerJoin("category", "category.id", "topic.category_id")
      .select("topic.id")
      .where("category.slug", "=", `group-${SLUG}`)
      .where("topic.deleted_at", "is", null)
      .execute();
    if (topics.length) expect(overview.data.activity.map((a: { kind: string }) => a.kind)).toContain("topic");
  });
});

describe("minutes and attendees", () => {
  it("are recorded by editors and chairs once the meeting has started, audited", async () => {
    const id = await pastMeetingId();
    const path = `/groups/${SLUG}/meetings/${id}/minutes`;
    const p = { ...params, meetingId: String(id) };
    const minh = await userByEmail("minh@demo.test");
    const aisha = await userByEmail("aisha@demo.test");
    const fields = { minutes: "## Decisions\n\nTemplate adopted.", attendees: [String(minh.id), String(aisha.id)] };
    expect((await call(minutesAction, post(path, fields, { cookie: await sessionCookie("minh@demo.test") }), p)).status).toBe(
      403,
    );
    expect((await call(minutesLoader, get(path, { cookie: await sessionCookie("member@demo.test") }), p)).status).toBe(403);

    const editor = await sessionCookie("editor@demo.test");
    const form = await call(minutesLoader, get(path, { cookie: editor }), p);
    expect(form.status).toBe(200);
    expect(form.data.people.length).toBeGreaterThanOrEqual(4);

    const stranger = await userByEmail("industry@demo.test");
    const bad = await call(minutesAction, post(path, { ...fields, attendees: [String(stranger.id)] }, { cookie: editor }), p);
    expect(bad.status).toBe(400);
    expect(bad.data.result.error.attendees).toEqual(["groups.errors.unknownAttendee"]);
    const empty = await call(minutesAction, post(path, { minutes: " " }, { cookie: editor }), p);
    expect(empty.status).toBe(400);

    const res = await call(minutesAction, post(path, fields, { cookie: editor }), p);
    expect(res.status).toBe(302);
    const row = await db().selectFrom("meeting").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.minutes_html).toContain('<h2 id="decisions">Decisions</h2>');
    const attended = await db()
      .selectFrom("attendance")
      .select(["user_id", "attended"])
      .where("meeting_id", "=", id)
      .where("attended", "=", 1)
      .execute();
    expect(attended.map((a) => a.user_id).sort()).toEqual([minh.id, aisha.id].sort());
    const audit = await db()
      .selectFrom("audit_event")
      .selectAll()
      .where("action", "=", "meeting.minutes")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({ attendees: 2, corrected: true });

    const page = await call(meetingLoader, get(`/groups/${SLUG}/meetings/${id}`, { cookie: editor }), p);
    expect(page.data.attendees.map((a: { username: string }) => a.username).sort()).toEqual(["aisha", "minh"]);
  });

  it("cannot be recorded before the meeting starts", async () => {
    const id = await schedule({ title: "Future meeting" });
    const res = await call(
      minutesAction,
      post(
        `/groups/${SLUG}/meetings/${id}/minutes`,
        { minutes: "Too early" },
        { cookie: await sessionCookie("editor@demo.test") },
      ),
      { ...params, meetingId: String(id) },
    );
    expect(res.status).toBe(400);
    expect(res.data.result.error.minutes).toEqual(["groups.errors.minutesTooEarly"]);
    expect(
      (await db().selectFrom("meeting").select("minutes_md").where("id", "=", id).executeTakeFirstOrThrow()).minutes_md,
    ).toBeNull();
  });
});

describe("iCalendar files", () => {
  it("serve one meeting as text/calendar with its organiser's zone", async () => {
    const id = await schedule({ title: "Calendar check, with commas; and semicolons" });
    const res = await call(icsLoader, get(`/groups/${SLUG}/meetings/${id}/meeting.ics`), { ...params, meetingId: String(id) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="meeting-${id}.ics"`);
    const text = unfold(String(res.data));
    // One UID whichever address the file was fetched from, so calendars never duplicate the meeting.
    expect(text).toContain(`UID:meeting-${id}@cop-portal.localhost`);
    const viaLan = await call(icsLoader, new Request(`http://192.0.2.10:3000/groups/${SLUG}/meetings/${id}/meeting.ics`), {
      ...params,
      meetingId: String(id),
    });
    expect(unfold(String(viaLan.data))).toContain(`UID:meeting-${id}@cop-portal.localhost`);
    expect(text).toContain(`DTSTART;TZID=Europe/Paris:${SUMMER.replace(/-/g, "")}T140000`);
    expect(text).toContain("TZID:Europe/Paris");
    expect(text).toContain(
      "SUMMARY:Calendar check\\, with commas\\; and semicolons — Technical working group on evaluation procedures",
    );
    expect(text).toContain(`URL:http://localhost/groups/${SLUG}/meetings/${id}`);
    expect(
      (await call(icsLoader, get(`/groups/${SLUG}/meetings/999999/meeting.ics`), { ...params, meetingId: "999999" })).status,
    ).toBe(404);
  });

  it("serve the group's feed with every meeting from the past year on", async () => {
    const res = await call(calendarLoader, get(`/groups/${SLUG}/calendar.ics`), params);
    expect(res.status).toBe(200);
    const text = unfold(String(res.data));
    const events = text.match(/BEGIN:VEVENT/g)!.length;
    const group = await db().selectFrom("working_group").select("id").where("slug", "=", SLUG).executeTakeFirstOrThrow();
    const meetings = await db().selectFrom("meeting").select("id").where("group_id", "=", group.id).execute();
    expect(events).toBe(meetings.length);
    expect(text.match(/BEGIN:VTIMEZONE/g)!.length).toBeGreaterThanOrEqual(1);
  });
});

describe("list queries", () => {
  it("use the indexes", () => {
    const plan = (query: string) =>
      (getConnection().sqlite.prepare(`explain query plan ${query}`).all() as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(" | ");
    expect(plan("select id from meeting where group_id = 1 and ends_at > '2026' order by starts_at")).toMatch(
      /meeting_group_starts/,
    );
    expect(plan("select id from proposal where group_id = 1 and closed_at is not null order by closed_at desc")).toMatch(
      /proposal_group_closed/,
    );
    expect(plan("select id from join_request where group_id = 1 and status = 'pending' order by created_at")).toMatch(
      /join_request_(group_status|pending)/,
    );
    expect(plan("select count(*) from vote where proposal_id = 1")).toMatch(
      /sqlite_autoindex_vote_1|vote_pk|PRIMARY KEY|COVERING INDEX/,
    );
  });
});
