// Destructive actions need `confirm=yes`: without it the action changes nothing and answers the
// confirmation page (which posts the same fields again with it). Authors undo the deletion of
// their own post for 24 hours; after that only moderators restore it.
import { describe, expect, it } from "vitest";
import { action as meetingAction } from "~/routes/groups.$slug.meetings.$meetingId._index/route";
import { action as newMeetingAction } from "~/routes/groups.$slug.meetings.new";
import { getDb } from "~/utils/db.server";
import { call, post, sessionCookie } from "../support/routes";
import { act, postsOf, replyAs, startTopic, topicAs } from "./forums-support";

const SLUG = "evaluation-procedures";
const year = new Date().getUTCFullYear() + 1;
const db = () => getDb();

async function scheduleMeeting(title: string) {
  const fields = {
    title,
    startsAt: `${year}-06-03T14:00`,
    endsAt: `${year}-06-03T15:00`,
    timeZone: "Europe/Paris",
    location: "",
    videoUrl: "",
    agenda: "",
  };
  const res = await call(
    newMeetingAction,
    post(`/groups/${SLUG}/meetings/new`, fields, { cookie: await sessionCookie("chair@demo.test") }),
    { slug: SLUG },
  );
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  return Number(res.location!.match(/meetings\/(\d+)/)![1]);
}

describe("confirming destructive actions", () => {
  it("cancels a meeting only with confirm=yes; without it, nothing changes and the confirmation page answers", async () => {
    const id = await scheduleMeeting("Meeting that someone clicks away");
    const chair = await sessionCookie("chair@demo.test");
    const params = { slug: SLUG, meetingId: String(id) };
    const path = `/groups/${SLUG}/meetings/${id}?index`;
    const notificationsBefore = (await db().selectFrom("notification").select("id").execute()).length;

    const asked = await call(meetingAction, post(path, { intent: "cancel" }, { cookie: chair }), params);
    expect(asked.status).toBe(200);
    expect(asked.data).toMatchObject({
      reason: "confirmation_required",
      kind: "cancelMeeting",
      values: { title: "Meeting that someone clicks away" },
      action: path,
      fields: [["intent", "cancel"]],
      back: `/groups/${SLUG}/meetings/${id}`,
    });
    expect(asked.headers.get("Cache-Control")).toBe("private, no-store");
    const untouched = await db()
      .selectFrom("meeting")
      .select(["cancelled_at", "sequence"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(untouched).toEqual({ cancelled_at: null, sequence: 0 });
    expect((await db().selectFrom("notification").select("id").execute()).length).toBe(notificationsBefore);
    expect(
      await db()
        .selectFrom("audit_event")
        .select("id")
        .where("action", "=", "meeting.cancel")
        .where("subject_id", "=", String(id))
        .execute(),
    ).toEqual([]);

    // Anything but "yes" is no confirmation.
    expect(
      (await call(meetingAction, post(path, { intent: "cancel", confirm: "1" }, { cookie: chair }), params)).data.reason,
    ).toBe("confirmation_required");
    // Who may not cancel is refused as before, not asked.
    expect(
      (await call(meetingAction, post(path, { intent: "cancel" }, { cookie: await sessionCookie("editor@demo.test") }), params))
        .status,
    ).toBe(403);

    const done = await call(meetingAction, post(path, { intent: "cancel", confirm: "yes" }, { cookie: chair }), params);
    expect(done.status).toBe(302);
    expect(
      (await db().selectFrom("meeting").select("cancelled_at").where("id", "=", id).executeTakeFirstOrThrow()).cancelled_at,
    ).not.toBeNull();
    expect((await db().selectFrom("notification").select("id").execute()).length).toBeGreaterThan(notificationsBefore);
  });

  it("deletes a topic only with confirm=yes", async () => {
    const { topicId } = await startTopic("member@demo.test", "introductions", {
      title: "A topic withdrawn on second thought",
      body: "Hello all.",
    });
    const asked = await act("member@demo.test", topicId, { intent: "delete-topic" });
    expect(asked.status).toBe(200);
    expect(asked.data).toMatchObject({
      reason: "confirmation_required",
      kind: "deleteTopic",
      values: { title: "A topic withdrawn on second thought" },
    });
    expect(
      (await db().selectFrom("topic").select("deleted_at").where("id", "=", topicId).executeTakeFirstOrThrow()).deleted_at,
    ).toBeNull();
    const done = await act("member@demo.test", topicId, { intent: "delete-topic", confirm: "yes" });
    expect(done.location).toBe("/forums/introductions?deleted=1");
    expect(
      (await db().selectFrom("topic").select("deleted_at").where("id", "=", topicId).executeTakeFirstOrThrow()).deleted_at,
    ).not.toBeNull();
  });
});

describe("undoing the deletion of one's own post", () => {
  it("lets the author restore it within 24 hours, not after; moderators restore it any time", async () => {
    const { topicId, slug } = await startTopic("editor@demo.test", "introductions", {
      title: "Replies that come and go",
      body: "Tell us about your pilots.",
    });
    expect((await replyAs("member@demo.test", topicId, "We run a pilot in two hospitals.")).status).toBe(302);

    // Deleting one's own reply is one click: it can be undone.
    expect((await act("member@demo.test", topicId, { intent: "delete", post: "2" })).status).toBe(302);
    expect((await postsOf(topicId))[1].deleted_at).not.toBeNull();
    const page = await topicAs("member@demo.test", topicId, slug);
    const deleted = page.data.posts[1];
    expect(deleted.state).toBe("deleted");
    expect(deleted.can.restore).toBe(true);
    expect(Date.parse(deleted.undoDeleteUntil) - Date.parse((await postsOf(topicId))[1].deleted_at!)).toBe(24 * 60 * 60 * 1000);
    // Others cannot, and do not see the offer.
    const other = (await topicAs("industry@demo.test", topicId, slug)).data.posts[1];
    expect(other.can.restore).toBe(false);
    expect(other.undoDeleteUntil).toBeNull();
    expect((await act("industry@demo.test", topicId, { intent: "restore", post: "2" })).status).toBe(403);

    expect((await act("member@demo.test", topicId, { intent: "restore", post: "2" })).status).toBe(302);
    expect((await postsOf(topicId))[1].deleted_at).toBeNull();

    // Deleted again, 25 hours ago: the author's window has closed.
    expect((await act("member@demo.test", topicId, { intent: "delete", post: "2" })).status).toBe(302);
    const post = (await postsOf(topicId))[1];
    await db()
      .updateTable("post")
      .set({ deleted_at: new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString() })
      .where("id", "=", post.id)
      .execute();
    const late = (await topicAs("member@demo.test", topicId, slug)).data.posts[1];
    expect(late.can.restore).toBe(false);
    expect(late.undoDeleteUntil).toBeNull();
    expect((await act("member@demo.test", topicId, { intent: "restore", post: "2" })).status).toBe(403);
    expect((await postsOf(topicId))[1].deleted_at).not.toBeNull();

    // A post a moderator deleted is not the author's to restore, even at once.
    await db().updateTable("post").set({ deleted_at: null, deleted_by: null }).where("id", "=", post.id).execute();
    expect((await act("moderator@demo.test", topicId, { intent: "delete", post: "2" })).status).toBe(302);
    expect((await act("member@demo.test", topicId, { intent: "restore", post: "2" })).status).toBe(403);
    expect((await act("moderator@demo.test", topicId, { intent: "restore", post: "2" })).status).toBe(302);
    expect((await postsOf(topicId))[1].deleted_at).toBeNull();
  });
});
