import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/utils/auth.server";
import { homePath } from "~/utils/paths";

// Signing out changes data, so it is a POST; a GET just goes home.
export async function loader() {
  return redirect(homePath());
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect(homePath(), { headers: { "Set-Cookie": await endSession(request) } });
}
