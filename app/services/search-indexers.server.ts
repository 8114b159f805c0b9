// What each kind of content puts in the search index, and the full rebuild. Capabilities call the
// index* functions in the transaction of their writes; `npm run search:reindex` calls rebuild.
import { sql } from "kysely";
import type { SearchAccess } from "~db/tables/search";
import type { DB, Tx } from "~/utils/db.server";
import { writeTransaction } from "~/utils/db.server";
import { countryName } from "~/utils/format";
import {
  bulkIndex,
  clearIndex,
  entryKey,
  indexEntry,
  removeEntries,
  removeEntry,
  type SearchEntry,
} from "~/utils/search/entries.server";
import { htmlToText } from "~/utils/search/text";

const groupAccess = (visibility: string): SearchAccess => (visibility === "private" ? "group" : "public");

export async function indexGroup(db: Tx, groupId: number) {
  const group = await db.selectFrom("working_group").selectAll().where("id", "=", groupId).executeTakeFirst();
  if (!group) return removeEntry(db, "group", groupId);
  await indexEntry(db, {
    kind: "group",
    refId: group.id,
    url: `/groups/${group.slug}`,
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
    url: `/members/${user.username}`,
    title: user.display_name,
    text: `@${user.username} · ${user.organization} · ${countryName(user.country, "en")} · ${user.bio}`,
    access: "members",
    authorId: user.id,
    place: user.organization,
    createdAt: user.created_at,
  });
}

interface Section {
  id: string | null;
  heading: string;
  text: string;
}

/** Splits stored HTML at its level-2 and level-3 headings (which carry stable ids). */
export function sectionsFromHtml(html: string): Section[] {
  const sections: Section[] = [];
  const pattern = /<h([23]) id="([^"]+)">([\s\S]*?)<\/h\1>/g;
  let last = 0;
  let current: { id: string | null; heading: string } = { id: null, heading: "" };
  for (const match of html.matchAll(pattern)) {
    const text = htmlToText(html.slice(last, match.index));
    if (text) sections.push({ ...current, text });
    current = { id: match[2], heading: htmlToText(match[3]) };
    last = match.index! + match[0].length;
  }
  const text = htmlToText(html.slice(last));
  if (text || current.id) sections.push({ ...current, text });
  return sections;
}

/** Entries of one section carry ref ids derived from the version id, one per section. */
const SECTION_SLOTS = 1000;

/**
 * Indexes the latest published version of a document, section by section (links go to the
 * section), under the title and summary published with that version.
 */
export async function indexPublishedDocument(db: Tx, documentId: number) {
  const doc = await db
    .selectFrom("document")
    .innerJoin("working_group", "working_group.id", "document.group_id")
    .select([
      "document.id",
      "document.slug",
      "document.language",
      "working_group.id as group_id",
      "working_group.name as group_name",
      "working_group.visibility as group_visibility",
    ])
    .where("document.id", "=", documentId)
    .executeTakeFirst();
  await removeDocumentSections(db, documentId);
  if (!doc) return;
  const version = await db
    .selectFrom("published_version")
    .select(["id", "version", "title", "summary", "body_html", "published_at"])
    .where("document_id", "=", documentId)
    .orderBy("major", "desc")
    .orderBy("minor", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!version) return;
  const grouping = await sectionGrouping(db, "document", documentId);
  const sections = sectionsFromHtml(version.body_html).slice(0, SECTION_SLOTS - 1);
  let slot = 0;
  // Title and summary as published with the version: an editor's later changes are not public yet.
  for (const section of [{ id: null, heading: "", text: version.summary }, ...sections]) {
    if (!section.text && !section.heading) continue;
    await indexEntry(db, {
      kind: "document",
      refId: documentId * SECTION_SLOTS + slot++,
      url: `/library/${doc.slug}${section.id ? `#${section.id}` : ""}`,
      title: section.heading ? `${version.title} — ${section.heading}` : version.title,
      text: section.text,
      access: groupAccess(doc.group_visibility),
      groupId: doc.group_id,
      place: doc.group_name,
      language: doc.language,
      createdAt: version.published_at,
      ...grouping,
    });
  }
}

/** Removes a document's section entries of one kind (its published text, or its draft). */
export async function removeDocumentSections(db: Tx, documentId: number, kind: "document" | "draft" = "document") {
  const existing = await db
    .selectFrom("search_doc")
    .select("ref_id")
    .where("kind", "=", kind)
    .where("ref_id", ">=", documentId * SECTION_SLOTS)
    .where("ref_id", "<", (documentId + 1) * SECTION_SLOTS)
    .execute();
  await removeEntries(
    db,
    kind,
    existing.map((row) => row.ref_id),
  );
}

/**
 * How results group a document's entries: its sections under its first entry (slot 0), and a
 * published document with its translations (the document family).
 */
async function sectionGrouping(db: Tx, kind: "document" | "draft", documentId: number) {
  const parent = entryKey(kind, documentId * SECTION_SLOTS);
  if (kind === "draft") return { parent, family: null };
  const doc = await db.selectFrom("document").select("family_id").where("id", "=", documentId).executeTakeFirst();
  return { parent, family: doc?.family_id ? `document-family:${doc.family_id}` : null };
}

// ---------------------------------------------------------------------------------------------
// Forums: the first post of a topic is indexed as the topic, every reply as a post. Both carry the
// category's visibility; hidden and deleted posts, and deleted topics, are not in the index.

const POST_ROWS = `select p.id as post_id, p.number, p.body_html, p.created_at, p.author_id,
    t.id as topic_id, t.slug, t.title, t.category_id, c.name as category_name, c.visibility, c.group_id
  from post p join topic t on t.id = p.topic_id join category c on c.id = t.category_id
  where p.hidden = 0 and p.deleted_at is null and t.deleted_at is null and c.archived_at is null`;

interface PostRow {
  post_id: number;
  number: number;
  body_html: string;
  created_at: string;
  author_id: number | null;
  topic_id: number;
  slug: string;
  title: string;
  category_id: number;
  category_name: string;
  visibility: string;
  group_id: number | null;
}

function categoryAccess(visibility: string): SearchAccess {
  return visibility === "private" ? "group" : visibility === "members" ? "members" : "public";
}

function postEntry(row: PostRow): SearchEntry {
  const page = Math.max(1, Math.ceil(row.number / 20));
  const topicUrl = `/t/${row.topic_id}/${row.slug}`;
  return {
    kind: row.number === 1 ? "topic" : "post",
    refId: row.number === 1 ? row.topic_id : row.post_id,
    url: row.number === 1 ? topicUrl : `${topicUrl}${page > 1 ? `?page=${page}` : ""}#post-${row.number}`,
    title: row.title,
    text: htmlToText(row.body_html),
    access: categoryAccess(row.visibility),
    groupId: row.group_id,
    categoryId: row.category_id,
    authorId: row.author_id,
    place: row.category_name,
    createdAt: row.created_at,
    parent: entryKey("topic", row.topic_id),
  };
}

/** Re-indexes one post (after it was written, edited, hidden, restored or deleted). */
export async function indexPost(db: Tx, postId: number) {
  const { rows } = await sql<PostRow>`${sql.raw(POST_ROWS)} and p.id = ${postId}`.execute(db);
  const post = await db.selectFrom("post").select(["topic_id", "number"]).where("id", "=", postId).executeTakeFirst();
  if (!rows[0]) {
    if (post?.number === 1) await removeEntry(db, "topic", post.topic_id);
    return removeEntry(db, "post", postId);
  }
  await indexEntry(db, postEntry(rows[0]));
}

/** Re-indexes every post of a topic (after it was renamed, moved, deleted or restored). */
export async function indexTopic(db: Tx, topicId: number) {
  const posts = await db.selectFrom("post").select(["id", "number"]).where("topic_id", "=", topicId).execute();
  await removeEntry(db, "topic", topicId);
  await removeEntries(
    db,
    "post",
    posts.filter((p) => p.number > 1).map((p) => p.id),
  );
  const { rows } = await sql<PostRow>`${sql.raw(POST_ROWS)} and t.id = ${topicId}`.execute(db);
  for (const row of rows) await indexEntry(db, postEntry(row));
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
    url: `/groups/${meeting.group_slug}/meetings/${meeting.id}`,
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
    url: `/groups/${proposal.group_slug}/decisions/${proposal.id}`,
    title: proposal.title,
    text: `${htmlToText(proposal.body_html)}\n${htmlToText(proposal.outcome_html ?? "")}`,
    access: groupAccess(proposal.visibility),
    groupId: proposal.group_id,
    authorId: proposal.opened_by,
    place: proposal.group_name,
    createdAt: proposal.opened_at,
  });
}

// ---------------------------------------------------------------------------------------------
// Drafts: the head revision of a document, section by section, for the group's members.

export async function indexDraft(db: Tx, documentId: number) {
  await removeDocumentSections(db, documentId, "draft");
  const doc = await db
    .selectFrom("document")
    .innerJoin("working_group", "working_group.id", "document.group_id")
    .innerJoin("revision", "revision.id", "document.head_revision_id")
    .select([
      "document.id",
      "document.slug",
      "document.title",
      "document.language",
      "document.status",
      "revision.body_html",
      "revision.created_at",
      "revision.author_id",
      "working_group.id as group_id",
      "working_group.name as group_name",
    ])
    .where("document.id", "=", documentId)
    .executeTakeFirst();
  if (!doc || !doc.body_html || doc.status === "withdrawn") return;
  // Drafts are found by the group's members only: a consultation's audience reads the draft on its
  // page while the window is open, but the index would outlive the window.
  const access: SearchAccess = "group";
  const sections = sectionsFromHtml(doc.body_html).slice(0, SECTION_SLOTS - 1);
  // The first entry heads the draft's group in results: the text before its first heading, if any.
  if (sections[0]?.id !== null) sections.unshift({ id: null, heading: "", text: "" });
  const grouping = await sectionGrouping(db, "draft", documentId);
  let slot = 0;
  for (const section of sections) {
    await indexEntry(db, {
      kind: "draft",
      refId: documentId * SECTION_SLOTS + slot++,
      url: `/documents/${doc.slug}${section.id ? `#${section.id}` : ""}`,
      title: section.heading ? `${doc.title} — ${section.heading}` : doc.title,
      text: section.text,
      access,
      groupId: doc.group_id,
      authorId: doc.author_id,
      place: doc.group_name,
      language: doc.language,
      createdAt: doc.created_at,
      ...grouping,
    });
  }
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

    // Forum posts in bulk (they are the bulk of the index).
    let posts = 0;
    let lastId = 0;
    for (;;) {
      const { rows } = await sql<PostRow>`${sql.raw(POST_ROWS)} and p.id > ${lastId} order by p.id limit 5000`.execute(trx);
      if (!rows.length) break;
      await bulkIndex(trx, rows.map(postEntry));
      posts += rows.length;
      lastId = rows[rows.length - 1].post_id;
    }
    counts.post = posts;
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
