// A document as the document services decide on it: the policy resource (status, group, latest
// consultation), what a viewer may do with it, and the same read again inside a write transaction
// so that every service checks can() against the document as it stands when it writes.
import { latestConsultation, type ConsultationRow } from "~/models/consultation.server";
import { findDocumentWithGroup, type findDocumentBySlug } from "~/models/document.server";
import { can, type Viewer } from "~/policies";
import { consultationState, type DocumentResource, type DocumentRules } from "~/policies/documents";
import type { Tx } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import type { AccessReason } from "./failures";

/** A document with its group's slug, name and visibility, as the pages and services load it. */
export type LoadedDocument = NonNullable<Awaited<ReturnType<typeof findDocumentBySlug>>>;

/** The state of a consultation's window now (or at `now`). */
export function consultationStateOf(window: Pick<ConsultationRow, "opens_at" | "closes_at">, now = Date.now()) {
  return consultationState({ opensAt: window.opens_at, closesAt: window.closes_at }, now);
}

export function documentResource(
  document: Pick<LoadedDocument, "group_id" | "group_visibility" | "status">,
  consultation: ConsultationRow | undefined | null,
): DocumentResource {
  return {
    kind: "document",
    groupId: document.group_id,
    groupVisibility: document.group_visibility,
    status: document.status,
    consultation: consultation
      ? { audience: consultation.audience, opensAt: consultation.opens_at, closesAt: consultation.closes_at }
      : null,
  };
}

export function documentPermissions(viewer: Viewer | null, resource: DocumentResource) {
  return {
    readDraft: can(viewer, "document:read-draft", resource),
    edit: can(viewer, "document:edit", resource),
    manage: can(viewer, "document:manage", resource),
    comment: can(viewer, "document:comment", resource),
    propose: can(viewer, "document:propose", resource),
    reviewProposals: can(viewer, "document:review-proposal", resource),
    consult: can(viewer, "document:consult", resource),
    disposition: can(viewer, "document:disposition", resource),
    publish: can(viewer, "document:publish", resource),
    withdraw: can(viewer, "document:withdraw", resource),
  };
}

export type DocumentPermissions = ReturnType<typeof documentPermissions>;

/** The document as it stands now: its row, its latest consultation and its policy resource. */
export interface DocumentNow {
  document: LoadedDocument;
  consultation: ConsultationRow | null;
  resource: DocumentResource;
}

/** Reads the document again (inside the caller's write transaction); undefined if it is gone. */
export async function documentNow(trx: Tx, documentId: number): Promise<DocumentNow | undefined> {
  const document = await findDocumentWithGroup(trx, documentId);
  if (!document) return undefined;
  const consultation = (await latestConsultation(trx, documentId)) ?? null;
  return { document, consultation, resource: documentResource(document, consultation) };
}

/** The actions on a whole document (as opposed to a group, a comment or a proposal). */
export type DocumentAction = {
  [A in keyof DocumentRules]: DocumentRules[A] extends DocumentResource ? A : never;
}[keyof DocumentRules];

/**
 * The document as it stands now, once the viewer may take `action` on it: the first step of every
 * write of the document services, inside their transaction.
 */
export async function documentFor(
  trx: Tx,
  viewer: Viewer,
  documentId: number,
  action: DocumentAction,
): Promise<Result<DocumentNow, AccessReason>> {
  const now = await documentNow(trx, documentId);
  if (!now) return fail("not_found");
  return can(viewer, action, now.resource) ? ok(now) : fail("forbidden");
}
