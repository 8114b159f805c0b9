// Form schemas of joining, signing in, one's profile and settings (the administrators' decisions
// are in ./admin.ts). Shared by the server (authoritative) and the browser.
import { z } from "zod";
import { currentZoneName, isTimeZone } from "~/utils/time-zones";
import {
  countryField,
  emailField,
  idField,
  languageField,
  memberTypeField,
  optionalText,
  passwordField,
  required,
  text,
  timeZoneField,
  usernameField,
} from "./primitives";

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

/** The longest note a member adds to a profile change request. */
export const CHANGE_NOTE_MAX = 1000;

/** A request to an administrator to change the vetted fields. */
export const profileChangeRequestSchema = z.object({
  intent: z.literal("request-change"),
  memberType: memberTypeField,
  organization: text(200),
  note: optionalText(CHANGE_NOTE_MAX),
});

export const withdrawProfileChangeSchema = z.object({ intent: z.literal("withdraw-change"), request: idField });

export const passwordSchema = z
  .object({
    intent: z.literal("password"),
    currentPassword: z.string(required).max(200, "validation.passwordTooLong"),
    newPassword: passwordField,
    confirmPassword: z.string(required),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "validation.passwordMismatch" });
