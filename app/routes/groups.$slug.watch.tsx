// Watch or stop watching a group (notifications of new meetings, proposals and decisions).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/policies";
import { refused, requireGroupViewer } from "~/services/groups/context.server";
import { setWatching } from "~/services/groups/membership.server";
import { readForm } from "~/utils/form.server";
import { badRequest } from "~/utils/http.server";
import { groupPath } from "~/utils/paths";
import { safeRedirect } from "~/utils/safe-redirect";

// Watching changes data, so it is a POST; a GET goes to the group's page (which decides who may see it).
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(groupPath(params.slug ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, group, resource } = await requireGroupViewer(request, params.slug);
  authorize(viewer, "group:watch", resource);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent !== "watch" && intent !== "unwatch") badRequest();
  const result = await setWatching(db, viewer, group, intent === "watch");
  if (!result.ok) return refused(result);
  const back = safeRedirect(String(form.get("redirectTo") ?? ""), groupPath(group.slug));
  const url = new URL(back, "http://x");
  url.searchParams.set("watch", intent === "watch" ? "on" : "off");
  return redirect(url.pathname + url.search);
}
