// Form schemas of the forums, shared by the server (authoritative) and the browser (early
// feedback). Messages are catalogue keys.
import { z } from "zod";
import { CATEGORY_VISIBILITIES } from "~/domain/vocabulary";
import { REACTION_KINDS, WATCH_LEVELS } from "~/domain/vocabulary";

/** Posts are markdown of at most 64 KiB (UTF-8). */
export const MAX_POST_BYTES = 64 * 1024;
export const MAX_TITLE = 200;
export const MAX_TAGS = 5;
/** The tags field as typed (comma-separated). */
export const MAX_TAGS_TEXT = 400;
/** Why a post was edited (optional), and why it is flagged. */
export const MAX_EDIT_REASON = 300;
export const MAX_FLAG_REASON = 1000;
/** A category's address (its slug), name and description. */
export const MAX_CATEGORY_SLUG = 60;
export const MAX_CATEGORY_NAME = 120;
export const MAX_CATEGORY_DESCRIPTION = 1000;

/** What may follow "@" when asking for mention suggestions: a start of a username or a name. */
export const MENTION_QUERY = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,29}$/u;

/** The size of a text as stored (UTF-8), which the limits count. */
export const byteLength = (text: string) => new TextEncoder().encode(text).length;
const required = { required_error: "validation.required", invalid_type_error: "validation.required" };

export const postBody = z
  .string(required)
  .refine((text) => text.trim().length > 0, "validation.required")
  .refine((text) => byteLength(text) <= MAX_POST_BYTES, "forums.validation.bodyTooLong")
  // Browsers send CRLF line ends; the stored markdown uses LF.
  .transform((text) => text.replace(/\r\n?/g, "\n"));

export const topicTitle = z
  .string(required)
  .trim()
  .min(1, "validation.required")
  .max(MAX_TITLE, "forums.validation.titleTooLong");

/** "KPI, quarterly report" → ["kpi", "quarterly-report"]: lower case, words joined by dashes. */
export function normalizeTags(value: string): string[] {
  return [
    ...new Set(
      value
        .split(",")
        .map((tag) => tag.normalize("NFC").trim().toLowerCase().replace(/\s+/g, "-"))
        .filter(Boolean),
    ),
  ];
}

const TAG = /^[\p{L}\p{N}][\p{L}\p{N}-]{0,29}$/u;

export const tagsField = z
  .string()
  .max(MAX_TAGS_TEXT, "validation.tooLong")
  .optional()
  .default("")
  .transform(normalizeTags)
  .refine((tags) => tags.length <= MAX_TAGS, "forums.validation.tooManyTags")
  .refine((tags) => tags.every((tag) => TAG.test(tag)), "forums.validation.tagFormat");

export const newTopicSchema = z.object({
  title: topicTitle,
  body: postBody,
  tags: tagsField,
});

export const replySchema = z.object({
  intent: z.literal("reply"),
  body: postBody,
});

const postNumber = z.coerce.number({ invalid_type_error: "validation.required" }).int().positive().max(1_000_000);

export const editSchema = z.object({
  intent: z.literal("edit"),
  post: postNumber,
  revision: postNumber,
  body: postBody,
  title: topicTitle.optional(),
  tags: tagsField.optional(),
  reason: z.string().trim().max(MAX_EDIT_REASON, "validation.tooLong").optional().default(""),
});

export const flagSchema = z.object({
  intent: z.literal("flag"),
  post: postNumber,
  reason: z.string(required).trim().min(1, "validation.required").max(MAX_FLAG_REASON, "validation.tooLong"),
});

export const reactSchema = z.object({ intent: z.literal("react"), post: postNumber, reaction: z.enum(REACTION_KINDS) });
export const postIntentSchema = z.object({
  intent: z.enum(["delete", "restore", "hide", "unhide", "accept", "quote", "dismiss"]),
  post: postNumber,
});
export const watchSchema = z.object({ intent: z.literal("watch"), level: z.enum([...WATCH_LEVELS, "normal"]) });
export const moveSchema = z.object({
  intent: z.literal("move"),
  category: z.coerce.number({ invalid_type_error: "validation.required" }).int().positive("validation.required"),
});

export const categorySchema = z
  .object({
    slug: z
      .string(required)
      .trim()
      .toLowerCase()
      .pipe(z.string().regex(new RegExp(`^[a-z0-9][a-z0-9-]{1,${MAX_CATEGORY_SLUG - 1}}$`), "forums.validation.slug")),
    name: z.string(required).trim().min(1, "validation.required").max(MAX_CATEGORY_NAME, "validation.tooLong"),
    description: z.string().trim().max(MAX_CATEGORY_DESCRIPTION, "validation.tooLong").optional().default(""),
    visibility: z.enum(CATEGORY_VISIBILITIES, { errorMap: () => ({ message: "forums.validation.visibility" }) }),
    groupId: z.coerce.number().int().positive().optional(),
    qa: z
      .string()
      .optional()
      .transform((value) => value === "on" || value === "1" || value === "true"),
  })
  .refine((value) => value.visibility !== "private" || value.groupId !== undefined, {
    path: ["groupId"],
    message: "forums.validation.privateNeedsGroup",
  });

/** A category form, with the server's check that the chosen group is one the administrator may read. */
export const categoryFormSchema = (groupReadable: (groupId: number | undefined) => Promise<boolean>) =>
  categorySchema.superRefine(async (value, ctx) => {
    if (!(await groupReadable(value.groupId)))
      ctx.addIssue({ code: "custom", path: ["groupId"], message: "forums.validation.group" });
  });

/** The one-button changes of a category row. */
export const categoryRowSchema = z.object({
  intent: z.enum(["up", "down", "archive", "unarchive"]),
  id: z.coerce.number().int().positive(),
});

/** A decision of the moderation queue on one post. */
export const moderationSchema = z.object({
  intent: z.enum(["hide", "restore", "dismiss"]),
  topic: z.coerce.number().int().positive(),
  post: z.coerce.number().int().positive(),
});
