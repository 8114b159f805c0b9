// The first steps of every working-group route: who is asking, which group, and may they read it
// (a private group answers 404 to everyone but its members).
import type { GroupRole } from "~/domain/vocabulary";
import { findCalendarTokenHolder, findGroupBySlug, groupResource } from "~/models/group.server";
import { viewerFromRow } from "~/models/viewer.server";
import { authorize, can, type Viewer } from "~/policies";
import { getViewer, requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";

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
