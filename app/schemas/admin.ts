// Form schemas of the administrators' decisions: reviewing applications and profile change
// requests, roles, suspensions and resetting a member's second factor. Shared by the server
// (authoritative) and the pages (their length limits).
import { z } from "zod";
import { idField, siteRoleField } from "./primitives";

/** The longest reason an administrator gives (shown to the member, or kept in the audit log). */
export const REASON_MAX = 1000;

/** A rejection's reason: required, since the member reads it. */
const decisionReason = z
  .string({ required_error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(REASON_MAX, "validation.tooLong");

const userId = z.coerce.number().int().positive();

/** Approving or rejecting an application to join: a rejection needs a reason. */
export const applicationReviewSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), userId }),
  z.object({ intent: z.literal("reject"), userId, reason: decisionReason }),
]);

/** An administrator's decision on a profile change request: a rejection needs a reason. */
export const profileChangeDecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve-change"), request: idField }),
  z.object({ intent: z.literal("reject-change"), request: idField, reason: decisionReason }),
]);

/** What an administrator does to a member on the members page. */
export const memberActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), userId, role: siteRoleField }),
  z.object({
    intent: z.enum(["suspend", "reinstate"]),
    userId,
    reason: z.string().trim().max(REASON_MAX, "validation.tooLong").default(""),
  }),
  z.object({
    intent: z.literal("reset-two-factor"),
    userId,
    // A reset is how an account is taken over: the admin confirms they checked who is asking.
    confirm: z.literal("yes", { errorMap: () => ({ message: "security.admin.resetConfirmNeeded" }) }),
  }),
]);
