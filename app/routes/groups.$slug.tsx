// A working group's space: its header (what the group is, the viewer's role, what they may do)
// and tabs; each tab is a child route.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { GroupHeader } from "~/components/group/group-header";
import { countGroupMembers, isWatching } from "~/models/group.server";
import { countPendingRequests, findPendingRequest } from "~/models/join-request.server";
import { can, groupRole } from "~/policies";
import { readGroup } from "~/services/groups/context.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, group, resource } = await readGroup(request, params.slug);
  const role = groupRole(viewer, group.id) ?? null;
  const manageMembers = can(viewer, "group:manage-members", resource);
  const [memberCount, pendingRequest, watching, pendingRequestCount] = await Promise.all([
    countGroupMembers(db, group.id),
    viewer && !role ? findPendingRequest(db, group.id, viewer.id) : undefined,
    viewer ? isWatching(db, group.id, viewer.id, role !== null) : false,
    manageMembers ? countPendingRequests(db, group.id) : 0,
  ]);
  return {
    group: { id: group.id, slug: group.slug, name: group.name, purpose: group.purpose, visibility: group.visibility },
    memberCount,
    viewerRole: role,
    pendingRequest: pendingRequest ? { createdAt: pendingRequest.created_at } : null,
    watching,
    pendingRequestCount,
    can: {
      join: can(viewer, "group:join", resource),
      requestJoin: can(viewer, "group:request-join", resource),
      leave: can(viewer, "group:leave", resource),
      watch: can(viewer, "group:watch", resource),
      edit: can(viewer, "group:edit", resource),
      manageMembers,
    },
    signInToJoin: viewer === null && group.visibility !== "private",
    title: group.name,
  };
}

export default function GroupSpace() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page group-space">
      <GroupHeader data={data} />
      <Outlet />
    </div>
  );
}
