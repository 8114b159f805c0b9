// The visibility rules of app/policies, expressed as WHERE clauses, so that lists, counts and
// searches never load what the viewer may not read.
import { sql, type ExpressionBuilder } from "kysely";
import type { Database } from "~db/schema";
import type { ReadableScope } from "~/policies";

const ids = (groupIds: number[]) => (groupIds.length ? groupIds : [-1]);

/** working_group rows the viewer may see (open and closed groups are public; private ones are for members). */
export function groupVisible(scope: ReadableScope) {
  return (eb: ExpressionBuilder<Database, "working_group">) =>
    eb.or([eb("working_group.visibility", "!=", "private"), eb("working_group.id", "in", ids(scope.groupIds))]);
}

/** category rows the viewer may read. */
export function categoryVisible(scope: ReadableScope) {
  return (eb: ExpressionBuilder<Database, "category">) =>
    eb.or([
      eb("category.visibility", "=", "public"),
      scope.approved ? eb("category.visibility", "=", "members") : sql<boolean>`0`,
      eb.and([eb("category.visibility", "=", "private"), eb("category.group_id", "in", ids(scope.groupIds))]),
    ]);
}
