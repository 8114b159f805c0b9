// The moderation queue's decisions on a post, one handler each. The services look the post up and
// re-check can() inside their transactions (404 when it is gone, 403 when the moderator may not).
import { redirect } from "@remix-run/node";
import type { Viewer } from "~/policies";
import { dismissFlags, hidePost, unhidePost } from "~/services/forum/moderation.server";
import { refuse } from "~/services/forum/refuse.server";
import { getDb } from "~/utils/db.server";
import { adminPath } from "~/utils/paths";

export interface ModerationActionArgs {
  viewer: Viewer;
  topicId: number;
  number: number;
}

type Decision = typeof unhidePost;

async function decide({ viewer, topicId, number }: ModerationActionArgs, decision: Decision, done: string) {
  const result = await decision(getDb(), viewer, topicId, number);
  if (!result.ok) refuse(result);
  return redirect(adminPath("moderation", { done }));
}

export const hideAction = (args: ModerationActionArgs) => decide(args, hidePost, "hide");
export const restoreAction = (args: ModerationActionArgs) => decide(args, unhidePost, "restore");
export const dismissAction = (args: ModerationActionArgs) => decide(args, dismissFlags, "dismiss");
