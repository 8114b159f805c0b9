// Form schemas of the document pages, shared by the server (authoritative) and the browser (early
// feedback), and the limits they enforce: the services and the forms' maxLength attributes import the
// same constants. Messages are catalogue keys; where a page shows only its own messages, any other
// message reads as "documents.errors.badForm" (see `parseDocumentForm`).
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { CONSULTATION_AUDIENCES, DISPOSITIONS } from "~/domain/vocabulary";
import { languageField, optionalText, required, text } from "./primitives";

/** A draft's markdown may be up to 1 MiB. */
export const MAX_DRAFT_BYTES = 1024 * 1024;
/** A proposed section text, in characters. */
export const MAX_PROPOSAL_LENGTH = 200_000;
export const MAX_COMMENT_LENGTH = 20_000;
export const MAX_REVISION_MESSAGE_LENGTH = 500;
export const MAX_PROPOSAL_REASON_LENGTH = 5_000;
export const MAX_ACCEPT_NOTE_LENGTH = 1_000;
export const MAX_DECLINE_REASON_LENGTH = 2_000;
export const MAX_CONSULTATION_NOTE_LENGTH = 5_000;
export const MAX_RESPONSE_LENGTH = 10_000;
export const MAX_RELEASE_NOTES_LENGTH = 5_000;
export const MAX_STATUS_REASON_LENGTH = 2_000;
/** A consultation lasts at most a year (and a day, for a leap year). */
export const MAX_CONSULTATION_DAYS = 366;

/** Topic tags typed as a comma-separated list: lower case, dashes for spaces, at most 12 of 40 characters. */
export const tagsField = z
  .string()
  .max(600, "validation.tooLong")
  .optional()
  .default("")
  .transform((value) =>
    [
      ...new Set(
        value
          .split(/[,;\n]/)
          .map((tag) =>
            tag
              .trim()
              .toLowerCase()
              .replace(/\s+/g, "-")
              .replace(/[^\p{L}\p{N}-]/gu, "")
              .slice(0, 40),
          )
          .filter(Boolean),
      ),
    ].slice(0, 12),
  );

export const RESERVED_SLUGS = ["new", "feed", "feed.xml"];

export const documentSettingsSchema = z.object({
  title: text(200),
  summary: optionalText(1000),
  tags: tagsField,
  translationOf: z.string().trim().max(200).optional().default(""),
});

export const newDocumentSchema = documentSettingsSchema.extend({
  slug: z
    .string(required)
    .trim()
    .toLowerCase()
    .pipe(z.string().regex(/^[a-z0-9](?:[a-z0-9-]{1,78}[a-z0-9])$/, "documents.errors.slug"))
    .refine((slug) => !RESERVED_SLUGS.includes(slug), "documents.errors.slugReserved"),
  language: languageField,
  body: z
    .string(required)
    .refine((value) => value.trim().length > 0, "documents.errors.empty")
    .refine((value) => new TextEncoder().encode(value).length <= MAX_DRAFT_BYTES, "documents.errors.too_large"),
});

const positiveId = z.coerce.number().int().positive();

// ——— The draft ———

export const editSchema = z.object({
  intent: z.enum(["save", "preview"]).default("save"),
  body: z.string().default(""),
  message: z.string().max(MAX_REVISION_MESSAGE_LENGTH).default(""),
  baseRevision: z.string().default(""),
});

export const restoreSchema = z.object({ intent: z.literal("restore"), baseRevision: positiveId });

const commentBody = z
  .string()
  .max(MAX_COMMENT_LENGTH, "documents.errors.commentTooLong")
  .refine((v) => v.trim().length > 0, "documents.errors.commentEmpty");

export const newCommentSchema = z.object({
  intent: z.literal("comment"),
  section: z.string().min(1).max(200),
  revision: positiveId,
  body: commentBody,
});
export const replySchema = z.object({ intent: z.literal("reply"), parent: positiveId, body: commentBody });
export const resolveSchema = z.object({ intent: z.enum(["resolve", "reopen"]), comment: positiveId });

// ——— Change proposals ———

export const proposalSchema = z.object({
  section: z.string().min(1).max(200),
  baseRevision: positiveId,
  text: z.string().max(MAX_PROPOSAL_LENGTH, "documents.errors.proposalTooLong"),
  reason: z
    .string()
    .trim()
    .min(1, "documents.errors.reasonRequired")
    .max(MAX_PROPOSAL_REASON_LENGTH, "documents.errors.reasonTooLong"),
});

export const acceptSchema = z.object({
  intent: z.literal("accept"),
  note: z.string().trim().max(MAX_ACCEPT_NOTE_LENGTH).default(""),
});
export const declineSchema = z.object({
  intent: z.literal("decline"),
  reason: z.string().trim().max(MAX_DECLINE_REASON_LENGTH, "documents.errors.reasonTooLong").default(""),
});

// ——— Consultations ———

const dateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "documents.errors.date");

export const openConsultationSchema = z.object({
  intent: z.literal("open"),
  opensOn: dateField,
  closesOn: dateField,
  audience: z.enum(CONSULTATION_AUDIENCES, { errorMap: () => ({ message: "documents.errors.audience" }) }),
  note: z.string().trim().max(MAX_CONSULTATION_NOTE_LENGTH, "documents.errors.noteTooLong").default(""),
});

export const dispositionSchema = z.object({
  intent: z.literal("disposition"),
  comment: positiveId,
  disposition: z.enum(DISPOSITIONS, { errorMap: () => ({ message: "documents.errors.disposition" }) }),
  response: z.string().trim().max(MAX_RESPONSE_LENGTH, "documents.errors.responseTooLong").default(""),
});

// ——— Publishing ———

export const publishSchema = z.object({
  intent: z.literal("publish"),
  kind: z.enum(["minor", "major"]).optional(),
  version: z.string().trim().max(20).default(""),
  notes: z
    .string()
    .trim()
    .min(1, "documents.errors.notesRequired")
    .max(MAX_RELEASE_NOTES_LENGTH, "documents.errors.notesTooLong"),
  reviewDue: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "documents.errors.date")]).default(""),
  baseRevision: positiveId,
});

export const statusSchema = z.object({
  intent: z.enum(["withdraw", "supersede"]),
  reason: z
    .string()
    .trim()
    .min(1, "documents.errors.reasonRequired")
    .max(MAX_STATUS_REASON_LENGTH, "documents.errors.reasonTooLong"),
  successor: z.string().trim().max(200).default(""),
});

/**
 * A document form parsed as conform sees it: the fields are read as sent (an empty field is "", not
 * missing, so the schema's own message for it applies) and a message the schema does not name reads
 * as "documents.errors.badForm". The server's parse and the browser's early feedback both use it.
 */
export function parseDocumentForm<Schema extends z.ZodTypeAny>(
  formData: FormData | URLSearchParams | Record<string, FormDataEntryValue>,
  schema: Schema,
) {
  const data = formData instanceof FormData || formData instanceof URLSearchParams ? formData : toFormData(formData);
  return parseWithZod(data, { schema, disableAutoCoercion: true, errorMap: () => ({ message: "documents.errors.badForm" }) });
}

function toFormData(fields: Record<string, FormDataEntryValue>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}
