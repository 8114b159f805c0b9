// Form schemas of the working-group pages, shared by the server (authoritative) and the browser
// (early feedback). Messages are catalogue keys. Times arrive as the wall-clock time a
// datetime-local field sends plus an IANA time zone; the server converts them
// (app/services/groups/forms.server.ts).
import { z } from "zod";
import { GROUP_ROLES, GROUP_VISIBILITIES } from "~/domain/vocabulary";
import { ATTENDANCE_RESPONSES, VOTE_POSITIONS } from "~/domain/vocabulary";
import { optionalText, text, timeZoneField, usernameField } from "./primitives";

/** A meeting lasts at most a week. */
export const MAX_MEETING_MS = 7 * 86_400_000;
/** A proposal closes within a year. */
export const MAX_PROPOSAL_MS = 366 * 86_400_000;
/** A chair's answer to a request to join. */
export const REQUEST_RESPONSE_MAX = 1000;

const id = z.coerce.number({ invalid_type_error: "validation.required" }).int().positive().max(Number.MAX_SAFE_INTEGER);
const optionalId = z.preprocess((v) => (v === "" || v === undefined ? undefined : v), id.optional());
const localDateTime = z
  .string({ required_error: "validation.required" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "groups.errors.dateTime");
const webAddress = z
  .string()
  .trim()
  .max(500, "validation.tooLong")
  .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "groups.errors.webAddress")
  .optional()
  .default("");

export const groupSlugField = z
  .string({ required_error: "validation.required" })
  .trim()
  .toLowerCase()
  .pipe(z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])$/, "groups.errors.slug"));

export const groupVisibilityField = z.enum(GROUP_VISIBILITIES, { errorMap: () => ({ message: "groups.errors.visibility" }) });
export const groupRoleField = z.enum(GROUP_ROLES, { errorMap: () => ({ message: "validation.role" }) });

export const groupCreateSchema = z.object({
  name: text(120),
  slug: groupSlugField,
  purpose: text(500),
  visibility: groupVisibilityField,
  charter: text(100_000),
  chair: usernameField,
});

export const groupSettingsSchema = z.object({
  name: text(120),
  purpose: text(500),
  visibility: groupVisibilityField,
  charter: text(100_000),
});

export const joinRequestSchema = z.object({
  intent: z.literal("request"),
  motivation: text(1000),
});

export const meetingSchema = z.object({
  title: text(200),
  startsAt: localDateTime,
  endsAt: localDateTime,
  timeZone: timeZoneField,
  location: optionalText(300),
  videoUrl: webAddress,
  agenda: optionalText(50_000),
});

export const attendanceSchema = z.object({
  intent: z.literal("respond"),
  response: z.enum(ATTENDANCE_RESPONSES, { errorMap: () => ({ message: "validation.required" }) }),
});

export const minutesSchema = z.object({
  minutes: text(100_000),
  attendees: z.array(id).max(1000).optional().default([]),
});

export const proposalSchema = z.object({
  title: text(200),
  body: text(20_000),
  closesAt: localDateTime,
  timeZone: timeZoneField,
  meetingId: optionalId,
  documentId: optionalId,
});

export const voteSchema = z.object({
  intent: z.literal("vote"),
  position: z.enum(VOTE_POSITIONS, { errorMap: () => ({ message: "groups.errors.position" }) }),
  reason: optionalText(1000),
});

export const commentSchema = z.object({
  intent: z.literal("comment"),
  body: text(10_000),
});

export const closeSchema = z.object({
  intent: z.literal("close"),
  outcome: text(20_000),
});

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  username: usernameField,
  role: groupRoleField,
});

export const memberActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), userId: id, role: groupRoleField }),
  z.object({ intent: z.literal("remove"), userId: id }),
  z.object({ intent: z.literal("approve"), requestId: id, response: optionalText(REQUEST_RESPONSE_MAX) }),
  z.object({ intent: z.literal("decline"), requestId: id, response: optionalText(REQUEST_RESPONSE_MAX) }),
]);
