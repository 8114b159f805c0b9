// The audit log and the private working groups: an administrator who is not a member of a private
// group sees that something happened there ("a topic in a private group"), never its titles or
// slugs; a member of the group who is an administrator sees the entries in full. The other
// administration pages list nothing of private spaces either.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as auditLoader } from "~/routes/admin.audit";
import { loader as categoriesLoader } from "~/routes/admin.categories/route";
import { loader as moderationLoader } from "~/routes/admin.moderation/route";
import { action as flagAction } from "~/routes/t.$topicId.($slug)/route";
import { getDb } from "~/utils/db.server";
import { fixedT } from "~/utils/i18n.server";
import { call, get, post, sessionCookie, userByEmail } from "../support/routes";
import { act, startTopic } from "./forums-support";
import { createTestDocument, DEMO } from "./documents-support";

const SECRET_TITLE = "Zeta hospital withdrawal from the sepsis pilot";
const SECRET_DOC = "zeta-site-protocol";

let topicId = 0;
let movedId = 0;

beforeAll(async () => {
  // minh chairs the private pilot-coordination group and moderates its discussion space.
  ({ topicId } = await startTopic(DEMO.minh, "pilot-coordination-internal", { title: SECRET_TITLE, body: "Confidential." }));
  expect((await act(DEMO.minh, topicId, { intent: "lock" })).status).toBe(302);
  expect((await act(DEMO.minh, topicId, { intent: "delete-topic", confirm: "yes" })).status).toBe(302);
  // A topic moved between the group's two private spaces.
  ({ topicId: movedId } = await startTopic(DEMO.minh, "pilot-coordination-internal", {
    title: "Zeta hospital site visit agenda",
    body: "Draft agenda.",
  }));
  const target = await getDb()
    .selectFrom("category")
    .select("id")
    .where("slug", "=", "group-pilot-coordination")
    .executeTakeFirstOrThrow();
  expect((await act(DEMO.minh, movedId, { intent: "move", category: String(target.id) })).status).toBe(302);
  await createTestDocument(SECRET_DOC, "pilot-coordination", DEMO.editor, "# Zeta\n\nSite protocol.\n", {
    title: "Zeta site protocol",
  });
  // A flag on a post of the private space (the member flagging it belongs to the group).
  const { topicId: flagged } = await startTopic(DEMO.minh, "pilot-coordination-internal", {
    title: "Flagged private discussion",
    body: "Text.",
  });
  await call(
    flagAction,
    post(
      `/t/${flagged}`,
      { intent: "flag", post: "1", reason: "off_topic", note: "" },
      { cookie: await sessionCookie(DEMO.chair) },
    ),
    {
      topicId: String(flagged),
    },
  );
});

async function auditAs(email: string, search = "") {
  return call(auditLoader, get(`/admin/audit${search}`, { cookie: await sessionCookie(email) }));
}

describe("the audit log", () => {
  it("shows private groups' events to an administrator who is not a member without their titles or slugs", async () => {
    const audit = await auditAs("admin@demo.test");
    expect(audit.status).toBe(200);
    const text = JSON.stringify(audit.data);
    expect(text).not.toContain("Zeta hospital");
    expect(text).not.toContain(SECRET_DOC);
    expect(text).not.toContain("Zeta site protocol");
    expect(text).not.toContain("pilot-coordination");
    const events = audit.data.events as Array<{
      action: string;
      subject_type: string;
      subject_id: string | null;
      private: boolean;
    }>;
    const lock = events.find((e) => e.action === "topic.lock");
    expect(lock).toMatchObject({ subject_type: "topic", private: true });
    expect(events.find((e) => e.action === "topic.delete")).toMatchObject({ private: true });
    expect(events.find((e) => e.action === "topic.move")).toMatchObject({ private: true });
    expect(events.find((e) => e.action === "document.create")).toMatchObject({ subject_type: "document", private: true });
    // What the page says instead, in every language.
    expect(fixedT("en")("admin.auditPrivateSubject.topic")).toBe("a topic in a private group");
    expect(fixedT("fr")("admin.auditPrivateSubject.topic")).not.toBe("admin.auditPrivateSubject.topic");
    expect(fixedT("vi")("admin.auditPrivateSubject.document")).not.toBe("admin.auditPrivateSubject.document");
  });

  it("shows them in full to an administrator who is a member of the group", async () => {
    const admin = await userByEmail("admin@demo.test");
    const group = await getDb()
      .selectFrom("working_group")
      .select("id")
      .where("slug", "=", "pilot-coordination")
      .executeTakeFirstOrThrow();
    await getDb().insertInto("group_membership").values({ group_id: group.id, user_id: admin.id, role: "member" }).execute();
    try {
      const audit = await auditAs("admin@demo.test");
      const text = JSON.stringify(audit.data);
      expect(text).toContain(SECRET_TITLE);
      expect(text).toContain(SECRET_DOC);
      const lock = (audit.data.events as Array<{ action: string; private: boolean; subject_id: string }>).find(
        (e) => e.action === "topic.lock",
      );
      expect(lock).toMatchObject({ private: false, subject_id: String(topicId) });
    } finally {
      await getDb().deleteFrom("group_membership").where("group_id", "=", group.id).where("user_id", "=", admin.id).execute();
    }
  });

  it("offers no filter that would answer differently for a private slug", async () => {
    const plain = await auditAs("admin@demo.test");
    for (const search of [`?q=${SECRET_DOC}`, `?action=document.create&subject=${SECRET_DOC}`, "?q=Zeta", `?before=999999999`]) {
      const probed = await auditAs("admin@demo.test", search);
      expect(probed.status, search).toBe(200);
      expect(JSON.stringify(probed.data), search).not.toContain("Zeta");
      expect(JSON.stringify(probed.data), search).not.toContain(SECRET_DOC);
      if (!search.includes("before")) expect(probed.data.events.length, search).toBe(plain.data.events.length);
    }
  });
});

describe("the other administration pages", () => {
  it("do not list private spaces to administrators and moderators outside the group", async () => {
    for (const email of ["admin@demo.test", "moderator@demo.test"]) {
      const cookie = await sessionCookie(email);
      const moderation = await call(moderationLoader, get("/admin/moderation", { cookie }));
      expect(JSON.stringify(moderation.data), email).not.toContain("Flagged private discussion");
      if (email === "admin@demo.test") {
        const categories = await call(categoriesLoader, get("/admin/categories", { cookie }));
        expect(JSON.stringify(categories.data)).not.toContain("pilot-coordination");
      }
    }
    // The group's chair moderates it.
    const chair = await call(moderationLoader, get("/admin/moderation", { cookie: await sessionCookie(DEMO.minh) }));
    expect(chair.status === 403 || !JSON.stringify(chair.data).includes("Zeta")).toBe(true);
  });
});
