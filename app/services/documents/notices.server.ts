// Who hears of what happens to a document, how private the notice is, and the audit trail of it.
import { recordAudit } from "~/models/audit.server";
import type { Viewer } from "~/policies";
import type { Tx } from "~/utils/db.server";
import type { LoadedDocument } from "./resource.server";

/** The approved members of a group (of some roles only, if given). */
export async function groupMemberIds(db: Tx, groupId: number, roles?: Array<"chair" | "editor" | "member">) {
  let query = db
    .selectFrom("group_membership")
    .innerJoin("user", "user.id", "group_membership.user_id")
    .select("user.id")
    .where("group_membership.group_id", "=", groupId)
    .where("user.status", "=", "approved");
  if (roles) query = query.where("group_membership.role", "in", roles);
  return (await query.execute()).map((row) => row.id);
}

/** Everyone who commented on or proposed changes to a document. */
export async function contributorIds(db: Tx, documentId: number) {
  const rows = await db
    .selectFrom("doc_comment")
    .select("author_id as id")
    .where("document_id", "=", documentId)
    .union(db.selectFrom("change_proposal").select("author_id as id").where("document_id", "=", documentId))
    .execute();
  return rows.map((row) => row.id).filter((id): id is number => id !== null);
}

/** A notice about a private group's document is for that group's members only. */
export const noticePrivacy = (document: Pick<LoadedDocument, "group_id" | "group_visibility">) => ({
  privateGroupId: document.group_visibility === "private" ? document.group_id : null,
  membersOnly: false,
});

/** What the viewer did to a document, or to one of its comments or proposals: one entry of the audit log, in the write's transaction. */
export const auditDocument = (
  trx: Tx,
  viewer: Viewer,
  action: string,
  [subjectType, subjectId]: ["document" | "doc_comment" | "change_proposal", number],
  data: Record<string, unknown>,
) => recordAudit(trx, { actorId: viewer.id, action, subjectType, subjectId, data });
