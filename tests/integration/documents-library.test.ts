// The library: the last published version while the next draft is in progress, filters and
// sorts, what changed between versions, the Atom feed of public publications, and a private
// group's documents answering 404 to outsiders everywhere (and never listed).
import { beforeAll, describe, expect, it } from "vitest";
import { loader as compareLoader } from "~/routes/documents.$slug.compare";
import { loader as consultationLoader } from "~/routes/documents.$slug.consultation/route";
import { loader as editLoader } from "~/routes/documents.$slug.edit/route";
import { loader as historyLoader } from "~/routes/documents.$slug.history";
import { loader as proposalsLoader } from "~/routes/documents.$slug.proposals._index";
import { loader as publishLoader } from "~/routes/documents.$slug.publish/route";
import { loader as revisionLoader } from "~/routes/documents.$slug.revisions.$revisionId";
import { loader as settingsLoader } from "~/routes/documents.$slug.settings/route";
import { loader as layoutLoader } from "~/routes/documents.$slug";
import { loader as draftLoader } from "~/routes/documents.$slug._index/route";
import { loader as groupDocumentsLoader } from "~/routes/groups.$slug.documents";
import { loader as changesLoader } from "~/routes/library.$slug.changes";
import { loader as publicationLoader } from "~/routes/library.$slug._index";
import { loader as versionLoader } from "~/routes/library.$slug.v.$version";
import { loader as feedLoader } from "~/routes/library.feed[.]xml";
import { loader as libraryLoader } from "~/routes/library._index";
import { getDb } from "~/utils/db.server";
import { call, get, post, rawDb } from "../support/routes";
import { as, createTestDocument, DEMO, head, save } from "./documents-support";
import { action as publishAction } from "~/routes/documents.$slug.publish/route";

const PRIVATE_BODY =
  "# Pilot site results\n\n## Site A\n\nSensitivity 0.91 on 412 cases.\n\n## Site B\n\nSensitivity 0.87 on 298 cases.\n";

async function publishAs(email: string, slug: string, fields: Record<string, string>) {
  const h = await head(slug);
  return call(
    publishAction,
    post(`/documents/${slug}/publish`, { intent: "publish", baseRevision: String(h.id), ...fields }, { cookie: await as(email) }),
    { slug },
  );
}

beforeAll(async () => {
  // A confidential document of the private pilot-coordination group (minh chairs it; chair and
  // editor are in it), published twice and with a draft in progress.
  await createTestDocument("pilot-results", "pilot-coordination", DEMO.editor, PRIVATE_BODY);
  await publishAs(DEMO.minh, "pilot-results", { kind: "minor", notes: "First results." });
  const h = await head("pilot-results");
  await save(DEMO.editor, "pilot-results", { body: h.body.replace("0.87", "0.88"), baseRevision: h.id });
  await publishAs(DEMO.minh, "pilot-results", { kind: "minor", notes: "Corrected site B." });
  const h2 = await head("pilot-results");
  await save(DEMO.editor, "pilot-results", { body: h2.body + "\n## Site C\n\nPending.\n", baseRevision: h2.id });
});

describe("a private group's documents", () => {
  const OUTSIDERS = [null, DEMO.pending, DEMO.member, DEMO.industry, DEMO.ravi, "admin@demo.test", "moderator@demo.test"];

  it("are 404 to outsiders on every page: workspace, history, compare, revisions, library, versions, changes", async () => {
    const h = await head("pilot-results");
    const slug = "pilot-results";
    for (const email of OUTSIDERS) {
      const cookie = await as(email);
      const who = email ?? "anonymous";
      const pages: Array<[unknown, string, Record<string, string>]> = [
        [layoutLoader, `/documents/${slug}`, { slug }],
        [draftLoader, `/documents/${slug}`, { slug }],
        [editLoader, `/documents/${slug}/edit`, { slug }],
        [historyLoader, `/documents/${slug}/history`, { slug }],
        [compareLoader, `/documents/${slug}/compare?from=${h.revision.parent_id}&to=${h.id}`, { slug }],
        [revisionLoader, `/documents/${slug}/revisions/${h.id}`, { slug, revisionId: String(h.id) }],
        [proposalsLoader, `/documents/${slug}/proposals`, { slug }],
        [consultationLoader, `/documents/${slug}/consultation`, { slug }],
        [publishLoader, `/documents/${slug}/publish`, { slug }],
        [settingsLoader, `/documents/${slug}/settings`, { slug }],
        [publicationLoader, `/library/${slug}`, { slug }],
        [versionLoader, `/library/${slug}/v/1.0`, { slug, version: "1.0" }],
        [changesLoader, `/library/${slug}/changes?from=1.0&to=1.1`, { slug }],
        [groupDocumentsLoader, "/groups/pilot-coordination/documents", { slug: "pilot-coordination" }],
      ];
      for (const [loader, path, params] of pages) {
        const outcome = await call(loader, get(path, { cookie }), params);
        // Visitors who are not signed in may be sent to sign in by the pages that need an account.
        expect(
          outcome.status === 404 || (email === null && outcome.status === 302 && outcome.location?.startsWith("/login")),
          `${who} ${path} → ${outcome.status}`,
        ).toBe(true);
      }
      const lists = JSON.stringify([
        (await call(libraryLoader, get("/library", { cookie }))).data,
        (await call(libraryLoader, get("/library?sort=title", { cookie }))).data,
        await (await call(feedLoader, get("/library/feed.xml", { cookie }))).data,
      ]);
      expect(lists, who).not.toContain("pilot-results");
      expect(lists, who).not.toContain("412 cases");
    }
  });

  it("are readable by the group's members, whose library lists them", async () => {
    for (const email of [DEMO.chair, DEMO.editor, DEMO.minh]) {
      const cookie = await as(email);
      expect(
        (await call(draftLoader, get("/documents/pilot-results", { cookie }), { slug: "pilot-results" })).status,
        email,
      ).toBe(200);
      expect(
        (await call(publicationLoader, get("/library/pilot-results", { cookie }), { slug: "pilot-results" })).status,
        email,
      ).toBe(200);
      const library = await call(libraryLoader, get("/library", { cookie }));
      expect(
        library.data.documents.map((d: { slug: string }) => d.slug),
        email,
      ).toContain("pilot-results");
    }
    // Even members do not find them in the public feed.
    const feed = await call(feedLoader, get("/library/feed.xml", { cookie: await as(DEMO.minh) }));
    expect(String(feed.data)).not.toContain("pilot-results");
  });
});

describe("the library", () => {
  it("shows the last published version while the next draft is in progress", async () => {
    const page = await call(publicationLoader, get("/library/pilot-results", { cookie: await as(DEMO.chair) }), {
      slug: "pilot-results",
    });
    const publication = page.data.publication;
    expect(publication.version.version).toBe("1.1");
    expect(publication.version.body_html).toContain("0.88");
    expect(publication.version.body_html).not.toContain("Site C");
    expect(publication.previousVersion).toBe("1.0");
    expect(publication.versions.map((v: { version: string }) => v.version)).toEqual(["1.1", "1.0"]);
    expect(publication.version.toc.map((e: { id: string }) => e.id)).toEqual(["pilot-site-results", "site-a", "site-b"]);
    // The demo framework: version 1.0 is what the library shows, not the draft.
    const demo = await call(publicationLoader, get("/library/pre-deployment-evaluation"), { slug: "pre-deployment-evaluation" });
    expect(demo.data.publication.version.version).toBe("1.0");
    expect(demo.data.publication.version.body_html).not.toContain("foundation models");
    expect(demo.data.publication.translations.map((t: { language: string }) => t.language)).toEqual(["fr"]);
  });

  it("shows what changed between two versions, and 404 for unknown versions", async () => {
    const cookie = await as(DEMO.editor);
    const changes = await call(changesLoader, get("/library/pilot-results/changes?from=1.0&to=1.1", { cookie }), {
      slug: "pilot-results",
    });
    expect(changes.status).toBe(200);
    const changed = changes.data.comparison.blocks
      .filter((b: { kind: string }) => b.kind === "change")
      .map((b: { html: string }) => b.html)
      .join("");
    expect(changed).toContain('<del class="diff-del">0.87</del> <ins class="diff-ins">0.88</ins>');
    const defaults = await call(changesLoader, get("/library/pilot-results/changes", { cookie }), { slug: "pilot-results" });
    expect([defaults.data.from.version, defaults.data.to.version]).toEqual(["1.0", "1.1"]);
    expect(
      (await call(changesLoader, get("/library/pilot-results/changes?from=3.0&to=1.1", { cookie }), { slug: "pilot-results" }))
        .status,
    ).toBe(404);
    expect(
      (await call(changesLoader, get("/library/pilot-results/changes?from=x", { cookie }), { slug: "pilot-results" })).status,
    ).toBe(404);
    expect(
      (await call(versionLoader, get("/library/pilot-results/v/9.9", { cookie }), { slug: "pilot-results", version: "9.9" }))
        .status,
    ).toBe(404);
  });

  it("filters by topic, group, language and status, and sorts by title", async () => {
    const byLanguage = await call(libraryLoader, get("/library?language=fr"));
    expect(byLanguage.data.documents.map((d: { language: string }) => d.language)).toEqual(["fr"]);
    const byGroup = await call(libraryLoader, get("/library?group=evaluation-procedures"));
    expect(new Set(byGroup.data.documents.map((d: { group_slug: string }) => d.group_slug))).toEqual(
      new Set(["evaluation-procedures"]),
    );
    const byTopic = await call(libraryLoader, get("/library?topic=evaluation"));
    expect(byTopic.data.documents.every((d: { tags: string[] }) => d.tags.includes("evaluation"))).toBe(true);
    expect(byTopic.data.documents.length).toBeGreaterThan(0);
    const published = await call(libraryLoader, get("/library?status=published"));
    expect(published.data.documents.every((d: { status: string }) => d.status === "published")).toBe(true);
    const withdrawn = await call(libraryLoader, get("/library?status=withdrawn"));
    expect(withdrawn.data.documents).toEqual([]);
    const byTitle = await call(libraryLoader, get("/library?sort=title"));
    const titles = byTitle.data.documents.map((d: { title: string }) => d.title);
    expect(titles).toEqual([...titles].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("publishes an Atom 1.0 feed of public publications", async () => {
    const response = (await feedLoader({ request: get("/library/feed.xml"), params: {}, context: {} } as never)) as Response;
    expect(response.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await response.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(xml).toContain("<id>http://localhost/library/pre-deployment-evaluation/v/1.0</id>");
    expect(xml).toMatch(/<updated>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/updated>/);
    const entries = xml.match(/<entry xml:lang="(en|fr|vi)">/g) ?? [];
    expect(entries.length).toBeGreaterThanOrEqual(5);
    // Content is escaped HTML, never raw markup inside the XML.
    expect(xml).not.toMatch(/<content type="html"[^>]*><h2/);
    expect(xml).toContain("&lt;h2 id=");
  });

  it("uses indexes for its list queries", () => {
    const plan = (query: string) =>
      rawDb()
        .prepare(`explain query plan ${query}`)
        .all()
        .map((row) => (row as { detail: string }).detail)
        .join("\n");
    expect(plan("select * from published_version where document_id = 1 order by major desc, minor desc limit 1")).toMatch(
      /USING (COVERING )?INDEX/,
    );
    expect(plan("select * from revision where document_id = 1 order by id desc limit 51")).toMatch(
      /USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/,
    );
    expect(plan("select * from doc_comment where document_id = 1 order by id")).toMatch(/USING INDEX doc_comment_document/);
    expect(plan("select * from change_proposal where document_id = 1 and status = 'open'")).toMatch(
      /USING INDEX change_proposal_document/,
    );
    expect(plan("select * from consultation where document_id = 1 order by id desc limit 1")).toMatch(
      /USING (COVERING )?INDEX consultation_document/,
    );
    expect(plan("select * from published_version order by published_at desc limit 50")).toMatch(/published_version_published_at/);
    void getDb;
  });
});
