import { sql } from "kysely";
import type { ReadableScope } from "~/policies";
import type { Tx } from "~/utils/db.server";

export interface AuditEntry {
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId: string | number;
  data?: Record<string, unknown>;
}

/** Records a privileged action. Call it inside the transaction of the change it describes. */
export async function recordAudit(db: Tx, entry: AuditEntry) {
  await db
    .insertInto("audit_event")
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: String(entry.subjectId),
      data: JSON.stringify(entry.data ?? {}),
      at: new Date().toISOString(),
    })
    .execute();
}

export const AUDIT_PAGE_SIZE = 50;

const id = sql`cast(e.subject_id as integer)`;

/**
 * The private working groups an event concerns, each null when it does not apply: the group of its
 * subject (a topic, post or category of a private space; a document, meeting, proposal or the
 * group itself in a private group), and the private spaces its details name (a topic moved from or
 * to one, a category that was or became private, a meeting's or proposal's group).
 */
const PRIVATE_GROUPS_OF_EVENT = [
  sql`case e.subject_type
    when 'topic' then (select c.group_id from topic t join category c on c.id = t.category_id where t.id = ${id} and c.visibility = 'private')
    when 'post' then (select c.group_id from post p join topic t on t.id = p.topic_id join category c on c.id = t.category_id
                       where p.id = ${id} and c.visibility = 'private')
    when 'category' then (select c.group_id from category c where c.id = ${id} and c.visibility = 'private')
    when 'group' then (select g.id from working_group g where g.id = ${id} and g.visibility = 'private')
    when 'document' then (select g.id from document d join working_group g on g.id = d.group_id where d.id = ${id} and g.visibility = 'private')
    when 'doc_comment' then (select g.id from doc_comment x join document d on d.id = x.document_id join working_group g on g.id = d.group_id
                              where x.id = ${id} and g.visibility = 'private')
    when 'change_proposal' then (select g.id from change_proposal x join document d on d.id = x.document_id join working_group g on g.id = d.group_id
                                  where x.id = ${id} and g.visibility = 'private')
    when 'meeting' then (select g.id from meeting m join working_group g on g.id = m.group_id where m.id = ${id} and g.visibility = 'private')
    when 'proposal' then (select g.id from proposal x join working_group g on g.id = x.group_id where x.id = ${id} and g.visibility = 'private')
  end`,
  sql`(select g.id from working_group g where g.id = json_extract(e.data, '$.groupId') and g.visibility = 'private')`,
  sql`(select c.group_id from category c where c.slug = json_extract(e.data, '$.before.category') and c.visibility = 'private')`,
  sql`(select c.group_id from category c where c.slug = json_extract(e.data, '$.after.category') and c.visibility = 'private')`,
  sql`case when json_extract(e.data, '$.before.visibility') = 'private' then coalesce(json_extract(e.data, '$.before.groupId'), -2) end`,
  sql`case when json_extract(e.data, '$.after.visibility') = 'private' then coalesce(json_extract(e.data, '$.after.groupId'), -2) end`,
];

/**
 * The audit log, newest first, paginated by keyset (the id of the last row seen). Events about a
 * private working group the viewer is not a member of keep their action, actor and time but lose
 * their subject id and details (titles, slugs) in the query itself: `private` marks them.
 */
export async function listAudit(db: Tx, scope: ReadableScope, options: { before?: number } = {}) {
  const groupIds = scope.groupIds.length ? scope.groupIds : [-1];
  // True when one of them is a group the viewer does not belong to (null ones never count).
  const hidden = sql<number>`coalesce(${sql.join(
    PRIVATE_GROUPS_OF_EVENT.map((group) => sql`(${group}) not in (${sql.join(groupIds)})`),
    sql` or `,
  )}, 0)`;
  let query = db
    .selectFrom("audit_event as e")
    .leftJoin("user", "user.id", "e.actor_id")
    .select([
      "e.id",
      "e.action",
      "e.subject_type",
      sql<string | null>`case when ${hidden} then null else e.subject_id end`.as("subject_id"),
      sql<string>`case when ${hidden} then '{}' else e.data end`.as("data"),
      sql<number>`${hidden}`.as("hidden"),
      "e.at",
      "user.username as actor_username",
      "user.display_name as actor_name",
    ])
    .orderBy("e.id", "desc")
    .limit(AUDIT_PAGE_SIZE + 1);
  if (options.before) query = query.where("e.id", "<", options.before);
  const rows = await query.execute();
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  const events = rows.slice(0, AUDIT_PAGE_SIZE).map(({ hidden: isHidden, ...row }) => ({
    ...row,
    private: isHidden === 1,
    data: JSON.parse(row.data) as Record<string, unknown>,
  }));
  return { events, nextBefore: hasMore ? events[events.length - 1].id : null };
}
