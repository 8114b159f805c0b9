// The intents of the administrators' members page: a member's site role, suspending and
// reinstating them, and resetting their second factor.
import { data, redirect } from "@remix-run/node";
import { findUserById, userResource } from "~/models/user.server";
import { authorize, type Viewer } from "~/policies";
import { memberActionSchema } from "~/schemas/admin";
import { ACCOUNT_FAILURES, type AccountReason } from "~/services/account/failures";
import { changeSiteRole, setSuspended } from "~/services/account/applications.server";
import { resetTwoFactor } from "~/services/account/two-factor.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { getDb } from "~/utils/db.server";
import { explain } from "~/utils/failure.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { adminPath } from "~/utils/paths";
import type { Fail } from "~/utils/result";

export interface MemberActionArgs {
  viewer: Viewer;
  form: Record<string, FormDataEntryValue>;
  request: Request;
}

/** The form, checked; an invalid one is refused beside the member's row. */
function parseMemberForm(form: MemberActionArgs["form"]) {
  const parsed = memberActionSchema.safeParse(form);
  if (parsed.success) return { ok: true as const, input: parsed.data };
  const userId = Number(form.userId);
  if (!Number.isSafeInteger(userId)) badRequest();
  return {
    ok: false as const,
    refused: data({ userId, error: parsed.error.issues[0]?.message ?? "validation.formInvalid" }, { status: 400 }),
  };
}

/** The form's member, when the viewer may take this action on them (else the 404 or 403 page). */
async function memberToManage(
  { viewer, form }: MemberActionArgs,
  action: "user:change-role" | "user:suspend" | "user:reset-two-factor",
) {
  const parsed = parseMemberForm(form);
  if (!parsed.ok) return parsed;
  const user = await findUserById(getDb(), parsed.input.userId);
  if (!user) notFound();
  authorize(viewer, action, userResource(user));
  return { ok: true as const, input: parsed.input, user };
}

/** Back to the list as it was filtered, with a notice of what was done. */
function done(request: Request, notice: string, value: string) {
  const params = new URLSearchParams(new URL(request.url).search);
  params.set(notice, value);
  return redirect(`${adminPath("members")}?${params}`);
}

function refuse(userId: number, failure: Fail<AccountReason>) {
  if (failure.reason === "not_found") notFound();
  if (failure.reason === "forbidden") forbidden();
  const { status, message } = explain(ACCOUNT_FAILURES, failure);
  return data({ userId, error: message }, { status });
}

export async function changeRoleAction(args: MemberActionArgs) {
  const found = await memberToManage(args, "user:change-role");
  if (!found.ok) return found.refused;
  const { input, user } = found;
  if (input.intent !== "role") badRequest();
  const result = await changeSiteRole(getDb(), args.viewer, user.id, input.role);
  if (!result.ok) return refuse(user.id, result);
  return done(args.request, "changed", `${user.display_name}|${input.role}`);
}

export async function resetTwoFactorAction(args: MemberActionArgs) {
  const found = await memberToManage(args, "user:reset-two-factor");
  if (!found.ok) return found.refused;
  const { user } = found;
  const result = await resetTwoFactor(getDb(), args.viewer, user.id, "admin");
  if (!result.ok) return refuse(user.id, result);
  return done(args.request, "reset", user.display_name);
}

async function suspension(args: MemberActionArgs, suspended: boolean) {
  const found = await memberToManage(args, "user:suspend");
  if (!found.ok) return found.refused;
  const { input, user } = found;
  if (input.intent !== "suspend" && input.intent !== "reinstate") badRequest();
  if (suspended) requireConfirmation(args.request, args.form, "suspendMember", { name: user.display_name });
  const result = await setSuspended(getDb(), args.viewer, user.id, suspended, input.reason);
  if (!result.ok) return refuse(user.id, result);
  return done(args.request, suspended ? "suspended" : "reinstated", user.display_name);
}

export const suspendAction = (args: MemberActionArgs) => suspension(args, true);

export const reinstateAction = (args: MemberActionArgs) => suspension(args, false);

/** Any other intent is refused as the form's validation always refused it. */
export async function invalidMemberAction({ form }: MemberActionArgs) {
  const parsed = parseMemberForm(form);
  if (!parsed.ok) return parsed.refused;
  badRequest();
}
