// The administrators' changes to forum categories, one handler per intent. Only categories (and
// working groups) the administrator may read can be named; the services re-check can() and answer
// slug_taken or not_found.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { listCategoriesForAdmin } from "~/models/category.server";
import { listGroupNames } from "~/models/group.server";
import { readableScope, type Viewer } from "~/policies";
import { categoryFormSchema, categoryRowSchema } from "~/schemas/forums";
import {
  createCategory,
  editCategory,
  moveCategory,
  setCategoryArchived,
  type CategoryResult,
} from "~/services/forum/categories.server";
import { FORUM_FAILURES } from "~/services/forum/failures";
import { refuse } from "~/services/forum/refuse.server";
import { getDb } from "~/utils/db.server";
import { explain, replyErrors } from "~/utils/failure.server";
import { badRequest, notFound } from "~/utils/http.server";
import { adminPath } from "~/utils/paths";

export interface CategoryActionArgs {
  form: FormData;
  viewer: Viewer;
}

/** The categories the administrator may name (private spaces of other groups are not listed). */
async function readableCategories(viewer: Viewer) {
  return new Set((await listCategoriesForAdmin(getDb(), readableScope(viewer))).map((c) => c.id));
}

/** Creates or edits a category from its form; a taken address is said beside the slug field. */
async function saveCategory({ form, viewer }: CategoryActionArgs, intent: "create" | "edit") {
  const db = getDb();
  const readable = await readableCategories(viewer);
  const id = Number(form.get("id"));
  if (intent === "edit" && !readable.has(id)) notFound();
  const groupReadable = async (groupId: number | undefined) =>
    groupId === undefined || (await listGroupNames(db, readableScope(viewer))).some((g) => g.id === groupId);
  const submission = await parseWithZod(form, { schema: categoryFormSchema(groupReadable), async: true });
  if (submission.status !== "success") return data({ intent, id, result: submission.reply() }, { status: 400 });
  const fields = { ...submission.value, groupId: submission.value.groupId ?? null };
  const result = intent === "create" ? await createCategory(db, viewer, fields) : await editCategory(db, viewer, id, fields);
  if (!result.ok && result.reason === "slug_taken") {
    const explained = explain(FORUM_FAILURES, result);
    return data({ intent, id, result: submission.reply(replyErrors(explained)) }, { status: explained.status });
  }
  if (!result.ok) refuse(result);
  return redirect(adminPath("categories", { done: intent }));
}

export const createAction = (args: CategoryActionArgs) => saveCategory(args, "create");
export const editAction = (args: CategoryActionArgs) => saveCategory(args, "edit");

/** A one-button change of a category row (reorder, archive, bring back). */
async function changeRow({ form, viewer }: CategoryActionArgs, change: (id: number) => Promise<CategoryResult>) {
  const readable = await readableCategories(viewer);
  const parsed = categoryRowSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) badRequest();
  if (!readable.has(parsed.data.id)) notFound();
  const result = await change(parsed.data.id);
  if (!result.ok) refuse(result);
  return redirect(adminPath("categories", { done: parsed.data.intent }));
}

export const upAction = (args: CategoryActionArgs) => changeRow(args, (id) => moveCategory(getDb(), args.viewer, id, "up"));
export const downAction = (args: CategoryActionArgs) => changeRow(args, (id) => moveCategory(getDb(), args.viewer, id, "down"));
export const archiveAction = (args: CategoryActionArgs) =>
  changeRow(args, (id) => setCategoryArchived(getDb(), args.viewer, id, true));
export const unarchiveAction = (args: CategoryActionArgs) =>
  changeRow(args, (id) => setCategoryArchived(getDb(), args.viewer, id, false));
