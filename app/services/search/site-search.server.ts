// The search page's work: read the request's query and filters, check them, run the search.
import { LANGUAGES } from "~/domain/vocabulary";
import { listCategoryNames } from "~/models/category.server";
import { listGroupNames } from "~/models/group.server";
import { readableScope, type Viewer } from "~/policies";
import type { DB } from "~/utils/db.server";
import { searchDateField } from "~/schemas/primitives";
import { search } from "~/utils/search/engine.server";
import { MAX_AUTHOR_LENGTH, MAX_QUERY_LENGTH } from "~/utils/search/limits";
import { parseQuery } from "~/utils/search/query";
import type { SearchFilters } from "~/utils/search/types";

export const SEARCH_KINDS = ["topic", "post", "document", "draft", "group", "meeting", "decision", "member"] as const;

export async function runSearch(
  db: DB,
  viewer: Viewer | null,
  params: URLSearchParams,
  options: { prefix?: boolean; pageSize?: number } = {},
) {
  const q = (params.get("q") ?? "").slice(0, 10_000);
  const scope = { ...readableScope(viewer), signedIn: viewer !== null };
  const [groups, categories] = await Promise.all([listGroupNames(db, scope), listCategoryNames(db, scope)]);
  const kind = params.get("kind") ?? "";
  const groupSlug = params.get("group") ?? "";
  const categorySlug = params.get("category") ?? "";
  const authorName = (params.get("author") ?? "").trim().replace(/^@/, "").toLowerCase().slice(0, MAX_AUTHOR_LENGTH);
  // A date that does not exist (2026-13-45) is ignored and named in a note, never a 500.
  const invalidDates: Array<{ field: "from" | "to"; value: string }> = [];
  const dateParam = (field: "from" | "to") => {
    const value = (params.get(field) ?? "").trim();
    if (!value || searchDateField.safeParse(value).success) return value;
    invalidDates.push({ field, value: value.slice(0, 40) });
    return "";
  };
  const from = dateParam("from");
  const to = dateParam("to");
  const language = params.get("language") ?? "";
  const filters: SearchFilters = {};
  if ((SEARCH_KINDS as readonly string[]).includes(kind)) filters.kinds = kind === "topic" ? ["topic", "post"] : [kind];
  // Filters only name what the viewer may see; anything else simply matches nothing.
  const group = groups.find((g) => g.slug === groupSlug);
  if (groupSlug) filters.groupId = group?.id ?? -1;
  const category = categories.find((c) => c.slug === categorySlug);
  if (categorySlug) filters.categoryId = category?.id ?? -1;
  if (authorName) {
    const author = await db
      .selectFrom("user")
      .select("id")
      .where("username", "=", authorName)
      .where("status", "=", "approved")
      .executeTakeFirst();
    filters.authorId = author?.id ?? -1;
  }
  if (from) filters.from = from;
  if (to) filters.to = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
  if ((LANGUAGES as readonly string[]).includes(language)) filters.language = language;
  const page = Math.max(1, Math.min(Number(params.get("page")) || 1, 50));

  const parsed = parseQuery(q);
  const hasPositive = parsed.parts.length > 0;
  const { hits, hasMore } = hasPositive
    ? await search(db, scope, parsed, filters, { page, prefix: options.prefix, pageSize: options.pageSize })
    : { hits: [], hasMore: false };
  return {
    q: q.slice(0, MAX_QUERY_LENGTH),
    hits,
    hasMore,
    page,
    notice: !q.trim()
      ? ("empty" as const)
      : !hasPositive
        ? ("onlyExcluded" as const)
        : parsed.truncated
          ? ("truncated" as const)
          : null,
    invalidDates,
    filters: { kind, group: groupSlug, category: categorySlug, author: authorName, from, to, language },
    choices: {
      groups: groups.map((g) => ({ slug: g.slug, name: g.name })),
      categories: categories.map((c) => ({ slug: c.slug, name: c.name })),
      kinds: SEARCH_KINDS.filter((k) => k !== "member" || scope.approved),
    },
  };
}
