// The first steps of every page of a document's workspace: the document, its latest consultation
// and what the viewer may do with it; where the draft stands; and the refusal pages (404, 403 with
// a consultation's dates) the routes answer with.
import { runIntent as runIntentOf } from "~/utils/intents.server";
import { data, redirect } from "@remix-run/node";
import { latestConsultation, type ConsultationRow } from "~/models/consultation.server";
import { findDocumentBySlug } from "~/models/document.server";
import { groupResource } from "~/models/group.server";
import { latestPublished } from "~/models/published-version.server";
import { authorize, can, type Viewer } from "~/policies";
import { contributionRefusal, type DocumentResource } from "~/policies/documents";
import { getViewer, requireViewer } from "~/utils/auth.server";
import type { DB } from "~/utils/db.server";
import { getDb } from "~/utils/db.server";
import { readForm } from "~/utils/form.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { loginPath, publicationPath } from "~/utils/paths";
import type { Fail } from "~/utils/result";
import { consultationStateOf, documentPermissions, documentResource, type DocumentAction } from "./resource.server";

/**
 * A document by slug with its latest consultation and the viewer's permissions. Unknown slugs and
 * documents of groups the viewer may not read answer 404.
 */
export async function loadDocument(db: DB, viewer: Viewer | null, slug: string) {
  const document = await findDocumentBySlug(db, slug);
  if (!document) notFound();
  if (!can(viewer, "document:read-published", groupResource({ id: document.group_id, visibility: document.group_visibility })))
    notFound();
  const consultation = (await latestConsultation(db, document.id)) ?? null;
  const resource = documentResource(document, consultation);
  return { document, consultation, resource, permissions: documentPermissions(viewer, resource) };
}

/** Where the draft stands, derived from its consultations and publications. */
export function draftStage(
  consultation: Pick<ConsultationRow, "opens_at" | "closes_at"> | null,
  lastPublishedAt: string | null,
  now = Date.now(),
): "working_draft" | "consultation" | "final_draft" {
  if (!consultation) return "working_draft";
  const state = consultationStateOf(consultation, now);
  if (state === "open") return "consultation";
  if (state === "closed" && (!lastPublishedAt || consultation.closes_at > lastPublishedAt)) return "final_draft";
  return "working_draft";
}

/**
 * The document and the viewer, for workspace pages: the draft must be readable. A visitor who is
 * not signed in is sent to sign in when a public consultation is open (they may read it then);
 * with `toLibrary`, readers of the published version are sent there; anyone else gets 404.
 */
export async function readWorkspace(request: Request, slug: string | undefined, options: { toLibrary?: boolean } = {}) {
  const viewer = await getViewer(request);
  const db = getDb();
  const context = await loadDocument(db, viewer, slug ?? "");
  if (!context.permissions.readDraft) {
    const { consultation } = context;
    if (!viewer && consultation?.audience === "public" && consultationStateOf(consultation) === "open") {
      const url = new URL(request.url);
      throw redirect(loginPath(url.pathname + url.search));
    }
    if (options.toLibrary && (await latestPublished(db, context.document.id)))
      throw redirect(publicationPath(context.document.slug));
    notFound();
  }
  return { viewer, db, ...context };
}

/** For forms: a signed-in viewer (else a redirect to sign in) and the document they may see. */
export async function requireDocumentViewer(request: Request, slug: string | undefined) {
  const viewer = await requireViewer(request);
  const db = getDb();
  return { viewer, db, ...(await loadDocument(db, viewer, slug ?? "")) };
}

export type DocumentViewer = Awaited<ReturnType<typeof requireDocumentViewer>>;

/**
 * What an action of a workspace page works with: the signed-in viewer, the document and the form
 * sent. The viewer is authorized for `actions` (in order) before the form is read.
 */
export async function readWorkspaceForm(request: Request, slug: string | undefined, ...actions: DocumentAction[]) {
  const context = await requireDocumentViewer(request, slug);
  for (const action of actions) authorize(context.viewer, action, context.resource);
  const form = Object.fromEntries(await readForm(request)) as Record<string, FormDataEntryValue>;
  return { request, ...context, form };
}

export type WorkspaceForm = Awaited<ReturnType<typeof readWorkspaceForm>>;

/** Runs the handler of the form's intent (400 for an intent the page does not have). */
export function runIntent<
  C extends { form: Record<string, FormDataEntryValue> },
  H extends Record<string, (context: C) => Promise<unknown>>,
>(context: C, handlers: H): ReturnType<H[keyof H]> {
  return runIntentOf(handlers, context.form.intent, context, () => badRequest());
}

/**
 * Refuses a comment or a proposal the way a reader understands: an outsider learns nothing (404);
 * a reviewer whose consultation has closed is told when it closed (403 with the date).
 */
export function authorizeContribution(
  viewer: Viewer | null,
  resource: DocumentResource,
  action: "document:comment" | "document:propose",
): void {
  const refusal = contributionRefusal(viewer, resource, action);
  if (!refusal) return;
  const { status, ...body } = refusal;
  throw data(body, { status });
}

/** The refusal page of a service's failure that is about access (404, 403), not about the form. */
export function throwIfRefused(failure: Fail<string>): void {
  if (failure.reason === "not_found") notFound();
  if (failure.reason === "forbidden") forbidden();
}
