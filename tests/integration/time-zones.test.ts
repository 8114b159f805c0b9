// Time zones are saved, shown and exported under their current IANA names, whatever the form sent
// (an old name such as Asia/Saigon) or an older row holds.
import { describe, expect, it } from "vitest";
import { action as decisionAction } from "~/routes/groups.$slug.decisions.new";
import { loader as meetingLoader } from "~/routes/groups.$slug.meetings.$meetingId._index/route";
import { loader as editLoader } from "~/routes/groups.$slug.meetings.$meetingId.edit";
import { loader as icsLoader } from "~/routes/groups.$slug.meetings.$meetingId.meeting[.]ics";
import { loader as meetingsLoader } from "~/routes/groups.$slug.meetings._index/route";
import { action as newMeetingAction, loader as newMeetingLoader } from "~/routes/groups.$slug.meetings.new";
import { loader as calendarLoader } from "~/routes/groups.$slug.calendar[.]ics";
import { action as joinAction } from "~/routes/join";
import { loader as rootLoader } from "~/root";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings/route";
import { getDb } from "~/utils/db.server";
import { LEGACY_TIME_ZONES, type TimeZoneOptions } from "~/utils/time-zones";
import { call, cookieFrom, get, post, sessionCookie, userByEmail } from "../support/routes";

const SLUG = "evaluation-procedures";
const params = { slug: SLUG };
const db = () => getDb();
const year = new Date().getUTCFullYear() + 1;
const unfold = (text: string) => text.replace(/\r\n /g, "");

const profile = {
  intent: "profile",
  displayName: "Tan Wei Ming",
  country: "SG",
  language: "fr",
  timeZone: "Asia/Saigon",
  bio: "",
};

function allValues(options: TimeZoneOptions): string[] {
  return [options.utc.value, ...options.groups.flatMap((group) => group.options.map((option) => option.value))];
}

async function scheduleIn(zone: string) {
  const res = await call(
    newMeetingAction,
    post(
      `/groups/${SLUG}/meetings/new`,
      {
        title: `Meeting in ${zone}`,
        startsAt: `${year}-12-03T14:00`,
        endsAt: `${year}-12-03T15:30`,
        timeZone: zone,
        location: "",
        videoUrl: "",
        agenda: "",
      },
      { cookie: await sessionCookie("chair@demo.test") },
    ),
    params,
  );
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return Number(res.location!.match(/meetings\/(\d+)/)![1]);
}

/** A meeting as rows written before this change may hold it: under an old zone name. */
async function legacyMeeting(zone = "Asia/Saigon") {
  const id = await scheduleIn("Asia/Ho_Chi_Minh");
  await db().updateTable("meeting").set({ time_zone: zone }).where("id", "=", id).execute();
  return id;
}

describe("saving a zone", () => {
  it("stores an old name from the settings form under its current name", async () => {
    const cookie = await sessionCookie("member@demo.test");
    const res = await call(settingsAction, post("/settings", profile, { cookie }));
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    expect((await userByEmail("member@demo.test")).time_zone).toBe("Asia/Ho_Chi_Minh");
    for (const [legacy, current] of [
      ["Asia/Calcutta", "Asia/Kolkata"],
      ["Asia/Rangoon", "Asia/Yangon"],
      ["Asia/Katmandu", "Asia/Kathmandu"],
      ["Europe/Kiev", "Europe/Kyiv"],
    ]) {
      expect((await call(settingsAction, post("/settings", { ...profile, timeZone: legacy }, { cookie }))).status).toBe(302);
      expect((await userByEmail("member@demo.test")).time_zone, legacy).toBe(current);
    }
    expect((await call(settingsAction, post("/settings", { ...profile, timeZone: "Asia/Nowhere" }, { cookie }))).status).toBe(
      400,
    );
  });

  it("stores a meeting's old zone name under its current name, at the right instant", async () => {
    const id = await scheduleIn("Asia/Calcutta");
    const row = await db().selectFrom("meeting").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ time_zone: "Asia/Kolkata", starts_at: `${year}-12-03T08:30:00.000Z` });
  });

  it("accepts a proposal's closing time in an old zone name", async () => {
    const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 11) + "12:00";
    const res = await call(
      decisionAction,
      post(
        `/groups/${SLUG}/decisions/new`,
        { title: "Zone check", body: "Body of the proposal.", closesAt, timeZone: "Asia/Saigon", meetingId: "", documentId: "" },
        { cookie: await sessionCookie("editor@demo.test") },
      ),
      params,
    );
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    const id = Number(res.location!.match(/decisions\/(\d+)/)![1]);
    const row = await db().selectFrom("proposal").select("closes_at").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.closes_at).toBe(`${closesAt.slice(0, 10)}T05:00:00.000Z`);
  });
});

describe("joining", () => {
  const application = {
    email: "thu.ha@moh.gov.vn",
    password: "a-long-enough-password",
    displayName: "Trần Thu Hà",
    username: "thuha",
    organization: "Ministry of Health of Viet Nam",
    country: "vn",
    memberType: "regulator",
    language: "vi",
  };

  it("stores the zone the browser gave, under its current name", async () => {
    const res = await call(joinAction, post("/join", { ...application, timeZone: "Asia/Saigon" }));
    expect(res.status, JSON.stringify(res.data)).toBe(302);
    expect((await userByEmail("thu.ha@moh.gov.vn")).time_zone).toBe("Asia/Ho_Chi_Minh");
    const root = await call(rootLoader, get("/", { cookie: cookieFrom(res.headers) }));
    expect(root.data.viewer.timeZone).toBe("Asia/Ho_Chi_Minh");
  });

  it("starts on UTC without JavaScript, and when the browser's zone is unknown here", async () => {
    const none = await call(joinAction, post("/join", { ...application, email: "a@moh.gov.vn", username: "nojs" }));
    expect(none.status).toBe(302);
    expect((await userByEmail("a@moh.gov.vn")).time_zone).toBe("UTC");
    const odd = await call(
      joinAction,
      post("/join", { ...application, email: "b@moh.gov.vn", username: "oddzone", timeZone: "Mars/Olympus_Mons" }),
    );
    expect(odd.status).toBe(302);
    expect((await userByEmail("b@moh.gov.vn")).time_zone).toBe("UTC");
  });
});

describe("showing and exporting a zone stored under an old name", () => {
  it("writes TZID=Asia/Ho_Chi_Minh in the meeting's .ics and in the group's feed", async () => {
    const id = await legacyMeeting();
    const ics = await call(icsLoader, get(`/groups/${SLUG}/meetings/${id}/meeting.ics`), { ...params, meetingId: String(id) });
    expect(ics.status).toBe(200);
    const text = unfold(String(ics.data));
    expect(text).toContain("TZID:Asia/Ho_Chi_Minh\r\n");
    expect(text).toMatch(/DTSTART;TZID=Asia\/Ho_Chi_Minh:\d{8}T140000/);
    expect(text).not.toContain("Saigon");
    const feed = await call(calendarLoader, get(`/groups/${SLUG}/calendar.ics`), params);
    expect(feed.status).toBe(200);
    expect(String(feed.data)).not.toContain("Saigon");
    expect(String(feed.data)).toContain("TZID:Asia/Ho_Chi_Minh");
  });

  it("gives the current name to the meeting page, the edit form and the anonymous meetings list", async () => {
    const id = await legacyMeeting();
    const page = await call(meetingLoader, get(`/groups/${SLUG}/meetings/${id}`), { ...params, meetingId: String(id) });
    expect(page.data.meeting.timeZone).toBe("Asia/Ho_Chi_Minh");
    const edit = await call(
      editLoader,
      get(`/groups/${SLUG}/meetings/${id}/edit`, { cookie: await sessionCookie("chair@demo.test") }),
      { ...params, meetingId: String(id) },
    );
    expect(edit.data.meeting).toMatchObject({ timeZone: "Asia/Ho_Chi_Minh", startsAt: `${year}-12-03T14:00` });
    expect(allValues(edit.data.timeZones)).toContain("Asia/Ho_Chi_Minh");
    const list = await call(meetingsLoader, get(`/groups/${SLUG}/meetings`), params);
    expect(list.status).toBe(200);
    const zones = [...list.data.upcoming, ...list.data.past].map((meeting: { time_zone: string }) => meeting.time_zone);
    expect(zones).toContain("Asia/Ho_Chi_Minh");
    expect(zones.filter((zone) => zone in LEGACY_TIME_ZONES)).toEqual([]);
  });

  it("shows a member's old zone as current in settings and in what every page knows", async () => {
    const member = await userByEmail("minh@demo.test");
    await db().updateTable("user").set({ time_zone: "Asia/Saigon" }).where("id", "=", member.id).execute();
    const cookie = await sessionCookie("minh@demo.test");
    const root = await call(rootLoader, get("/", { cookie }));
    expect(root.data.viewer.timeZone).toBe("Asia/Ho_Chi_Minh");
    const settings = await call(settingsLoader, get("/settings", { cookie }));
    expect(settings.data.profile.timeZone).toBe("Asia/Ho_Chi_Minh");
  });
});

describe("the time-zone lists of form pages", () => {
  it("are grouped by region under current names, UTC first, in the reader's language", async () => {
    const member = await userByEmail("sophie@demo.test");
    await db().updateTable("user").set({ language: "fr" }).where("id", "=", member.id).execute();
    const settings = await call(settingsLoader, get("/settings", { cookie: await sessionCookie("sophie@demo.test") }));
    const options: TimeZoneOptions = settings.data.timeZones;
    expect(options.utc.value).toBe("UTC");
    expect(options.groups.map((group) => group.region)).toEqual(
      expect.arrayContaining(["africa", "america", "asia", "europe", "pacific"]),
    );
    const values = allValues(options);
    expect(values.filter((zone) => zone in LEGACY_TIME_ZONES)).toEqual([]);
    const asia = options.groups.find((group) => group.region === "asia")!;
    expect(asia.options.find((option) => option.value === "Asia/Ho_Chi_Minh")!.label).toBe(
      "Hô Chi Minh — heure d’Indochine (UTC+07:00)",
    );

    const chair = await call(
      newMeetingLoader,
      get(`/groups/${SLUG}/meetings/new`, { cookie: await sessionCookie("chair@demo.test") }),
      params,
    );
    expect((await userByEmail("chair@demo.test")).language).toBe("vi");
    const vietnamese = (chair.data.timeZones as TimeZoneOptions).groups.find((group) => group.region === "asia")!.options;
    expect(vietnamese.find((option) => option.value === "Asia/Ho_Chi_Minh")!.label).toBe(
      "Hồ Chí Minh — Giờ Đông Dương (UTC+07:00)",
    );
    expect(vietnamese.find((option) => option.value === "Asia/Kolkata")!.label).toBe("Kolkata — Giờ Chuẩn Ấn Độ (UTC+05:30)");
    expect(chair.data.defaultTimeZone).not.toMatch(/Saigon|Calcutta/);
  });
});
