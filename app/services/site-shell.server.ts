// What every page's frame shows (header, banners, language): the root loader's data. Kept out of
// app/root.tsx so that the hook that reads it (app/utils/use-site.ts) does not import the root.
import { countUnread } from "~/models/notification.server";
import { findUserById } from "~/models/user.server";
import { readableScope, shellPermissions } from "~/policies";
import { getAuth } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { requestLanguage } from "~/utils/i18n.server";

export async function loadSiteShell(request: Request) {
  const auth = await getAuth(request);
  const { viewer } = auth;
  const language = requestLanguage(request, viewer);
  let application: { status: string; reason: string | null } | null = null;
  if (viewer && viewer.status !== "approved") {
    const user = await findUserById(getDb(), viewer.id);
    application = { status: viewer.status, reason: user?.rejection_reason ?? null };
  }
  const unreadNotifications = viewer ? await countUnread(getDb(), viewer.id, readableScope(viewer)) : 0;
  const shell = {
    language,
    viewer: viewer && {
      id: viewer.id,
      username: viewer.username,
      displayName: viewer.displayName,
      status: viewer.status,
      siteRole: viewer.siteRole,
      timeZone: viewer.timeZone,
    },
    application,
    unreadNotifications,
    permissions: shellPermissions(viewer),
  };
  return { shell, setCookie: auth.setCookie };
}

export type SiteShell = Awaited<ReturnType<typeof loadSiteShell>>["shell"];
