// Form schemas shared by the server (authoritative) and the browser (early feedback).
// Messages are catalogue keys, translated where they are shown.
import { z } from "zod";
import { LANGUAGES, MEMBER_TYPES, SITE_ROLES } from "~/domain/vocabulary";
import { isCountryCode } from "./countries";
import { currentZoneName, isTimeZone } from "./time-zones";

const required = { required_error: "validation.required", invalid_type_error: "validation.required" };

export const text = (max: number) => z.string(required).trim().min(1, "validation.required").max(max, "validation.tooLong");
export const optionalText = (max: number) => z.string().trim().max(max, "validation.tooLong").optional().default("");

export const emailField = z
  .string(required)
  .trim()
  .max(254, "validation.tooLong")
  .email("validation.email")
  .transform((v) => v.toLowerCase());
export const passwordField = z.string(required).min(12, "validation.passwordLength").max(200, "validation.passwordTooLong");
export const usernameField = z
  .string(required)
  .trim()
  .transform((v) => v.toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]{2,29}$/, "validation.username"));
export const countryField = z
  .string(required)
  .trim()
  .refine(isCountryCode, "validation.country")
  .transform((v) => v.toUpperCase());
export const memberTypeField = z.enum(MEMBER_TYPES, { errorMap: () => ({ message: "validation.memberType" }) });
export const languageField = z.enum(LANGUAGES, { errorMap: () => ({ message: "validation.language" }) });
export const siteRoleField = z.enum(SITE_ROLES, { errorMap: () => ({ message: "validation.role" }) });
/** An IANA zone, by its current or its old name; saved under its current name (Asia/Saigon → Asia/Ho_Chi_Minh). */
export const timeZoneField = z.string(required).trim().refine(isTimeZone, "validation.timeZone").transform(currentZoneName);

export const joinSchema = z.object({
  email: emailField,
  password: passwordField,
  displayName: text(100),
  username: usernameField,
  organization: text(200),
  country: countryField,
  memberType: memberTypeField,
  language: languageField,
  /**
   * The browser's zone, filled in by a hidden field when JavaScript runs, checked like any zone and
   * saved under its current name. Without it, or when this server does not know it (the applicant
   * could not correct a hidden field), the member starts on UTC and chooses in their settings.
   */
  timeZone: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((zone) => (zone && isTimeZone(zone) ? currentZoneName(zone) : undefined)),
});

export const loginSchema = z.object({
  email: z.string(required).trim().max(254, "validation.tooLong"),
  password: z.string(required).max(200, "validation.passwordTooLong"),
  redirectTo: z.string().optional(),
});

/**
 * The fields a member edits directly. Member type and organisation are vetted at admission and are
 * not part of it: a posted memberType or organization is dropped (zod strips unknown keys).
 */
export const profileSchema = z.object({
  intent: z.literal("profile"),
  displayName: text(100),
  country: countryField,
  language: languageField,
  timeZone: timeZoneField,
  bio: optionalText(2000),
});

/** A request to an administrator to change the vetted fields. */
export const profileChangeRequestSchema = z.object({
  intent: z.literal("request-change"),
  memberType: memberTypeField,
  organization: text(200),
  note: optionalText(1000),
});

export const idField = z.coerce
  .number({ invalid_type_error: "validation.formInvalid" })
  .int("validation.formInvalid")
  .positive("validation.formInvalid")
  .max(Number.MAX_SAFE_INTEGER, "validation.formInvalid");

export const withdrawProfileChangeSchema = z.object({ intent: z.literal("withdraw-change"), request: idField });

/** An administrator's decision on a profile change request: a rejection needs a reason. */
export const profileChangeDecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve-change"), request: idField }),
  z.object({
    intent: z.literal("reject-change"),
    request: idField,
    reason: z
      .string({ required_error: "validation.required" })
      .trim()
      .min(1, "validation.required")
      .max(1000, "validation.tooLong"),
  }),
]);

export const passwordSchema = z
  .object({
    intent: z.literal("password"),
    currentPassword: z.string(required).max(200, "validation.passwordTooLong"),
    newPassword: passwordField,
    confirmPassword: z.string(required),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "validation.passwordMismatch" });

/** A day written YYYY-MM-DD that exists in the calendar (not 2026-13-45, not 2026-02-31). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** The search page's date filters: an impossible date is ignored (with a note), never an error. */
export const searchDateField = z.string().refine(isCalendarDate, "account.invalidDate");
