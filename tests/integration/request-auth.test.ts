// getAuth (app/utils/auth.server.ts): one session check per request, even though Remix hands each
// loader its own copy of the Request; never shared with another request or carried across an action.
import { describe, expect, it } from "vitest";
import { forgetRequest, getAuth, REQUEST_ID_HEADER } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { ORIGIN, sessionCookie } from "../support/routes";

const request = (method: string, cookie: string, id?: string) =>
  new Request(`${ORIGIN}/library`, { method, headers: { cookie, ...(id ? { [REQUEST_ID_HEADER]: id } : {}) } });

describe("the viewer of a request", () => {
  it("is looked up once for the copies of one request, and afresh for another request", async () => {
    const cookie = await sessionCookie("member@demo.test");
    const first = getAuth(request("GET", cookie, "41"));
    expect(getAuth(request("GET", cookie, "41"))).toBe(first);
    expect((await first).viewer?.username).toBe("member");
    const other = getAuth(request("GET", cookie, "42"));
    expect(other).not.toBe(first);
    // Once answered, the request is forgotten: the same number later is a new lookup.
    forgetRequest("41");
    expect(getAuth(request("GET", cookie, "41"))).not.toBe(first);
    forgetRequest("41");
    forgetRequest("42");
  });

  it("is looked up again after an action, which may have changed it", async () => {
    const cookie = await sessionCookie("member@demo.test");
    const action = request("POST", cookie, "43");
    const before = await getAuth(action);
    expect(before.viewer?.language).toBe("en");
    const id = before.viewer!.id;
    await getDb().updateTable("user").set({ language: "vi" }).where("id", "=", id).execute();
    try {
      // The loaders that render the answer get GET copies of the request.
      const after = await getAuth(request("GET", cookie, "43"));
      expect(after.viewer?.language).toBe("vi");
    } finally {
      await getDb().updateTable("user").set({ language: "en" }).where("id", "=", id).execute();
      forgetRequest("43");
    }
  });
});
