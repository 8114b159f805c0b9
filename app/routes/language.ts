import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { setLanguage } from "~/services/account/applications.server";
import { getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { badRequest } from "~/utils/http.server";
import { isLanguage } from "~/utils/i18n";
import { languageCookie } from "~/utils/i18n.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { readForm } from "~/utils/form.server";
import { homePath } from "~/utils/paths";

export async function loader() {
  return redirect(homePath());
}

/** The language menu: remembered in a cookie, and in the member's settings when signed in. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const language = form.get("language");
  if (!isLanguage(language)) badRequest();
  const viewer = await getViewer(request);
  if (viewer) await setLanguage(getDb(), viewer.id, language);
  return redirect(safeRedirect(form.get("redirectTo")), { headers: { "Set-Cookie": languageCookie(language) } });
}
