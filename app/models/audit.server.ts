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

/** The audit log, newest first, paginated by keyset (the id of the last row seen). */
export async function listAudit(db: Tx, options: { before?: number; action?: string } = {}) {
  let query = db
    .selectFrom("audit_event")
    .leftJoin("user", "user.id", "audit_event.actor_id")
    .select([
      "audit_event.id",
      "audit_event.action",
      "audit_event.subject_type",
      "audit_event.subject_id",
      "audit_event.data",
      "audit_event.at",
      "user.username as actor_username",
      "user.display_name as actor_name",
    ])
    .orderBy("audit_event.id", "desc")
    .limit(AUDIT_PAGE_SIZE + 1);
  if (options.before) query = query.where("audit_event.id", "<", options.before);
  if (options.action) query = query.where("audit_event.action", "=", options.action);
  const rows = await query.execute();
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  const events = rows.slice(0, AUDIT_PAGE_SIZE).map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }));
  return { events, nextBefore: hasMore ? events[events.length - 1].id : null };
}
