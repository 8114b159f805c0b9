// The fields every domain's form schemas are built from. Isomorphic (the browser validates early,
// the server decides); messages are catalogue keys, translated where they are shown.
import { z } from "zod";
import { LANGUAGES, MEMBER_TYPES, SITE_ROLES } from "~/domain/vocabulary";
import { isCountryCode } from "~/utils/countries";
import { currentZoneName, isTimeZone } from "~/utils/time-zones";

export const required = { required_error: "validation.required", invalid_type_error: "validation.required" };

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

export const idField = z.coerce
  .number({ invalid_type_error: "validation.formInvalid" })
  .int("validation.formInvalid")
  .positive("validation.formInvalid")
  .max(Number.MAX_SAFE_INTEGER, "validation.formInvalid");

/** A day written YYYY-MM-DD that exists in the calendar (not 2026-13-45, not 2026-02-31). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** The search page's date filters: an impossible date is ignored (with a note), never an error. */
export const searchDateField = z.string().refine(isCalendarDate, "account.invalidDate");
