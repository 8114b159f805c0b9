// Watch or stop watching a group (notifications of new meetings, proposals and decisions).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { authorize } from "~/policies";
import { requireGroupViewer } from "~/services/group-context.server";
import { setWatching } from "~/services/group-membership.server";
import { badRequest } from "~/utils/http.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { readForm } from "~/utils/form.server";

// Watching changes data, so it is a POST; a GET goes to the group's page (which decides who may see it).
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/groups/${encodeURIComponent(params.slug ?? "")}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, group, resource } = await requireGroupViewer(request, params.slug);
  authorize(viewer, "group:watch", resource);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent !== "watch" && intent !== "unwatch") badRequest();
  await setWatching(db, viewer.id, group.id, intent === "watch");
  const back = safeRedirect(String(form.get("redirectTo") ?? ""), `/groups/${group.slug}`);
  const url = new URL(back, "http://x");
  url.searchParams.set("watch", intent === "watch" ? "on" : "off");
  return redirect(url.pathname + url.search);
}
