// Consultations of the draft: a chair opens one (window, audience, note to reviewers) and may close
// it early — or cancel it before it opens; once it has closed, the drafting team records a
// disposition and a response for each consultation comment.
import type { ConsultationAudience, Disposition } from "~/domain/vocabulary";
import { closeConsultationNow, insertConsultation } from "~/models/consultation.server";
import { findComment, setDisposition } from "~/models/doc-comment.server";
import { setDocumentStatus } from "~/models/document.server";
import { notify } from "~/models/notification.server";
import type { Viewer } from "~/policies";
import { MAX_CONSULTATION_DAYS } from "~/schemas/documents";
import { indexDraft } from "~/services/search/indexers.server";
import type { DB } from "~/utils/db.server";
import { writeTransaction } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { documentPath } from "~/utils/paths";
import { fail, ok, type Result } from "~/utils/result";
import type { AccessReason, WindowReason } from "./failures";
import { auditDocument, groupMemberIds } from "./notices.server";
import { consultationStateOf, documentFor, type LoadedDocument } from "./resource.server";

const DAY = 86_400_000;

/** The window's bounds: a start date of today opens at once; the end date closes at its last millisecond (UTC). */
export function consultationWindow(
  opensOn: string,
  closesOn: string,
  now = Date.now(),
): Result<{ opensAt: string; closesAt: string }, WindowReason> {
  const start = Date.parse(`${opensOn}T00:00:00.000Z`);
  const end = Date.parse(`${closesOn}T23:59:59.999Z`);
  if (Number.isNaN(start)) return fail("opens_on_invalid");
  if (Number.isNaN(end)) return fail("closes_on_invalid");
  if (opensOn < new Date(now).toISOString().slice(0, 10)) return fail("start_in_past");
  if (end <= start) return fail("end_before_start");
  if (end - start > MAX_CONSULTATION_DAYS * DAY) return fail("window_too_long");
  return ok({ opensAt: new Date(Math.max(start, now)).toISOString(), closesAt: new Date(end).toISOString() });
}

export interface ConsultationInput {
  /** YYYY-MM-DD: the first and the last day of the window. */
  opensOn: string;
  closesOn: string;
  audience: ConsultationAudience;
  note: string;
}

export async function openConsultation(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  input: ConsultationInput,
): Promise<Result<number, WindowReason | AccessReason | "consultation_already_open">> {
  const window = consultationWindow(input.opensOn, input.closesOn);
  if (!window.ok) return window;
  const { opensAt, closesAt } = window.value;
  return writeTransaction(db, async (trx) => {
    const access = await documentFor(trx, viewer, document.id, "document:consult");
    if (!access.ok) return access;
    const { document: doc, consultation: current } = access.value;
    if (current && consultationStateOf(current) !== "closed") return fail("consultation_already_open");
    const id = await insertConsultation(trx, {
      documentId: doc.id,
      revisionId: doc.head_revision_id!,
      audience: input.audience,
      note: input.note,
      opensAt,
      closesAt,
      openedBy: viewer.id,
    });
    if (doc.status === "working_draft" || doc.status === "final_draft") await setDocumentStatus(trx, doc.id, "consultation");
    await indexDraft(trx, doc.id);
    await auditDocument(trx, viewer, "document.consultation.open", ["document", doc.id], {
      consultationId: id,
      audience: input.audience,
      opensAt,
      closesAt,
    });
    // The group always hears of it; a members or public consultation is announced to every approved member.
    const recipients =
      doc.group_visibility === "private"
        ? await groupMemberIds(trx, doc.group_id)
        : (await trx.selectFrom("user").select("id").where("status", "=", "approved").execute()).map((row) => row.id);
    await notify(trx, recipients, {
      kind: "consultation_opened",
      actorId: viewer.id,
      title: doc.title,
      excerpt: input.note,
      url: documentPath(doc.slug),
      privateGroupId: doc.group_visibility === "private" ? doc.group_id : null,
      membersOnly: doc.group_visibility !== "private",
    });
    return ok(id);
  });
}

/** Closes the open consultation now, or cancels a scheduled one. */
export async function closeConsultation(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
): Promise<Result<undefined, AccessReason | "consultation_not_open">> {
  return writeTransaction(db, async (trx) => {
    const access = await documentFor(trx, viewer, document.id, "document:consult");
    if (!access.ok) return access;
    const { document: doc, consultation: current } = access.value;
    if (!current || consultationStateOf(current) === "closed") return fail("consultation_not_open");
    const now = new Date().toISOString();
    // A consultation that has not opened yet is cancelled: its window shrinks to the past millisecond.
    const opensAt = current.opens_at < now ? undefined : new Date(Date.parse(now) - 1).toISOString();
    await closeConsultationNow(trx, current.id, viewer.id, now, opensAt);
    if (doc.status === "consultation") await setDocumentStatus(trx, doc.id, "final_draft", now);
    await indexDraft(trx, doc.id);
    await auditDocument(trx, viewer, "document.consultation.close", ["document", doc.id], {
      consultationId: current.id,
      before: { closesAt: current.closes_at },
      after: { closesAt: now },
    });
    return ok();
  });
}

export interface DispositionInput {
  commentId: number;
  disposition: Disposition;
  response: string;
}

/**
 * The drafting team's answer to a consultation comment, once its consultation has closed: a
 * disposition partly or not accepted needs a response saying why.
 */
export async function recordDisposition(
  db: DB,
  viewer: Viewer,
  document: LoadedDocument,
  input: DispositionInput,
): Promise<Result<undefined, AccessReason | "response_required" | "not_a_consultation_comment" | "consultation_still_open">> {
  return writeTransaction(db, async (trx) => {
    const access = await documentFor(trx, viewer, document.id, "document:disposition");
    if (!access.ok) return access;
    if ((input.disposition === "partly_accepted" || input.disposition === "not_accepted") && !input.response)
      return fail("response_required");
    const comment = await findComment(trx, document.id, input.commentId);
    if (!comment || comment.consultation_id === null || comment.parent_id !== null) return fail("not_a_consultation_comment");
    const window = await trx
      .selectFrom("consultation")
      .select(["opens_at", "closes_at"])
      .where("id", "=", comment.consultation_id)
      .executeTakeFirstOrThrow();
    if (consultationStateOf(window) !== "closed") return fail("consultation_still_open");
    await setDisposition(trx, comment.id, {
      disposition: input.disposition,
      responseMd: input.response,
      responseHtml: input.response ? renderMarkdown(input.response).html : "",
      by: viewer.id,
    });
    await auditDocument(trx, viewer, "document.disposition", ["doc_comment", comment.id], {
      before: comment.disposition,
      after: input.disposition,
    });
    return ok();
  });
}
