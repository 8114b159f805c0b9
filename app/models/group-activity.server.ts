// A working group's recent activity for its overview page: new topics in its discussion spaces,
// document revisions and publications, meetings scheduled and minuted, proposals and decisions.
import { sql } from "kysely";
import type { ReadableScope } from "~/policies";
import type { Tx } from "~/utils/db.server";
import { decisionPath, documentPath, meetingPath, topicPath, versionPath } from "~/utils/paths";
import { categoryVisible } from "./visibility.server";

export type ActivityKind = "topic" | "revision" | "publication" | "meeting" | "minutes" | "proposal" | "decision";

export interface ActivityItem {
  kind: ActivityKind;
  at: string;
  title: string;
  url: string;
  actor: string | null;
  /** A short detail: the revision message, the version number, the meeting's start (ISO). */
  detail: string | null;
}

const PER_KIND = 8;

function item(kind: ActivityKind, at: string, title: string, url: string, actor: string | null, detail: string | null) {
  return { kind, at, title, url, actor, detail };
}

async function tableExists(db: Tx, name: string) {
  const row = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = ${name}`.execute(db);
  return row.rows.length > 0;
}

/**
 * New topics in the group's discussion categories the viewer may read. The forums capability owns
 * the `topic` table; until its migration has run this contributes nothing.
 */
async function topicActivity(db: Tx, groupId: number, scope: ReadableScope): Promise<ActivityItem[]> {
  if (!(await tableExists(db, "topic"))) return [];
  const rows = await db
    .selectFrom("topic")
    .innerJoin("category", "category.id", "topic.category_id")
    .leftJoin("user", "user.id", "topic.author_id")
    .select(["topic.id", "topic.slug", "topic.title", "topic.created_at", "user.display_name", "category.name as category_name"])
    .where("category.group_id", "=", groupId)
    .where("category.archived_at", "is", null)
    .where(categoryVisible(scope))
    .where("topic.deleted_at", "is", null)
    .orderBy("topic.created_at", "desc")
    .limit(PER_KIND)
    .execute();
  return rows.map((row) => item("topic", row.created_at, row.title, topicPath(row), row.display_name, row.category_name));
}

export async function listGroupActivity(
  db: Tx,
  group: { id: number; slug: string },
  scope: ReadableScope,
  options: { includeDraftRevisions: boolean; limit?: number },
): Promise<ActivityItem[]> {
  const groupId = group.id;
  const [topics, revisions, publications, meetings, minutes, proposals, decisions] = await Promise.all([
    topicActivity(db, groupId, scope),
    // Draft revisions are work in progress: the group's members see them, others see publications.
    options.includeDraftRevisions
      ? db
          .selectFrom("revision")
          .innerJoin("document", "document.id", "revision.document_id")
          .leftJoin("user", "user.id", "revision.author_id")
          .select(["document.slug", "document.title", "revision.message", "revision.created_at", "user.display_name"])
          .where("document.group_id", "=", groupId)
          .where("revision.author_id", "is not", null)
          .orderBy("revision.id", "desc")
          .limit(PER_KIND)
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom("published_version")
      .innerJoin("document", "document.id", "published_version.document_id")
      .leftJoin("user", "user.id", "published_version.published_by")
      .select([
        "document.slug",
        "published_version.title",
        "published_version.version",
        "published_version.published_at",
        "user.display_name",
      ])
      .where("document.group_id", "=", groupId)
      .orderBy("published_version.published_at", "desc")
      .limit(PER_KIND)
      .execute(),
    db
      .selectFrom("meeting")
      .leftJoin("user", "user.id", "meeting.created_by")
      .select(["meeting.id", "meeting.title", "meeting.starts_at", "meeting.created_at", "user.display_name"])
      .where("meeting.group_id", "=", groupId)
      .where("meeting.cancelled_at", "is", null)
      .orderBy("meeting.created_at", "desc")
      .limit(PER_KIND)
      .execute(),
    db
      .selectFrom("meeting")
      .leftJoin("user", "user.id", "meeting.minutes_by")
      .select(["meeting.id", "meeting.title", "meeting.starts_at", "meeting.minutes_at", "user.display_name"])
      .where("meeting.group_id", "=", groupId)
      .where("meeting.minutes_at", "is not", null)
      .orderBy("meeting.minutes_at", "desc")
      .limit(PER_KIND)
      .execute(),
    db
      .selectFrom("proposal")
      .leftJoin("user", "user.id", "proposal.opened_by")
      .select(["proposal.id", "proposal.title", "proposal.opened_at", "proposal.closes_at", "user.display_name"])
      .where("proposal.group_id", "=", groupId)
      .orderBy("proposal.opened_at", "desc")
      .limit(PER_KIND)
      .execute(),
    db
      .selectFrom("proposal")
      .leftJoin("user", "user.id", "proposal.closed_by")
      .select(["proposal.id", "proposal.title", "proposal.closed_at", "user.display_name"])
      .where("proposal.group_id", "=", groupId)
      .where("proposal.closed_at", "is not", null)
      .orderBy("proposal.closed_at", "desc")
      .limit(PER_KIND)
      .execute(),
  ]);
  const slug = group.slug;
  const items: ActivityItem[] = [
    ...topics,
    ...revisions.map((row) => item("revision", row.created_at, row.title, documentPath(row.slug), row.display_name, row.message)),
    ...publications.map((row) =>
      item("publication", row.published_at, row.title, versionPath(row.slug, row.version), row.display_name, row.version),
    ),
    ...meetings.map((row) =>
      item("meeting", row.created_at, row.title, meetingPath(slug, row.id), row.display_name, row.starts_at),
    ),
    ...minutes.map((row) =>
      item(
        "minutes",
        row.minutes_at!,
        row.title,
        meetingPath(slug, row.id, undefined, undefined, "minutes"),
        row.display_name,
        row.starts_at,
      ),
    ),
    ...proposals.map((row) =>
      item("proposal", row.opened_at, row.title, decisionPath(slug, row.id), row.display_name, row.closes_at),
    ),
    ...decisions.map((row) =>
      item("decision", row.closed_at!, row.title, decisionPath(slug, row.id, undefined, "outcome"), row.display_name, null),
    ),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, options.limit ?? 12);
}
