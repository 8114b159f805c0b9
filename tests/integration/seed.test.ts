import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepareDatabase } from "~/ops/prepare.server";
import { DEMO_ACCOUNTS } from "~/ops/seed.server";
import { openDatabase } from "~/utils/db.server";

function freshDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cop-seed-"));
  return openDatabase(path.join(dir, "portal.sqlite"));
}

describe("the first run", () => {
  it("loads the starter content and the demo community, once", async () => {
    const { db, sqlite } = freshDatabase();
    const first = await prepareDatabase(db, { demo: true });
    expect(first).toMatchObject({ seeded: true, groups: 4, frameworks: 5, accounts: DEMO_ACCOUNTS.length });
    const second = await prepareDatabase(db, { demo: true });
    expect(second.seeded).toBe(false);
    const statuses = await db.selectFrom("user").select(["email", "status", "site_role"]).execute();
    expect(statuses).toEqual(
      expect.arrayContaining([
        { email: "admin@demo.test", status: "approved", site_role: "admin" },
        { email: "moderator@demo.test", status: "approved", site_role: "moderator" },
        { email: "pending@demo.test", status: "pending", site_role: "member" },
      ]),
    );
    const chair = await db
      .selectFrom("group_membership")
      .innerJoin("user", "user.id", "group_membership.user_id")
      .innerJoin("working_group", "working_group.id", "group_membership.group_id")
      .select(["working_group.slug", "working_group.visibility", "group_membership.role"])
      .where("user.email", "=", "chair@demo.test")
      .orderBy("working_group.slug")
      .execute();
    expect(chair).toEqual([
      { slug: "evaluation-procedures", visibility: "closed", role: "chair" },
      { slug: "pilot-coordination", visibility: "private", role: "member" },
    ]);
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
    sqlite.close();
  });

  it("seeds no demo accounts with SEED_DEMO=0, but all the starter content", async () => {
    const { db, sqlite } = freshDatabase();
    await prepareDatabase(db, { demo: false });
    expect(await db.selectFrom("user").select("id").execute()).toEqual([]);
    const docs = await db.selectFrom("published_version").select("version").execute();
    expect(docs.length).toBe(5);
    const categories = await db.selectFrom("category").select("slug").execute();
    expect(categories.map((c) => c.slug)).toEqual(
      expect.arrayContaining(["introductions", "data-protection", "group-evaluation-procedures"]),
    );
    sqlite.close();
  });
});
