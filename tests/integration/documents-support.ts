// Shared steps of the documents integration tests: sessions of the demo accounts, the head of a
// draft, and the workspace's forms posted as a browser would.
import { action as editAction } from "~/routes/documents.$slug.edit/route";
import { getDb } from "~/utils/db.server";
import { call, post, sessionCookie } from "../support/routes";

export const DEMO = {
  chair: "chair@demo.test", // chair of evaluation-procedures, member of private pilot-coordination
  editor: "editor@demo.test", // editor in both
  aisha: "aisha@demo.test", // member of evaluation-procedures
  minh: "minh@demo.test", // member of evaluation-procedures, chair of pilot-coordination
  member: "member@demo.test", // approved, in no group
  industry: "industry@demo.test", // approved, in no group
  pending: "pending@demo.test", // application pending
  ravi: "ravi@demo.test", // chair of risk-management
} as const;

const cookies = new Map<string, string>();
export async function as(email: string | null): Promise<string | undefined> {
  if (email === null) return undefined;
  if (!cookies.has(email)) cookies.set(email, await sessionCookie(email));
  return cookies.get(email);
}

export async function userId(email: string) {
  return (await getDb().selectFrom("user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

export async function documentRow(slug: string) {
  return getDb().selectFrom("document").selectAll().where("slug", "=", slug).executeTakeFirstOrThrow();
}

export async function head(slug: string) {
  const doc = await documentRow(slug);
  const revision = await getDb()
    .selectFrom("revision")
    .selectAll()
    .where("id", "=", doc.head_revision_id!)
    .executeTakeFirstOrThrow();
  return { id: revision.id, body: revision.body_md, revision, document: doc };
}

export async function countRevisions(slug: string) {
  const doc = await documentRow(slug);
  const row = await getDb()
    .selectFrom("revision")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("document_id", "=", doc.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function save(
  email: string | null,
  slug: string,
  fields: { body: string; baseRevision: number | string; message?: string },
) {
  return call(
    editAction,
    post(
      `/documents/${slug}/edit`,
      { body: fields.body, baseRevision: String(fields.baseRevision), message: fields.message ?? "" },
      { cookie: await as(email) },
    ),
    { slug },
  );
}

/** A new document of a group, created by one of its editors, with a short body. */
export async function createTestDocument(
  slug: string,
  groupSlug: string,
  editorEmail: string,
  body: string,
  extra: Record<string, string> = {},
) {
  const { action } = await import("~/routes/documents.new");
  const outcome = await call(
    action,
    post(
      `/documents/new?group=${groupSlug}`,
      {
        title: `Test document ${slug}`,
        slug,
        summary: "",
        language: "en",
        tags: "evaluation",
        translationOf: "",
        body,
        ...extra,
      },
      { cookie: await as(editorEmail) },
    ),
  );
  if (outcome.status !== 302) throw new Error(`could not create ${slug}: ${outcome.status} ${JSON.stringify(outcome.data)}`);
  return documentRow(slug);
}
