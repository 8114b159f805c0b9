import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { RATE_LIMITS } from "~/models/rate-limit.server";
import { act, replyAs, startTopic } from "./forums-support";

describe("posting and flagging limits", () => {
  it("answers 429 with Retry-After past the posting limit, keeping the text, and writes nothing", async () => {
    const { topicId } = await startTopic("member@demo.test", "introductions", { title: "Rate limits", body: "First post." });
    for (let i = 1; i < RATE_LIMITS.post.max; i++) {
      expect((await replyAs("member@demo.test", topicId, `Reply ${i}`)).status).toBe(302);
    }
    const refused = await replyAs("member@demo.test", topicId, "One too many, please keep me.");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.data.result.initialValue.body).toBe("One too many, please keep me.");
    const kept = await getDb().selectFrom("post").select("id").where("body_md", "=", "One too many, please keep me.").execute();
    expect(kept).toEqual([]);
    // Another member is not affected.
    expect((await replyAs("industry@demo.test", topicId, "I can still reply.")).status).toBe(302);
  });

  it("limits flags per member", async () => {
    const { topicId } = await startTopic("ravi@demo.test", "introductions", { title: "Flag limits", body: "Flag me." });
    let last = 0;
    for (let i = 0; i <= RATE_LIMITS.flag.max; i++) {
      last = (await act("sophie@demo.test", topicId, { intent: "flag", post: "1", reason: `Reason ${i}` })).status;
    }
    expect(last).toBe(429);
  });
});
