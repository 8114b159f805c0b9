// The intents of the join page: join an open group, ask to join a closed one, withdraw the request.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { authorize } from "~/policies";
import { joinRequestSchema } from "~/schemas/groups";
import { refused, type GroupAction } from "~/services/groups/context.server";
import { joinOpenGroup, requestToJoin, withdrawRequest } from "~/services/groups/membership.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { groupPath } from "~/utils/paths";

export async function joinAction({ viewer, db, group, resource }: GroupAction) {
  authorize(viewer, "group:join", resource);
  const result = await joinOpenGroup(db, viewer, group);
  if (!result.ok) return refused(result, { result: undefined });
  return redirect(groupPath(group.slug, undefined, { done: "joined" }));
}

export async function requestAction({ viewer, db, group, resource, formData }: GroupAction) {
  authorize(viewer, "group:request-join", resource);
  const submission = parseWithZod(formData, { schema: joinRequestSchema });
  if (submission.status !== "success") return data({ error: null, result: submission.reply() }, { status: 400 });
  const result = await requestToJoin(db, viewer, group, submission.value.motivation);
  if (!result.ok) return refused(result, { result: submission.reply() });
  return redirect(groupPath(group.slug, undefined, { done: "requested" }));
}

export async function withdrawAction({ viewer, db, group, request, formData }: GroupAction) {
  requireConfirmation(request, formData, "withdrawJoinRequest");
  const result = await withdrawRequest(db, viewer, group);
  if (!result.ok) return refused(result, { result: undefined });
  return redirect(groupPath(group.slug, "join", { done: "withdrawn" }));
}
