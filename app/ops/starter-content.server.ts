// Starter content from content/: frameworks, forum categories and working groups, read from their
// Markdown files (front matter checked) and written as published documents, spaces and groups.
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "~db/schema";
import type { Language } from "~/domain/vocabulary";
import { CATEGORY_VISIBILITIES, GROUP_VISIBILITIES, LANGUAGES } from "~/domain/vocabulary";
import { renderMarkdown } from "~/utils/markdown.server";

const dateString = z.union([z.string(), z.date()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));

const frameworkSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  group: z.string(),
  language: z.enum(LANGUAGES),
  family: z.string().optional(),
  version: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().regex(/^\d+\.\d+$/)),
  published_at: dateString,
  review_due: dateString.optional(),
  summary: z.string().default(""),
  tags: z.array(z.string()).default([]),
  notes: z.string().default(""),
});

const categorySchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  description: z.string().default(""),
  visibility: z.enum(CATEGORY_VISIBILITIES),
  group: z.string().optional(),
  qa: z.boolean().default(false),
  position: z.number().int().default(0),
});

const groupSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  purpose: z.string().min(1),
  visibility: z.enum(GROUP_VISIBILITIES),
  position: z.number().int().default(0),
});

function readFolder<T extends z.ZodTypeAny>(dir: string, schema: T): Array<{ file: string; data: z.output<T>; body: string }> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => {
      const parsed = matter(fs.readFileSync(path.join(dir, file), "utf8"));
      const result = schema.safeParse(parsed.data);
      if (!result.success) throw new Error(`content/${path.basename(dir)}/${file}: ${result.error.message}`);
      return { file, data: result.data, body: parsed.content.trim() + "\n" };
    });
}

export function defaultContentDir() {
  return path.resolve(process.env.CONTENT_DIR ?? "content");
}

export async function seedStarterContent(db: Kysely<Database>, contentDir = defaultContentDir()) {
  const now = new Date().toISOString();
  const groupIds = new Map<string, number>();
  for (const { data, body } of readFolder(path.join(contentDir, "groups"), groupSchema)) {
    const { id } = await db
      .insertInto("working_group")
      .values({
        slug: data.slug,
        name: data.name,
        purpose: data.purpose,
        visibility: data.visibility,
        position: data.position,
        charter_md: body,
        charter_html: renderMarkdown(body).html,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    groupIds.set(data.slug, id);
  }
  const groupId = (slug: string, where: string) => {
    const id = groupIds.get(slug);
    if (id === undefined) throw new Error(`${where}: unknown working group "${slug}"`);
    return id;
  };

  for (const { file, data } of readFolder(path.join(contentDir, "categories"), categorySchema)) {
    await db
      .insertInto("category")
      .values({
        slug: data.slug,
        name: data.name,
        description: data.description,
        visibility: data.visibility,
        group_id: data.group ? groupId(data.group, file) : null,
        qa: data.qa ? 1 : 0,
        position: data.position,
        created_at: now,
      })
      .execute();
  }
  // Each working group has its own discussion space with the group's visibility.
  for (const [slug, id] of groupIds) {
    const group = await db
      .selectFrom("working_group")
      .select(["name", "visibility", "position"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const exists = await db.selectFrom("category").select("id").where("slug", "=", `group-${slug}`).executeTakeFirst();
    if (exists) continue;
    await db
      .insertInto("category")
      .values({
        slug: `group-${slug}`,
        name: group.name,
        description: "",
        visibility: group.visibility === "private" ? "private" : "public",
        group_id: id,
        position: 100 + group.position,
        created_at: now,
      })
      .execute();
  }

  const frameworks = readFolder(path.join(contentDir, "frameworks"), frameworkSchema);
  // Sources first, so that translations find the family they belong to.
  frameworks.sort(
    (a, b) => Number((a.data.family ?? a.data.slug) !== a.data.slug) - Number((b.data.family ?? b.data.slug) !== b.data.slug),
  );
  const documentIds = new Map<string, number>();
  for (const { file, data, body } of frameworks) {
    const familyId = data.family && data.family !== data.slug ? documentIds.get(data.family) : undefined;
    if (data.family && data.family !== data.slug && familyId === undefined) {
      throw new Error(`content/frameworks/${file}: unknown family "${data.family}"`);
    }
    const publishedAt = new Date(`${data.published_at}T09:00:00Z`).toISOString();
    const { id: documentId } = await db
      .insertInto("document")
      .values({
        slug: data.slug,
        group_id: groupId(data.group, file),
        title: data.title,
        summary: data.summary,
        language: data.language as Language,
        tags: JSON.stringify(data.tags),
        status: "published",
        created_at: publishedAt,
        updated_at: publishedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .updateTable("document")
      .set({ family_id: familyId ?? documentId })
      .where("id", "=", documentId)
      .execute();
    documentIds.set(data.slug, documentId);
    const { id: revisionId } = await db
      .insertInto("revision")
      .values({
        document_id: documentId,
        parent_id: null,
        author_id: null,
        message: `Version ${data.version}`,
        body_md: body,
        created_at: publishedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.updateTable("document").set({ head_revision_id: revisionId }).where("id", "=", documentId).execute();
    const [major, minor] = data.version.split(".").map(Number);
    const rendered = renderMarkdown(body);
    await db
      .insertInto("published_version")
      .values({
        document_id: documentId,
        version: data.version,
        major,
        minor,
        revision_id: revisionId,
        title: data.title,
        summary: data.summary,
        tags: JSON.stringify(data.tags),
        body_html: rendered.html,
        toc: JSON.stringify(rendered.toc),
        notes: data.notes,
        review_due: data.review_due ?? null,
        published_at: publishedAt,
      })
      .execute();
  }
  return { groups: groupIds.size, frameworks: frameworks.length };
}
