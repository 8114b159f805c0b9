// Saving a draft never loses work. Each save names the revision it was based on; inside one write
// transaction (BEGIN IMMEDIATE, so racing saves queue up) the head is read, a stale save is merged
// three-way with what was saved since, the revision is inserted and the head moved. Overlapping
// changes are not merged: the caller gets the conflicting parts and nothing is written.
//
// Every outcome is a Result: saved or unchanged, or a failure — "conflict" with the current text and
// the conflicting parts, or why the draft cannot be saved ("empty", "too_large", "unknown_base", "no_document").
import { findRevisionSource, insertRevision } from "~/models/revision.server";
import type { Viewer } from "~/policies";
import { MAX_DRAFT_BYTES } from "~/schemas/documents";
import type { DB } from "~/utils/db.server";
import { writeTransaction } from "~/utils/db.server";
import { fail, ok, type Fail, type Ok } from "~/utils/result";
import type { AccessReason, SaveReason } from "./failures";
import { indexDraft } from "~/services/search/indexers.server";
import { changeSize, mergeThreeWay, type ConflictPart } from "./diff.server";
import { documentFor } from "./resource.server";
import { normalizeSource, renderRevision, sectionsOf } from "./sections.server";

export interface SaveInput {
  documentId: number;
  authorId: number | null;
  body: string;
  message: string;
  baseRevisionId: number;
  kind?: "edit" | "restore" | "proposal";
  restoredFromId?: number | null;
  proposalId?: number | null;
}

export interface HeadSnapshot {
  id: number;
  body: string;
  createdAt: string;
  authorName: string | null;
}

export type Saved =
  { status: "saved"; revisionId: number; merged: boolean; headBefore: number } | { status: "unchanged"; revisionId: number };

/** What a conflicting save is shown: the text now current and the parts that overlap. */
export interface ConflictDetails {
  head: HeadSnapshot;
  conflicts: ConflictPart[];
}

export type SaveResult = Ok<Saved> | Fail<SaveReason> | Fail<"conflict", ConflictDetails>;

export function draftProblem(body: string): "empty" | "too_large" | null {
  if (!body.trim()) return "empty";
  if (Buffer.byteLength(body, "utf8") > MAX_DRAFT_BYTES) return "too_large";
  return null;
}

/**
 * Saves a draft inside an open write transaction (the caller's), so other steps (accepting a
 * proposal, notifying) commit or roll back with it.
 */
export async function commitDraft(trx: DB, input: SaveInput): Promise<SaveResult> {
  const problem = draftProblem(input.body);
  if (problem) return fail(problem);
  const doc = await trx
    .selectFrom("document")
    .select(["id", "head_revision_id"])
    .where("id", "=", input.documentId)
    .executeTakeFirst();
  if (!doc || doc.head_revision_id === null) return fail("no_document");
  const base = await findRevisionSource(trx, input.documentId, input.baseRevisionId);
  if (!base) return fail("unknown_base");
  const head = base.id === doc.head_revision_id ? base : await findRevisionSource(trx, input.documentId, doc.head_revision_id);
  if (!head) return fail("no_document");

  let text = normalizeSource(input.body);
  let merged = false;
  if (base.id !== head.id) {
    const outcome = mergeThreeWay(text, base.body_md, head.body_md);
    if (!outcome.clean) {
      const author = head.author_id
        ? await trx.selectFrom("user").select("display_name").where("id", "=", head.author_id).executeTakeFirst()
        : undefined;
      return fail("conflict", {
        head: { id: head.id, body: head.body_md, createdAt: head.created_at, authorName: author?.display_name ?? null },
        conflicts: outcome.conflicts,
      });
    }
    text = outcome.text;
    merged = true;
    const mergedProblem = draftProblem(text);
    if (mergedProblem) return fail(mergedProblem);
  }
  if (text === normalizeSource(head.body_md)) return ok({ status: "unchanged", revisionId: head.id });

  const rendered = renderRevision(text, sectionsOf(head));
  const size = changeSize(head.body_md, text);
  const kind = input.kind === "restore" || input.kind === "proposal" ? input.kind : merged ? "merge" : "edit";
  const revisionId = await insertRevision(trx, {
    documentId: input.documentId,
    parentId: head.id,
    authorId: input.authorId,
    message: input.message,
    body: rendered.body,
    html: rendered.html,
    toc: rendered.toc,
    sections: rendered.sections,
    kind,
    basedOnId: merged ? base.id : null,
    restoredFromId: input.restoredFromId ?? null,
    proposalId: input.proposalId ?? null,
    charsAdded: size.added,
    charsRemoved: size.removed,
  });
  const moved = await trx
    .updateTable("document")
    .set({ head_revision_id: revisionId, updated_at: new Date().toISOString() })
    .where("id", "=", input.documentId)
    .where("head_revision_id", "=", head.id)
    .executeTakeFirst();
  // The write lock makes this impossible; if it ever happened, roll everything back.
  if (Number(moved.numUpdatedRows) !== 1) throw new Error("The head of the draft moved during a locked save.");
  await indexDraft(trx, input.documentId);
  return ok({ status: "saved", revisionId, merged, headBefore: head.id });
}

/**
 * Saves the viewer's text of the draft (an edit, or a revision restored) in its own write
 * transaction, once they may edit the document as it stands.
 */
export async function saveDraft(
  db: DB,
  viewer: Viewer,
  input: Omit<SaveInput, "authorId" | "proposalId">,
): Promise<SaveResult | Fail<AccessReason>> {
  return writeTransaction(db, async (trx) => {
    const access = await documentFor(trx, viewer, input.documentId, "document:edit");
    if (!access.ok) return access;
    return commitDraft(trx, { ...input, authorId: viewer.id });
  });
}
