// The intents of a proposal's page: a member votes or comments; a chair records the outcome.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import type { findProposal } from "~/models/proposal.server";
import { authorize } from "~/policies";
import { closeSchema, commentSchema, voteSchema } from "~/schemas/groups";
import { refusedForm, type GroupAction } from "~/services/groups/context.server";
import { castVote, closeProposal, commentOnProposal } from "~/services/groups/decisions.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { decisionPath } from "~/utils/paths";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";

export type ProposalAction = GroupAction & { proposal: NonNullable<Awaited<ReturnType<typeof findProposal>>> };

export async function voteAction({ viewer, db, group, resource, proposal, formData }: ProposalAction) {
  authorize(viewer, "proposal:vote", resource);
  const submission = parseWithZod(formData, { schema: voteSchema });
  if (submission.status !== "success") return data({ intent: "vote", result: submission.reply() }, { status: 400 });
  const result = await castVote(db, viewer, group, proposal.id, submission.value);
  if (!result.ok) return refusedForm(submission, result, { intent: "vote" });
  return redirect(decisionPath(group.slug, proposal.id, { done: "voted" }, "vote"));
}

export async function commentAction({ viewer, db, group, resource, proposal, formData }: ProposalAction) {
  authorize(viewer, "proposal:comment", resource);
  const submission = parseWithZod(formData, { schema: commentSchema });
  if (submission.status !== "success") return data({ intent: "comment", result: submission.reply() }, { status: 400 });
  const result = await commentOnProposal(db, viewer, group, proposal.id, submission.value.body);
  if (!result.ok) return refusedForm(submission, result, { intent: "comment" });
  return redirect(decisionPath(group.slug, proposal.id, { done: "commented" }, "discussion"));
}

export async function closeAction({ viewer, db, group, resource, proposal, request, formData }: ProposalAction) {
  authorize(viewer, "proposal:close", resource);
  requireSecondFactorIfNeeded(viewer, request);
  const submission = parseWithZod(formData, { schema: closeSchema });
  if (submission.status !== "success") return data({ intent: "close", result: submission.reply() }, { status: 400 });
  requireConfirmation(request, formData, "closeProposal", { title: proposal.title });
  const result = await closeProposal(db, viewer, group, proposal.id, submission.value.outcome);
  if (!result.ok) return refusedForm(submission, result, { intent: "close" });
  return redirect(decisionPath(group.slug, proposal.id, { done: "closed" }, "outcome"));
}
