// The intents of the settings page: the profile, a request to change the vetted fields (and its
// withdrawal), the password, and ending one of the member's sessions.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { findUserById } from "~/models/user.server";
import { authorize, type Viewer } from "~/policies";
import { passwordSchema, profileChangeRequestSchema, profileSchema, withdrawProfileChangeSchema } from "~/schemas/account";
import { ACCOUNT_FAILURES } from "~/services/account/failures";
import { changePassword, revokeSession, updateProfile } from "~/services/account/applications.server";
import { requestProfileChange, withdrawProfileChange } from "~/services/account/profile-changes.server";
import { getAuth } from "~/utils/auth.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { getDb } from "~/utils/db.server";
import { explain, replyErrors } from "~/utils/failure.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { languageCookie } from "~/utils/i18n.server";
import { verifyPassword } from "~/utils/password.server";
import { settingsPath } from "~/utils/paths";

export interface SettingsArgs {
  viewer: Viewer;
  formData: FormData;
  request: Request;
}

const PROFILE_CHANGE = "profile-change";

export async function profileAction({ viewer, formData }: SettingsArgs) {
  const submission = parseWithZod(formData, { schema: profileSchema });
  if (submission.status !== "success")
    return data({ intent: "profile", result: submission.reply(), done: false }, { status: 400 });
  const result = await updateProfile(getDb(), viewer, submission.value);
  if (!result.ok) forbidden();
  return redirect(settingsPath({ saved: "profile" }), { headers: { "Set-Cookie": languageCookie(submission.value.language) } });
}

export async function requestChangeAction({ viewer, formData }: SettingsArgs) {
  authorize(viewer, "profile:request-change");
  const submission = parseWithZod(formData, { schema: profileChangeRequestSchema });
  if (submission.status !== "success") {
    return data({ intent: "request-change", result: submission.reply(), done: false }, { status: 400 });
  }
  const result = await requestProfileChange(getDb(), viewer, submission.value);
  if (!result.ok) {
    if (result.reason === "forbidden") forbidden();
    if (result.reason === "not_found") notFound();
    const explained = explain(ACCOUNT_FAILURES, result);
    return data(
      { intent: "request-change", result: submission.reply(replyErrors(explained)), done: false },
      { status: explained.status },
    );
  }
  return redirect(settingsPath({ saved: "change-requested" }, PROFILE_CHANGE));
}

export async function withdrawChangeAction({ viewer, formData, request }: SettingsArgs) {
  const parsed = withdrawProfileChangeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) badRequest();
  requireConfirmation(request, formData, "withdrawProfileChange");
  const result = await withdrawProfileChange(getDb(), viewer, parsed.data.request);
  return redirect(settingsPath({ saved: result.ok ? "change-withdrawn" : "change-gone" }, PROFILE_CHANGE));
}

export async function passwordAction({ viewer, formData, request }: SettingsArgs) {
  const db = getDb();
  const submission = await parseWithZod(formData, {
    schema: passwordSchema.superRefine(async (value, ctx) => {
      const user = await findUserById(db, viewer.id);
      if (!user || !(await verifyPassword(user.password_hash, value.currentPassword))) {
        ctx.addIssue({ code: "custom", path: ["currentPassword"], message: "validation.currentPasswordWrong" });
      }
    }),
    async: true,
  });
  if (submission.status !== "success") {
    return data(
      {
        intent: "password",
        result: submission.reply({ hideFields: ["currentPassword", "newPassword", "confirmPassword"] }),
        done: false,
      },
      { status: 400 },
    );
  }
  const { session } = await getAuth(request);
  const result = await changePassword(db, viewer, submission.value.newPassword, session?.id ?? null);
  if (!result.ok) forbidden();
  return redirect(settingsPath({ saved: "password" }));
}

export async function revokeAction({ viewer, formData, request }: SettingsArgs) {
  const handle = formData.get("session");
  if (typeof handle !== "string") badRequest();
  requireConfirmation(request, formData, "revokeSession");
  const result = await revokeSession(getDb(), viewer, handle);
  return redirect(settingsPath({ saved: result.ok ? "revoked" : "gone" }));
}
