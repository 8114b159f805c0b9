// Form schemas of two-factor sign-in (shared by the server and the browser, like schemas.ts).
import { z } from "zod";

const required = { required_error: "validation.required", invalid_type_error: "validation.required" };

/** A six-digit code from an authenticator app, or (at sign-in) a recovery code such as k7m2q-x9p4d. */
const codeField = z.string(required).trim().min(1, "validation.required").max(64, "validation.tooLong");

export const enrolConfirmSchema = z.object({ code: codeField, redirectTo: z.string().optional() });

/** Regenerating recovery codes and turning two-factor off ask for the password again. */
export const passwordConfirmSchema = z.object({ password: z.string(required).max(200, "validation.passwordTooLong") });

export const secondStepSchema = z.object({
  code: codeField,
  rememberBrowser: z.boolean().optional(),
  redirectTo: z.string().optional(),
});
