// The intents of the two-factor settings: starting, cancelling and confirming an enrolment,
// forgetting remembered browsers, and (with the password) new recovery codes or turning it off.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { rateLimit } from "~/models/rate-limit.server";
import { findUserById } from "~/models/user.server";
import type { Viewer } from "~/policies";
import { enrolConfirmSchema, passwordConfirmSchema } from "~/schemas/security";
import { ACCOUNT_FAILURES } from "~/services/account/failures";
import {
  beginEnrolment,
  cancelEnrolment,
  confirmEnrolment,
  disableTwoFactor,
  forgetRememberedBrowsers,
  regenerateRecoveryCodes,
} from "~/services/account/two-factor.server";
import { getDb } from "~/utils/db.server";
import { explain, replyErrors } from "~/utils/failure.server";
import { forbidden } from "~/utils/http.server";
import { verifyPassword } from "~/utils/password.server";
import { twoFactorSettingsPath, withParam } from "~/utils/paths";
import { safeRedirect } from "~/utils/safe-redirect";

export interface TwoFactorArgs {
  viewer: Viewer;
  formData: FormData;
}

/** Where to go once enrolled: the page that asked for it, if any (a path on this site). */
export function returnPath(value: FormDataEntryValue | string | null | undefined): string {
  return safeRedirect(value, "");
}

function tooMany(intent: string, retryAfter: number) {
  return data(
    {
      intent,
      result: { status: "error" as const, error: { "": ["security.twoFactor.tooMany"] } },
      recoveryCodes: null,
      redirectTo: "",
    },
    { status: 429, headers: { "Retry-After": String(retryAfter) } },
  );
}

const limitManagement = (viewer: Viewer) => rateLimit("twoFactorManage", `user:${viewer.id}`);

export async function startAction({ viewer, formData }: TwoFactorArgs) {
  const back = returnPath(formData.get("redirectTo"));
  const result = await beginEnrolment(getDb(), viewer);
  if (!result.ok && result.reason === "forbidden") forbidden();
  return redirect(back ? withParam(twoFactorSettingsPath(), "redirectTo", back) : twoFactorSettingsPath());
}

export async function cancelAction({ viewer }: TwoFactorArgs) {
  const result = await cancelEnrolment(getDb(), viewer);
  if (!result.ok && result.reason === "forbidden") forbidden();
  return redirect(twoFactorSettingsPath());
}

export async function forgetBrowsersAction({ viewer }: TwoFactorArgs) {
  const result = await forgetRememberedBrowsers(getDb(), viewer);
  if (!result.ok) forbidden();
  return redirect(twoFactorSettingsPath({ saved: "browsers" }));
}

export async function confirmAction({ viewer, formData }: TwoFactorArgs) {
  const intent = "confirm";
  const back = returnPath(formData.get("redirectTo"));
  const submission = parseWithZod(formData, { schema: enrolConfirmSchema });
  if (submission.status !== "success") {
    return data(
      { intent, result: submission.reply({ hideFields: ["code"] }), recoveryCodes: null, redirectTo: back },
      { status: 400 },
    );
  }
  const retryAfter = await limitManagement(viewer);
  if (retryAfter > 0) return tooMany(intent, retryAfter);
  const result = await confirmEnrolment(getDb(), viewer, submission.value.code);
  if (!result.ok) {
    if (result.reason === "forbidden") forbidden();
    const explained = explain(ACCOUNT_FAILURES, result);
    return data(
      {
        intent,
        result: submission.reply({ ...replyErrors(explained), hideFields: ["code"] }),
        recoveryCodes: null,
        redirectTo: back,
      },
      { status: explained.status },
    );
  }
  // Shown in this answer only: the database keeps their hashes.
  return data(
    { intent, result: submission.reply({ resetForm: true }), recoveryCodes: result.value.recoveryCodes, redirectTo: back },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** Checks the password a change to the second factor is confirmed with; answers the refusal, if any. */
async function refusePassword(viewer: Viewer, formData: FormData, intent: "regenerate" | "disable") {
  const submission = parseWithZod(formData, { schema: passwordConfirmSchema });
  if (submission.status !== "success") {
    return {
      submission,
      refused: data(
        { intent, result: submission.reply({ hideFields: ["password"] }), recoveryCodes: null, redirectTo: "" },
        { status: 400 },
      ),
    };
  }
  const retryAfter = await limitManagement(viewer);
  if (retryAfter > 0) return { submission, refused: tooMany(intent, retryAfter) };
  const user = await findUserById(getDb(), viewer.id);
  if (!user || !(await verifyPassword(user.password_hash, submission.value.password))) {
    return {
      submission,
      refused: data(
        {
          intent,
          result: submission.reply({ fieldErrors: { password: ["validation.currentPasswordWrong"] }, hideFields: ["password"] }),
          recoveryCodes: null,
          redirectTo: "",
        },
        { status: 400 },
      ),
    };
  }
  return { submission, refused: null };
}

export async function regenerateAction({ viewer, formData }: TwoFactorArgs) {
  const { submission, refused } = await refusePassword(viewer, formData, "regenerate");
  if (refused) return refused;
  const result = await regenerateRecoveryCodes(getDb(), viewer);
  if (!result.ok) return redirect(twoFactorSettingsPath());
  return data(
    { intent: "regenerate", result: submission.reply({ resetForm: true }), recoveryCodes: result.value, redirectTo: "" },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function disableAction({ viewer, formData }: TwoFactorArgs) {
  const { refused } = await refusePassword(viewer, formData, "disable");
  if (refused) return refused;
  await disableTwoFactor(getDb(), viewer);
  return redirect(twoFactorSettingsPath({ saved: "disabled" }));
}
