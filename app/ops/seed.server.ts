// Starter content from content/ (frameworks, forum categories, working groups) and the demo
// community. `npm run db:seed` seeds an empty database; the server does the same on first start.
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "~db/schema";
import type { GroupRole, Language, MemberType, SiteRole, UserStatus } from "~/domain/vocabulary";
import { CATEGORY_VISIBILITIES, GROUP_VISIBILITIES, LANGUAGES } from "~/domain/vocabulary";
import { seedDemoDocuments } from "./demo/documents.server";
import { seedDemoForums } from "./demo/forums.server";
import { seedDemoGroups } from "./demo/groups.server";
import { demoNeedsSecondFactor, seedDemoTwoFactor } from "./demo/two-factor.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { hashPassword } from "~/utils/password.server";

export const DEMO_PASSWORD = "demo-password";

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

interface DemoAccount {
  email: string;
  username: string;
  displayName: string;
  organization: string;
  country: string;
  memberType: MemberType;
  language: Language;
  status: UserStatus;
  siteRole: SiteRole;
  groups?: Record<string, GroupRole>;
}

/** The demo community. Its accounts are listed in the README; all use DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: "admin@demo.test",
    username: "admin",
    displayName: "Amara Okafor",
    organization: "Network Secretariat",
    country: "CH",
    memberType: "secretariat",
    language: "en",
    status: "approved",
    siteRole: "admin",
  },
  {
    email: "moderator@demo.test",
    username: "moderator",
    displayName: "Priya Raman",
    organization: "Network Secretariat",
    country: "IN",
    memberType: "secretariat",
    language: "en",
    status: "approved",
    siteRole: "moderator",
  },
  {
    email: "chair@demo.test",
    username: "chair",
    displayName: "Nguyễn Thị Lan",
    organization: "National Health Information Centre, Ministry of Health",
    country: "VN",
    memberType: "regulator",
    language: "vi",
    status: "approved",
    siteRole: "member",
    groups: { "evaluation-procedures": "chair", "pilot-coordination": "member" },
  },
  {
    email: "editor@demo.test",
    username: "editor",
    displayName: "James Whitfield",
    organization: "Medicines and Healthcare products Regulatory Agency",
    country: "GB",
    memberType: "regulator",
    language: "en",
    status: "approved",
    siteRole: "member",
    groups: { "evaluation-procedures": "editor", "pilot-coordination": "editor" },
  },
  {
    email: "member@demo.test",
    username: "member",
    displayName: "Tan Wei Ming",
    organization: "Health Sciences Authority",
    country: "SG",
    memberType: "regulator",
    language: "en",
    status: "approved",
    siteRole: "member",
  },
  {
    email: "industry@demo.test",
    username: "industry",
    displayName: "Claire Dubois",
    organization: "MedVision AI",
    country: "FR",
    memberType: "industry",
    language: "fr",
    status: "approved",
    siteRole: "member",
  },
  {
    email: "pending@demo.test",
    username: "pending",
    displayName: "Rahul Mehta",
    organization: "Digital Health Institute",
    country: "IN",
    memberType: "academia",
    language: "en",
    status: "pending",
    siteRole: "member",
  },
  {
    email: "ravi@demo.test",
    username: "ravi",
    displayName: "Ravi Shankar",
    organization: "Central Drugs Standard Control Organisation",
    country: "IN",
    memberType: "regulator",
    language: "en",
    status: "approved",
    siteRole: "member",
    groups: { "risk-management": "chair", "post-deployment-monitoring": "member" },
  },
  {
    email: "sophie@demo.test",
    username: "sophie",
    displayName: "Sophie Martin",
    organization: "Haute Autorité de santé",
    country: "FR",
    memberType: "regulator",
    language: "fr",
    status: "approved",
    siteRole: "member",
    groups: { "post-deployment-monitoring": "chair", "risk-management": "editor" },
  },
  {
    email: "minh@demo.test",
    username: "minh",
    displayName: "Trần Quang Minh",
    organization: "Bạch Mai Hospital",
    country: "VN",
    memberType: "academia",
    language: "vi",
    status: "approved",
    siteRole: "member",
    groups: { "pilot-coordination": "chair", "evaluation-procedures": "member" },
  },
  {
    email: "aisha@demo.test",
    username: "aisha",
    displayName: "Aisha Rahman",
    organization: "Ministry of Health",
    country: "SG",
    memberType: "regulator",
    language: "en",
    status: "approved",
    siteRole: "member",
    groups: { "evaluation-procedures": "member", "post-deployment-monitoring": "editor" },
  },
  {
    email: "daniel@demo.test",
    username: "daniel",
    displayName: "Daniel Osei",
    organization: "Patients for Safe AI",
    country: "GH",
    memberType: "civil_society",
    language: "en",
    status: "approved",
    siteRole: "member",
    groups: { "risk-management": "member" },
  },
];

export async function seedDemoCommunity(db: Kysely<Database>) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const groups = new Map((await db.selectFrom("working_group").select(["id", "slug"]).execute()).map((g) => [g.slug, g.id]));
  const createdAt = new Date(Date.now() - 120 * 86_400_000).toISOString();
  const users = new Map<string, number>();
  for (const account of DEMO_ACCOUNTS) {
    const { id } = await db
      .insertInto("user")
      .values({
        email: account.email,
        username: account.username,
        display_name: account.displayName,
        organization: account.organization,
        country: account.country,
        member_type: account.memberType,
        language: account.language,
        status: account.status,
        site_role: account.siteRole,
        password_hash: passwordHash,
        created_at: account.status === "pending" ? new Date().toISOString() : createdAt,
        updated_at: createdAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    users.set(account.username, id);
    for (const [slug, role] of Object.entries(account.groups ?? {})) {
      const groupId = groups.get(slug);
      if (groupId === undefined) continue; // a deployment whose content has no such group
      await db.insertInto("group_membership").values({ group_id: groupId, user_id: id, role, joined_at: createdAt }).execute();
    }
  }
  // The admin and the chairs sign in with the demo's published TOTP key (db/demo/two-factor.ts).
  const enrolled = DEMO_ACCOUNTS.filter(demoNeedsSecondFactor).map((account) => users.get(account.username)!);
  await seedDemoTwoFactor(db, enrolled, createdAt);
  // Groups first (meetings, decisions), then the discussions and documents that refer to them.
  await seedDemoGroups(db, users);
  await seedDemoForums(db, users);
  await seedDemoDocuments(db, users);
  return { accounts: DEMO_ACCOUNTS.length };
}

/** Seeds a database that has no content yet; leaves any other database as it is. */
export async function seedIfEmpty(db: Kysely<Database>, options: { demo: boolean; contentDir?: string }) {
  // A database with working groups has been seeded (or filled by its members) before.
  const existing = await db.selectFrom("working_group").select("id").limit(1).executeTakeFirst();
  if (existing) return { seeded: false as const };
  return db.transaction().execute(async (trx) => {
    const content = await seedStarterContent(trx, options.contentDir);
    const demo = options.demo ? await seedDemoCommunity(trx) : { accounts: 0 };
    return { seeded: true as const, ...content, ...demo };
  });
}
