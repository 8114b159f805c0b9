// Form schemas of the document pages, shared by the server (authoritative) and the browser (early
// feedback). Messages are catalogue keys.
import { z } from "zod";
import { LANGUAGES } from "~/domain/vocabulary";

const required = { required_error: "validation.required", invalid_type_error: "validation.required" };

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
  title: z.string(required).trim().min(1, "validation.required").max(200, "validation.tooLong"),
  summary: z.string().trim().max(1000, "validation.tooLong").optional().default(""),
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
  language: z.enum(LANGUAGES, { errorMap: () => ({ message: "validation.language" }) }),
  body: z
    .string(required)
    .refine((value) => value.trim().length > 0, "documents.errors.empty")
    .refine((value) => new TextEncoder().encode(value).length <= 1024 * 1024, "documents.errors.too_large"),
});
