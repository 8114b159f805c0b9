// Starter content (app/ops/starter-content.server.ts) and the demo community. `npm run db:seed`
// seeds an empty database; the server does the same on first start.
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import type { GroupRole, Language, MemberType, SiteRole, UserStatus } from "~/domain/vocabulary";
import { seedDemoDocuments } from "./demo/documents.server";
import { seedDemoForums } from "./demo/forums.server";
import { seedDemoGroups } from "./demo/groups.server";
import { demoNeedsSecondFactor, seedDemoTwoFactor } from "./demo/two-factor.server";
import { seedStarterContent } from "./starter-content.server";
import { hashPassword } from "~/utils/password.server";

export const DEMO_PASSWORD = "demo-password";

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
