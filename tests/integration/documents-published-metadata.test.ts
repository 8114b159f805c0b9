// What the public reads is what a chair published: a document's title, summary and topic tags are
// frozen into each published version, and an editor's later changes show in the workspace only
// ("takes effect when published") until a chair publishes again. Linking a translation needs an
// editor or chair of the original's group; a public translation says nothing of a private original.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as homeLoader } from "~/routes/_index";
import { loader as layoutLoader } from "~/routes/documents.$slug";
import { action as newAction, loader as newLoader } from "~/routes/documents.new";
import { action as publishAction, loader as publishLoader } from "~/routes/documents.$slug.publish/route";
import { action as settingsAction, loader as settingsLoader } from "~/routes/documents.$slug.settings/route";
import { loader as groupDocumentsLoader } from "~/routes/groups.$slug.documents";
import { loader as changesLoader } from "~/routes/library.$slug.changes";
import { loader as publicationLoader } from "~/routes/library.$slug._index";
import { loader as versionLoader } from "~/routes/library.$slug.v.$version";
import { loader as feedLoader } from "~/routes/library.feed[.]xml";
import { loader as libraryLoader } from "~/routes/library._index";
import { loader as searchLoader } from "~/routes/search";
import { call, get, post } from "../support/routes";
import { as, createTestDocument, DEMO, documentRow, head, save } from "./documents-support";

const SLUG = "quokka-guidance";
const PUBLISHED = { title: "Quokka reporting guidance", summary: "Original narwhal summary.", tags: "evaluation, quokka-topic" };
const LIVE = { title: "Wombat reporting guidance", summary: "Editor pangolin summary.", tags: "wombat-topic" };

async function publish(email: string, slug: string, notes: string) {
  const h = await head(slug);
  return call(
    publishAction,
    post(
      `/documents/${slug}/publish`,
      { intent: "publish", baseRevision: String(h.id), kind: "minor", notes },
      { cookie: await as(email) },
    ),
    { slug },
  );
}

async function changeSettings(
  email: string,
  slug: string,
  fields: { title: string; summary: string; tags: string; translationOf?: string },
) {
  return call(
    settingsAction,
    post(`/documents/${slug}/settings`, { translationOf: "", ...fields }, { cookie: await as(email) }),
    { slug },
  );
}

/** Everything an anonymous reader can see of the document, as one string. */
async function publicSurfaces() {
  const pages = [
    (await call(libraryLoader, get("/library"))).data,
    (await call(libraryLoader, get("/library?sort=title"))).data,
    (await call(homeLoader, get("/"))).data,
    (await call(publicationLoader, get(`/library/${SLUG}`), { slug: SLUG })).data,
    (await call(versionLoader, get(`/library/${SLUG}/v/1.0`), { slug: SLUG, version: "1.0" })).data,
    (await call(changesLoader, get(`/library/${SLUG}/changes?from=1.0&to=1.0`), { slug: SLUG })).data,
    (await call(groupDocumentsLoader, get("/groups/evaluation-procedures/documents"), { slug: "evaluation-procedures" })).data,
    // Search results only (the page repeats the query).
    (await call(searchLoader, get("/search?q=wombat"))).data.hits,
    (await call(searchLoader, get("/search?q=pangolin"))).data.hits,
  ];
  const feed = (await feedLoader({ request: get("/library/feed.xml"), params: {}, context: {} } as never)) as Response;
  return JSON.stringify(pages) + (await feed.text());
}

beforeAll(async () => {
  await createTestDocument(SLUG, "evaluation-procedures", DEMO.editor, "# Quokka\n\n## Scope\n\nWhat to report.\n", PUBLISHED);
  expect((await publish(DEMO.chair, SLUG, "First version.")).status).toBe(302);
});

describe("a published document's title, summary and tags", () => {
  it("stay as published on every public page while an editor changes them in the workspace", async () => {
    expect((await changeSettings(DEMO.editor, SLUG, LIVE)).status).toBe(302);
    const seen = await publicSurfaces();
    expect(seen).toContain(PUBLISHED.title);
    expect(seen).toContain(PUBLISHED.summary);
    expect(seen).not.toContain("Wombat");
    expect(seen).not.toContain("pangolin");
    expect(seen).not.toContain("wombat-topic");
    const library = await call(libraryLoader, get("/library"));
    const card = library.data.documents.find((d: { slug: string }) => d.slug === SLUG);
    expect(card).toMatchObject({ title: PUBLISHED.title, summary: PUBLISHED.summary, tags: ["evaluation", "quokka-topic"] });
    // The topic filter and its menu follow the published tags.
    expect(library.data.tags).toContain("quokka-topic");
    expect(library.data.tags).not.toContain("wombat-topic");
    const byNewTag = await call(libraryLoader, get("/library?topic=wombat-topic"));
    expect(byNewTag.data.documents.map((d: { slug: string }) => d.slug)).not.toContain(SLUG);
    const byOldTag = await call(libraryLoader, get("/library?topic=quokka-topic"));
    expect(byOldTag.data.documents.map((d: { slug: string }) => d.slug)).toEqual([SLUG]);
    // The public page and its citation.
    const page = await call(publicationLoader, get(`/library/${SLUG}`), { slug: SLUG });
    expect(page.data.publication.version.title).toBe(PUBLISHED.title);
    expect(page.data.publication.document).toMatchObject({
      title: PUBLISHED.title,
      summary: PUBLISHED.summary,
      tags: ["evaluation", "quokka-topic"],
    });
    expect(page.data.title).toBe(PUBLISHED.title);
    // Public search finds the published title, not the new one.
    const found = await call(searchLoader, get("/search?q=quokka+reporting"));
    expect(JSON.stringify(found.data)).toContain(`/library/${SLUG}`);
  });

  it("shows the live ones in the workspace, noting that they take effect when published", async () => {
    const layout = await call(layoutLoader, get(`/documents/${SLUG}`, { cookie: await as(DEMO.editor) }), { slug: SLUG });
    expect(layout.data.document.title).toBe(LIVE.title);
    expect(layout.data.metadataPending).toBe(true);
    const publishPage = await call(publishLoader, get(`/documents/${SLUG}/publish`, { cookie: await as(DEMO.chair) }), {
      slug: SLUG,
    });
    expect(publishPage.data.metadataChanged).toBe(true);
  });

  it("become public when a chair publishes, even with an unchanged text; older versions keep theirs", async () => {
    expect((await publish(DEMO.chair, SLUG, "New title.")).status).toBe(302);
    const page = await call(publicationLoader, get(`/library/${SLUG}`), { slug: SLUG });
    expect(page.data.publication.version.version).toBe("1.1");
    expect(page.data.publication.document).toMatchObject({ title: LIVE.title, summary: LIVE.summary, tags: ["wombat-topic"] });
    const old = await call(versionLoader, get(`/library/${SLUG}/v/1.0`), { slug: SLUG, version: "1.0" });
    expect(old.data.publication.document).toMatchObject({ title: PUBLISHED.title, summary: PUBLISHED.summary });
    const library = await call(libraryLoader, get("/library?topic=wombat-topic"));
    expect(library.data.documents.map((d: { title: string }) => d.title)).toEqual([LIVE.title]);
    const changes = await call(changesLoader, get(`/library/${SLUG}/changes?from=1.0&to=1.1`), { slug: SLUG });
    expect(changes.data.document.title).toBe(LIVE.title);
    const search = await call(searchLoader, get("/search?q=wombat"));
    expect(JSON.stringify(search.data)).toContain(`/library/${SLUG}`);
    const layout = await call(layoutLoader, get(`/documents/${SLUG}`, { cookie: await as(DEMO.editor) }), { slug: SLUG });
    expect(layout.data.metadataPending).toBe(false);
    // Nothing changed since: publishing again is refused as unchanged.
    const again = await publish(DEMO.chair, SLUG, "Nothing new.");
    expect(again.status).toBe(400);
  });
});

describe("linking a translation", () => {
  it("is refused to an editor outside the original's group, which keeps its own translation free", async () => {
    // editor@ drafts in evaluation-procedures, not in risk-management (ravi chairs it, sophie edits in it).
    const created = await call(
      newAction,
      post(
        "/documents/new?group=evaluation-procedures",
        {
          title: "Gestion des risques (traduction sauvage)",
          slug: "risques-sauvage",
          summary: "",
          language: "fr",
          tags: "",
          translationOf: "ai-risk-management",
          body: "## Objet\n",
        },
        { cookie: await as(DEMO.editor) },
      ),
    );
    expect(created.status).toBe(400);
    expect(created.data.result.error.translationOf).toEqual(["documents.errors.link_forbidden"]);
    // Nor through the settings of a draft of theirs.
    await createTestDocument("risques-draft", "evaluation-procedures", DEMO.editor, "## Objet\n", { language: "fr" });
    const linked = await changeSettings(DEMO.editor, "risques-draft", {
      title: "Risques",
      summary: "",
      tags: "",
      translationOf: "ai-risk-management",
    });
    expect(linked.status).toBe(400);
    expect(linked.data.result.error.translationOf).toEqual(["documents.errors.link_forbidden"]);
    expect((await documentRow("risques-draft")).family_id).toBe((await documentRow("risques-draft")).id);
    // The forms do not offer it.
    const form = await call(newLoader, get("/documents/new?group=evaluation-procedures", { cookie: await as(DEMO.editor) }));
    expect(form.data.sources.map((s: { slug: string }) => s.slug)).not.toContain("ai-risk-management");
    const settings = await call(settingsLoader, get("/documents/risques-draft/settings", { cookie: await as(DEMO.editor) }), {
      slug: "risques-draft",
    });
    expect(settings.data.sources.map((s: { slug: string }) => s.slug)).not.toContain("ai-risk-management");
    // The original's public page lists no such translation, and its own group translates it.
    const page = await call(publicationLoader, get("/library/ai-risk-management"), { slug: "ai-risk-management" });
    expect(page.data.publication.translations).toEqual([]);
    const own = await createTestDocument("gestion-des-risques-ia", "risk-management", "sophie@demo.test", "## Objet\n", {
      language: "fr",
      translationOf: "ai-risk-management",
    });
    expect(own.family_id).toBe((await documentRow("ai-risk-management")).id);
  });
});

describe("a public translation of a private original", () => {
  it("does not reveal the original's version to readers who may not see it", async () => {
    // editor@ edits in both the private pilot-coordination group (minh chairs) and evaluation-procedures (chair@ chairs).
    await createTestDocument("pilot-protocol", "pilot-coordination", DEMO.editor, "# Protocol\n\nIntro.\n", {
      title: "Confidential pilot protocol",
    });
    expect((await publish(DEMO.minh, "pilot-protocol", "First.")).status).toBe(302);
    await createTestDocument("protocole-pilote", "evaluation-procedures", DEMO.editor, "# Protocole\n\nIntroduction.\n", {
      language: "fr",
      translationOf: "pilot-protocol",
    });
    expect((await publish(DEMO.chair, "protocole-pilote", "Première version.")).status).toBe(302);
    const h = await head("pilot-protocol");
    await save(DEMO.editor, "pilot-protocol", { body: h.body.replace("Intro.", "Introduction."), baseRevision: h.id });
    expect((await publish(DEMO.minh, "pilot-protocol", "Wording.")).status).toBe(302);
    for (const email of [null, DEMO.member, "admin@demo.test"]) {
      const page = await call(publicationLoader, get("/library/protocole-pilote", { cookie: await as(email) }), {
        slug: "protocole-pilote",
      });
      expect(page.status).toBe(200);
      expect(page.data.publication.outOfDateWith, email ?? "anonymous").toBeNull();
      expect(page.data.publication.translations, email ?? "anonymous").toEqual([]);
      expect(JSON.stringify(page.data), email ?? "anonymous").not.toContain("1.1");
      expect(JSON.stringify(page.data), email ?? "anonymous").not.toContain("pilot-protocol");
    }
    // The private group's members see that the translation is behind.
    const member = await call(publicationLoader, get("/library/protocole-pilote", { cookie: await as(DEMO.editor) }), {
      slug: "protocole-pilote",
    });
    expect(member.data.publication.outOfDateWith).toBe("1.1");
  });
});
