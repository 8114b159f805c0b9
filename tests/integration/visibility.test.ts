import { beforeAll, describe, expect, it } from "vitest";
import { loader as homeLoader } from "~/routes/_index";
import { loader as categoryLoader } from "~/routes/forums.$category";
import { loader as forumsLoader } from "~/routes/forums._index";
import { loader as groupLoader } from "~/routes/groups.$slug";
import { loader as groupsLoader } from "~/routes/groups._index";
import { loader as libraryLoader } from "~/routes/library._index";
import { loader as publicationLoader } from "~/routes/library.$slug._index";
import { loader as versionLoader } from "~/routes/library.$slug.v.$version";
import { loader as profileLoader } from "~/routes/members.$username";
import { getDb } from "~/utils/db.server";
import { call, get, sessionCookie } from "../support/routes";

// The demo community: chair and editor belong to the private pilot-coordination group; member,
// industry, moderator and admin do not.
const OUTSIDERS = [null, "pending@demo.test", "member@demo.test", "industry@demo.test", "moderator@demo.test", "admin@demo.test"];
const INSIDERS = ["chair@demo.test", "editor@demo.test"];

async function cookieOf(email: string | null) {
  return email ? await sessionCookie(email) : undefined;
}

beforeAll(async () => {
  // A confidential document of the private group, published to its members only.
  const db = getDb();
  const group = await db
    .selectFrom("working_group")
    .select("id")
    .where("slug", "=", "pilot-coordination")
    .executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto("document")
    .values({
      slug: "pilot-site-results",
      group_id: group.id,
      title: "Confidential pilot site results",
      language: "en",
      status: "published",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const revision = await db
    .insertInto("revision")
    .values({ document_id: id, message: "v1", body_md: "# Results" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("published_version")
    .values({
      document_id: id,
      version: "1.0",
      major: 1,
      minor: 0,
      revision_id: revision.id,
      title: "Confidential pilot site results",
      body_html: "<h1>Results</h1>",
    })
    .execute();
});

describe("a private working group", () => {
  it("is 404 on every page for outsiders, and absent from every list", async () => {
    for (const email of OUTSIDERS) {
      const cookie = await cookieOf(email);
      const who = email ?? "anonymous";
      expect(
        (await call(groupLoader, get("/groups/pilot-coordination", { cookie }), { slug: "pilot-coordination" })).status,
        who,
      ).toBe(404);
      expect(
        (
          await call(categoryLoader, get("/forums/pilot-coordination-internal", { cookie }), {
            category: "pilot-coordination-internal",
          })
        ).status,
        who,
      ).toBe(404);
      expect(
        (
          await call(categoryLoader, get("/forums/group-pilot-coordination", { cookie }), {
            category: "group-pilot-coordination",
          })
        ).status,
        who,
      ).toBe(404);
      expect(
        (await call(publicationLoader, get("/library/pilot-site-results", { cookie }), { slug: "pilot-site-results" })).status,
        who,
      ).toBe(404);
      expect(
        (
          await call(versionLoader, get("/library/pilot-site-results/v/1.0", { cookie }), {
            slug: "pilot-site-results",
            version: "1.0",
          })
        ).status,
        who,
      ).toBe(404);

      const lists = JSON.stringify([
        (await call(groupsLoader, get("/groups", { cookie }))).data,
        (await call(forumsLoader, get("/forums", { cookie }))).data,
        (await call(libraryLoader, get("/library", { cookie }))).data,
        (await call(homeLoader, get("/", { cookie }))).data,
      ]);
      expect(lists, who).not.toContain("pilot-coordination");
      expect(lists, who).not.toContain("Confidential pilot site results");
    }
  });

  it("is readable by its members, and listed for them", async () => {
    for (const email of INSIDERS) {
      const cookie = await cookieOf(email);
      expect(
        (await call(groupLoader, get("/groups/pilot-coordination", { cookie }), { slug: "pilot-coordination" })).status,
        email,
      ).toBe(200);
      expect(
        (
          await call(categoryLoader, get("/forums/pilot-coordination-internal", { cookie }), {
            category: "pilot-coordination-internal",
          })
        ).status,
        email,
      ).toBe(200);
      expect(
        (await call(publicationLoader, get("/library/pilot-site-results", { cookie }), { slug: "pilot-site-results" })).status,
        email,
      ).toBe(200);
      const groups = await call(groupsLoader, get("/groups", { cookie }));
      expect(
        groups.data.groups.map((g: { slug: string }) => g.slug),
        email,
      ).toContain("pilot-coordination");
    }
  });
});

describe("members-only spaces", () => {
  it("are 404 to visitors and pending accounts, readable by approved members", async () => {
    for (const email of [null, "pending@demo.test"]) {
      const cookie = await cookieOf(email);
      expect(
        (await call(categoryLoader, get("/forums/data-protection", { cookie }), { category: "data-protection" })).status,
      ).toBe(404);
      const forums = await call(forumsLoader, get("/forums", { cookie }));
      expect(JSON.stringify(forums.data)).not.toContain("data-protection");
    }
    const cookie = await cookieOf("member@demo.test");
    expect((await call(categoryLoader, get("/forums/data-protection", { cookie }), { category: "data-protection" })).status).toBe(
      200,
    );
  });
});

describe("the published library", () => {
  it("is open to anonymous readers, with translations linked as one family", async () => {
    const res = await call(publicationLoader, get("/library/pre-deployment-evaluation"), { slug: "pre-deployment-evaluation" });
    expect(res.status).toBe(200);
    expect(res.data.publication.version.version).toBe("1.0");
    expect(res.data.publication.version.toc.length).toBeGreaterThan(5);
    expect(res.data.publication.translations.map((t: { language: string }) => t.language)).toEqual(["fr"]);
    expect(res.data.publication.version.body_html).toContain("<h2 id=");
  });

  it("filters by language and topic", async () => {
    const fr = await call(libraryLoader, get("/library?language=fr"));
    expect(fr.data.documents.map((d: { language: string }) => d.language)).toEqual(["fr"]);
    const kpi = await call(libraryLoader, get("/library?topic=kpi"));
    expect(kpi.data.documents.length).toBeGreaterThan(0);
    for (const doc of kpi.data.documents) expect(doc.tags).toContain("kpi");
  });

  it("answers 404 for unknown documents and malformed versions", async () => {
    expect((await call(publicationLoader, get("/library/nope"), { slug: "nope" })).status).toBe(404);
    expect(
      (
        await call(versionLoader, get("/library/pre-deployment-evaluation/v/9.9"), {
          slug: "pre-deployment-evaluation",
          version: "9.9",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(versionLoader, get("/library/pre-deployment-evaluation/v/abc"), {
          slug: "pre-deployment-evaluation",
          version: "abc",
        })
      ).status,
    ).toBe(404);
  });
});

describe("member profiles", () => {
  it("are for approved members; pending applications stay hidden from other members", async () => {
    expect((await call(profileLoader, get("/members/chair"), { username: "chair" })).status).toBe(302);
    expect(
      (await call(profileLoader, get("/members/chair", { cookie: await cookieOf("pending@demo.test") }), { username: "chair" }))
        .status,
    ).toBe(404);
    expect(
      (await call(profileLoader, get("/members/chair", { cookie: await cookieOf("member@demo.test") }), { username: "chair" }))
        .status,
    ).toBe(200);
    expect(
      (
        await call(profileLoader, get("/members/pending", { cookie: await cookieOf("member@demo.test") }), {
          username: "pending",
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(profileLoader, get("/members/pending", { cookie: await cookieOf("admin@demo.test") }), { username: "pending" }))
        .status,
    ).toBe(200);
  });

  it("show only the groups the viewer may see", async () => {
    const res = await call(profileLoader, get("/members/chair", { cookie: await cookieOf("member@demo.test") }), {
      username: "chair",
    });
    expect(res.data.groups.map((g: { slug: string }) => g.slug)).toEqual(["evaluation-procedures"]);
  });
});
