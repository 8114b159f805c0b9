// The intents of the applications page: approving or rejecting an application to join, and
// approving or rejecting a member's request to change their member type or organisation.
import { data, redirect } from "@remix-run/node";
import { findProfileChange } from "~/models/profile-change.server";
import { findUserById, userResource } from "~/models/user.server";
import { authorize, type Viewer } from "~/policies";
import { applicationReviewSchema, profileChangeDecisionSchema } from "~/schemas/admin";
import { ACCOUNT_FAILURES, type AccountReason } from "~/services/account/failures";
import { approveApplication, checkApplicationReview, rejectApplication } from "~/services/account/applications.server";
import { approveProfileChange, rejectProfileChange } from "~/services/account/profile-changes.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { getDb } from "~/utils/db.server";
import { explain } from "~/utils/failure.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { adminPath, withParam } from "~/utils/paths";
import type { Fail } from "~/utils/result";

export interface ReviewArgs {
  viewer: Viewer;
  form: Record<string, FormDataEntryValue>;
  request: Request;
}

const PROFILE_CHANGES = "profile-changes";

/** A refusal shown beside the application or request it concerns; 404 and 403 answer their pages. */
function refuse<K extends "userId" | "requestId">(key: K, id: number, failure: Fail<AccountReason>) {
  if (failure.reason === "not_found") notFound();
  if (failure.reason === "forbidden") forbidden();
  const { status, message } = explain(ACCOUNT_FAILURES, failure);
  return data({ [key]: id, error: message } as Record<K, number> & { error: string }, { status });
}

/** The application named by the form, checked for review (also the answer to an unknown intent). */
async function applicationUnderReview({ viewer, form }: ReviewArgs) {
  const parsed = applicationReviewSchema.safeParse(form);
  if (!parsed.success) {
    const userId = Number(form.userId);
    if (!Number.isSafeInteger(userId)) badRequest();
    return {
      ok: false as const,
      refused: data({ userId, error: parsed.error.issues[0]?.message ?? "validation.formInvalid" }, { status: 400 }),
    };
  }
  const user = await findUserById(getDb(), parsed.data.userId);
  if (!user) notFound();
  const check = checkApplicationReview(viewer, user);
  if (!check.ok) return { ok: false as const, refused: refuse("userId", user.id, check) };
  return { ok: true as const, review: parsed.data, user };
}

export async function approveApplicationAction(args: ReviewArgs) {
  const found = await applicationUnderReview(args);
  if (!found.ok) return found.refused;
  const { user } = found;
  const result = await approveApplication(getDb(), args.viewer, user.id);
  if (!result.ok) return refuse("userId", user.id, result);
  return redirect(withParam(adminPath(), "approved", user.display_name));
}

export async function rejectApplicationAction(args: ReviewArgs) {
  const found = await applicationUnderReview(args);
  if (!found.ok) return found.refused;
  const { review, user } = found;
  if (review.intent !== "reject") badRequest();
  requireConfirmation(args.request, args.form, "rejectApplication", { name: user.display_name });
  const result = await rejectApplication(getDb(), args.viewer, user.id, review.reason);
  if (!result.ok) return refuse("userId", user.id, result);
  return redirect(withParam(adminPath(), "rejected", user.display_name));
}

/** Any other intent is refused as the review form's validation always refused it. */
export async function invalidReviewAction(args: ReviewArgs) {
  const found = await applicationUnderReview(args);
  if (!found.ok) return found.refused;
  badRequest();
}

/** The profile change request named by the form and its member, whom the viewer may decide for. */
async function requestToDecide({ viewer, form }: ReviewArgs) {
  const parsed = profileChangeDecisionSchema.safeParse(form);
  if (!parsed.success) {
    const requestId = Number(form.request);
    if (!/^[1-9][0-9]{0,15}$/.test(String(form.request)) || !Number.isSafeInteger(requestId)) badRequest();
    return {
      ok: false as const,
      refused: data({ requestId, error: parsed.error.issues[0]?.message ?? "validation.formInvalid" }, { status: 400 }),
    };
  }
  const db = getDb();
  const change = await findProfileChange(db, parsed.data.request);
  if (!change) notFound();
  const user = await findUserById(db, change.user_id);
  if (!user) notFound();
  authorize(viewer, "profile-change:review", userResource(user));
  return { ok: true as const, decision: parsed.data, change, user };
}

export async function approveChangeAction(args: ReviewArgs) {
  const found = await requestToDecide(args);
  if (!found.ok) return found.refused;
  const { change, user } = found;
  const result = await approveProfileChange(getDb(), args.viewer, change.id);
  if (!result.ok) return refuse("requestId", change.id, result);
  return redirect(withParam(adminPath(), "changeApproved", user.display_name, PROFILE_CHANGES));
}

export async function rejectChangeAction(args: ReviewArgs) {
  const found = await requestToDecide(args);
  if (!found.ok) return found.refused;
  const { decision, change, user } = found;
  if (decision.intent !== "reject-change") badRequest();
  requireConfirmation(args.request, args.form, "rejectProfileChange", { name: user.display_name });
  const result = await rejectProfileChange(getDb(), args.viewer, change.id, decision.reason);
  if (!result.ok) return refuse("requestId", change.id, result);
  return redirect(withParam(adminPath(), "changeRejected", user.display_name, PROFILE_CHANGES));
}
