// The route side of the forum's reasons table, for changes that have no form to word a refusal in:
// the 404 page when the thing is gone, else the 403 page.
import { explain } from "~/utils/failure.server";
import { forbidden, notFound } from "~/utils/http.server";
import type { Fail } from "~/utils/result";
import { FORUM_FAILURES, type ForumReason } from "./failures";

export function refuse(failure: Fail<ForumReason>): never {
  if (explain(FORUM_FAILURES, failure).status === 404) notFound();
  forbidden();
}
