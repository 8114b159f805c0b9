// The reasons the account services (joining, the review of applications and profile changes,
// roles and suspensions, settings, two-factor sign-in) give for refusing, and what the routes say
// for each: status, catalogue message and, where it concerns one, the form field.
import type { Explanations } from "~/utils/failure.server";

export type AccountReason =
  | "forbidden"
  | "not_found"
  /** The application was reviewed meanwhile (a stale page). */
  | "not_pending"
  /** The email address or the username belongs to another account (details: `taken`). */
  | "taken"
  /** The member already has a request to change their vetted fields waiting. */
  | "change_pending"
  /** The request asks for the member type and organisation the member already has. */
  | "unchanged"
  /** The profile change request was decided or withdrawn meanwhile. */
  | "change_decided"
  /** Two-factor sign-in is already on (no enrolment to start). */
  | "already_enabled"
  /** Two-factor sign-in is off (no recovery codes to renew, nothing to turn off). */
  | "not_enabled"
  /** A code that is not the authenticator's current one, at enrolment. */
  | "wrong_code"
  /** No enrolment is under way (it was confirmed or cancelled in another tab). */
  | "not_enrolling"
  /** The second step of signing in: the pending sign-in is gone (expired, or the factor was removed). */
  | "sign_in_expired"
  /** The second step of signing in: a wrong, reused or already spent code. */
  | "sign_in_wrong_code"
  /** The second step of signing in: one wrong code too many ended it; the password is asked again. */
  | "sign_in_ended";

export const ACCOUNT_FAILURES: Explanations<AccountReason> = {
  forbidden: { message: "errors.body403" },
  not_found: { message: "errors.body404" },
  not_pending: { status: 409, message: "admin.alreadyReviewed" },
  taken: { status: 400, message: "validation.emailTaken", field: "email" },
  change_pending: { status: 409, message: "account.vetted.alreadyPending" },
  unchanged: { status: 400, message: "account.vetted.unchanged" },
  change_decided: { status: 409, message: "account.review.alreadyDecided" },
  already_enabled: { status: 409, message: "security.twoFactor.settingsOn" },
  not_enabled: { status: 409, message: "security.twoFactor.settingsOff" },
  wrong_code: { status: 400, message: "security.twoFactor.codeWrong", field: "code" },
  not_enrolling: { status: 400, message: "security.twoFactor.notEnrolling", field: "code" },
  sign_in_expired: { status: 400, message: "security.signIn.expired" },
  sign_in_wrong_code: { status: 400, message: "security.signIn.codeWrong" },
  sign_in_ended: { status: 400, message: "security.signIn.ended" },
};

/** The messages of a `taken` failure, beside each field that is taken. */
export function takenFieldErrors(taken: { email: boolean; username: boolean }): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  if (taken.email) fieldErrors.email = ["validation.emailTaken"];
  if (taken.username) fieldErrors.username = ["validation.usernameTaken"];
  return fieldErrors;
}
