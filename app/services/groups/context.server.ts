// The first and last steps of every working-group route: who is asking, which group, and may they
// read it (a private group answers 404 to everyone but its members); which intent of a page's form
// to run; and how a refusal of a service is answered.
import { runIntent as runIntentOf } from "~/utils/intents.server";
import { data } from "@remix-run/node";
import type { GroupRole } from "~/domain/vocabulary";
import { findCalendarTokenHolder, findGroupBySlug, groupResource } from "~/models/group.server";
import { findMeeting } from "~/models/meeting.server";
import { findProposal } from "~/models/proposal.server";
import { viewerFromRow } from "~/models/viewer.server";
import { authorize, can, type Viewer } from "~/policies";
import { getViewer, requireViewer } from "~/utils/auth.server";
import { getDb, type DB } from "~/utils/db.server";
import { explain, replyErrors } from "~/utils/failure.server";
import { badRequest, notFound, parseId } from "~/utils/http.server";
import type { Fail } from "~/utils/result";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";
import { GROUP_FAILURES, type GroupReason } from "./failures";

async function groupFor(viewer: Viewer | null, slug: string | undefined) {
  const db = getDb();
  const group = await findGroupBySlug(db, slug ?? "");
  if (!group) notFound();
  const resource = groupResource(group);
  authorize(viewer, "group:read", resource);
  return { db, group, resource };
}

/** For pages: the viewer (maybe anonymous) and the group they may read. */
export async function readGroup(request: Request, slug: string | undefined) {
  const viewer = await getViewer(request);
  return { viewer, ...(await groupFor(viewer, slug)) };
}

/**
 * For forms: the group the viewer may read and a signed-in viewer. The group is checked first, so
 * an unknown or private group answers 404 even to anonymous visitors; a group they may read sends
 * them to sign in.
 */
export async function requireGroupViewer(request: Request, slug: string | undefined) {
  const context = await groupFor(await getViewer(request), slug);
  const viewer = await requireViewer(request);
  return { viewer, ...context };
}

type GroupContext = { db: DB; group: { id: number } };

/** One of the group's meetings, by the id in the address, or 404. */
export async function meetingOf({ db, group }: GroupContext, meetingId: string | undefined) {
  const meeting = await findMeeting(db, group.id, parseId(meetingId));
  if (!meeting) notFound();
  return meeting;
}

/** One of the group's proposals, by the id in the address, or 404. */
export async function proposalOf({ db, group }: GroupContext, proposalId: string | undefined) {
  const proposal = await findProposal(db, group.id, parseId(proposalId));
  if (!proposal) notFound();
  return proposal;
}

/**
 * For the forms chairs (and editors) fill in about a meeting (rescheduling, minutes): the group,
 * the meeting, and a viewer who may take `action`, with their second factor where it is required.
 */
export async function requireMeetingForm(
  request: Request,
  params: { slug?: string; meetingId?: string },
  action: "meeting:schedule" | "meeting:record-minutes",
) {
  const context = await requireGroupViewer(request, params.slug);
  const meeting = await meetingOf(context, params.meetingId);
  authorize(context.viewer, action, context.resource);
  requireSecondFactorIfNeeded(context.viewer, request);
  return { ...context, meeting };
}

/** What each intent handler of a group page's action gets: the signed-in viewer, the group, the request and its form. */
export type GroupAction = Awaited<ReturnType<typeof requireGroupViewer>> & { request: Request; formData: FormData };

/**
 * Runs the handler of the form's `intent` (a page's action is a table of named handlers, one per
 * intent), or answers 400 for an intent the page does not know.
 */
export function runIntent<C extends { formData: FormData }, H extends Record<string, (context: C) => unknown>>(
  handlers: H,
  context: C,
): ReturnType<H[keyof H]> {
  return runIntentOf(handlers, context.formData.get("intent"), context, () => badRequest());
}

/**
 * For calendar files, which calendar applications fetch without a session: the signed-in viewer,
 * or else the member whose private feed token is in `?token=` (only for this group, only while
 * they are an approved member of it).
 */
export async function readGroupCalendar(request: Request, slug: string | undefined) {
  const db = getDb();
  const group = await findGroupBySlug(db, slug ?? "");
  if (!group) notFound();
  const resource = groupResource(group);
  const sessionViewer = await getViewer(request);
  if (can(sessionViewer, "group:read", resource)) return { viewer: sessionViewer, db, group, resource, viaToken: false };
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const holder = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findCalendarTokenHolder(db, group.id, token) : undefined;
  // The token speaks for this one group only.
  const tokenViewer = holder ? viewerFromRow(holder, { [group.id]: holder.group_role as GroupRole }) : null;
  authorize(tokenViewer, "group:read", resource);
  return { viewer: tokenViewer, db, group, resource, viaToken: true };
}

/** The answer of an action whose service refused: the reason's message (and what else the page reads), with its status. */
export function refused<E extends object = object>(failure: Fail<GroupReason>, extra?: E) {
  const explained = explain(GROUP_FAILURES, failure);
  return data({ error: explained.message, ...(extra as E) }, { status: explained.status });
}

/** The answer of a form whose service refused: the reason's message beside its field, with its status. */
export function refusedForm<S extends { reply: (options: ReturnType<typeof replyErrors>) => unknown }, E extends object = object>(
  submission: S,
  failure: Fail<GroupReason>,
  extra?: E,
) {
  const explained = explain(GROUP_FAILURES, failure);
  const result = submission.reply(replyErrors(explained)) as ReturnType<S["reply"]>;
  return data({ ...(extra as E), result }, { status: explained.status });
}
