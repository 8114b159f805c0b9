// What each kind of content puts in the search index, and the full rebuild. Capabilities call the
// index* functions in the transaction of their writes; `npm run search:reindex` calls rebuild.
// Documents and forum posts have their own modules under ./search-index/.
import type { DB, Tx } from "~/utils/db.server";
import { writeTransaction } from "~/utils/db.server";
import { countryName } from "~/utils/format";
import { decisionPath, groupPath, meetingPath, memberPath } from "~/utils/paths";
import { clearIndex, indexEntry, removeEntry } from "~/utils/search/entries.server";
import { htmlToText } from "~/utils/search/text";
import { groupAccess } from "./access";
import { indexDraft, indexPublishedDocument } from "./documents.server";
import { bulkIndexPosts } from "./forums.server";

export { indexDraft, indexPublishedDocument } from "./documents.server";
export { indexPost, indexTopic } from "./forums.server";

export async function indexGroup(db: Tx, groupId: number) {
  const group = await db.selectFrom("working_group").selectAll().where("id", "=", groupId).executeTakeFirst();
  if (!group) return removeEntry(db, "group", groupId);
  await indexEntry(db, {
    kind: "group",
    refId: group.id,
    url: groupPath(group.slug),
    title: group.name,
    text: `${group.purpose}\n${htmlToText(group.charter_html)}`,
    access: groupAccess(group.visibility),
    groupId: group.id,
    place: group.name,
    createdAt: group.created_at,
  });
}

/** Approved members are findable by other approved members; anyone else is removed from the index. */
export async function indexMember(db: Tx, userId: number) {
  const user = await db.selectFrom("user").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!user || user.status !== "approved") return removeEntry(db, "member", userId);
  await indexEntry(db, {
    kind: "member",
    refId: user.id,
    url: memberPath(user.username),
    title: user.display_name,
    text: `@${user.username} · ${user.organization} · ${countryName(user.country, "en")} · ${user.bio}`,
    access: "members",
    authorId: user.id,
    place: user.organization,
    createdAt: user.created_at,
  });
}
// ---------------------------------------------------------------------------------------------
// Working groups' meetings and decisions: readable by whoever may read the group.

export async function indexMeeting(db: Tx, meetingId: number) {
  const meeting = await db
    .selectFrom("meeting")
    .innerJoin("working_group", "working_group.id", "meeting.group_id")
    .select([
      "meeting.id",
      "meeting.title",
      "meeting.agenda_html",
      "meeting.minutes_html",
      "meeting.starts_at",
      "meeting.cancelled_at",
      "meeting.created_by",
      "working_group.id as group_id",
      "working_group.slug as group_slug",
      "working_group.name as group_name",
      "working_group.visibility",
    ])
    .where("meeting.id", "=", meetingId)
    .executeTakeFirst();
  if (!meeting) return removeEntry(db, "meeting", meetingId);
  await indexEntry(db, {
    kind: "meeting",
    refId: meeting.id,
    url: meetingPath(meeting.group_slug, meeting.id),
    title: meeting.title,
    text: `${htmlToText(meeting.agenda_html)}\n${htmlToText(meeting.minutes_html ?? "")}`,
    access: groupAccess(meeting.visibility),
    groupId: meeting.group_id,
    authorId: meeting.created_by,
    place: meeting.group_name,
    createdAt: meeting.starts_at,
  });
}

export async function indexDecision(db: Tx, proposalId: number) {
  const proposal = await db
    .selectFrom("proposal")
    .innerJoin("working_group", "working_group.id", "proposal.group_id")
    .select([
      "proposal.id",
      "proposal.title",
      "proposal.body_html",
      "proposal.outcome_html",
      "proposal.opened_at",
      "proposal.opened_by",
      "working_group.id as group_id",
      "working_group.slug as group_slug",
      "working_group.name as group_name",
      "working_group.visibility",
    ])
    .where("proposal.id", "=", proposalId)
    .executeTakeFirst();
  if (!proposal) return removeEntry(db, "decision", proposalId);
  await indexEntry(db, {
    kind: "decision",
    refId: proposal.id,
    url: decisionPath(proposal.group_slug, proposal.id),
    title: proposal.title,
    text: `${htmlToText(proposal.body_html)}\n${htmlToText(proposal.outcome_html ?? "")}`,
    access: groupAccess(proposal.visibility),
    groupId: proposal.group_id,
    authorId: proposal.opened_by,
    place: proposal.group_name,
    createdAt: proposal.opened_at,
  });
}

/** Rebuilds the whole index from the content tables. */
export async function rebuildSearchIndex(db: DB): Promise<Record<string, number>> {
  return writeTransaction(db, async (trx) => {
    await clearIndex(trx);
    const counts: Record<string, number> = {};
    const groups = await trx.selectFrom("working_group").select("id").execute();
    for (const group of groups) await indexGroup(trx, group.id);
    counts.group = groups.length;
    const members = await trx.selectFrom("user").select("id").where("status", "=", "approved").execute();
    for (const member of members) await indexMember(trx, member.id);
    counts.member = members.length;
    const documents = await trx
      .selectFrom("document")
      .select("id")
      .where(({ exists, selectFrom }) =>
        exists(selectFrom("published_version").select("id").whereRef("published_version.document_id", "=", "document.id")),
      )
      .execute();
    for (const doc of documents) await indexPublishedDocument(trx, doc.id);
    counts.document = documents.length;

    counts.post = await bulkIndexPosts(trx);
    const meetings = await trx.selectFrom("meeting").select("id").execute();
    for (const meeting of meetings) await indexMeeting(trx, meeting.id);
    counts.meeting = meetings.length;
    const proposals = await trx.selectFrom("proposal").select("id").execute();
    for (const proposal of proposals) await indexDecision(trx, proposal.id);
    counts.decision = proposals.length;
    const drafts = await trx.selectFrom("document").select("id").where("head_revision_id", "is not", null).execute();
    for (const draft of drafts) await indexDraft(trx, draft.id);
    counts.draft = drafts.length;
    return counts;
  });
}
