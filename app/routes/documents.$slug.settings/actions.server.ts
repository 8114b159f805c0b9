// Saving a document's details: title, summary, topic tags and the original it translates.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { documentSettingsSchema } from "~/schemas/documents";
import { DOCUMENT_FAILURES } from "~/services/documents/failures";
import { updateSettings } from "~/services/documents/settings.server";
import { throwIfRefused, type DocumentViewer } from "~/services/documents/workspace.server";
import { explain, replyErrors } from "~/utils/failure.server";
import { documentPath } from "~/utils/paths";

export async function settingsAction({ viewer, db, document }: DocumentViewer, formData: FormData) {
  const submission = parseWithZod(formData, { schema: documentSettingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  // Linking to an original needs an editor or chair of its group (unless the link is unchanged).
  const result = await updateSettings(db, viewer, document, submission.value);
  if (result.ok) return redirect(documentPath(document.slug, "settings", { saved: 1 }));
  throwIfRefused(result);
  const explained = explain(DOCUMENT_FAILURES, result);
  return data({ result: submission.reply(replyErrors(explained)) }, { status: explained.status });
}
