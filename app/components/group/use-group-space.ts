import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/groups.$slug";

/** The group space's layout data (header, viewer's role and permissions), for its tabs. */
export function useGroupSpace() {
  const data = useRouteLoaderData<typeof loader>("routes/groups.$slug");
  if (!data) throw new Error("useGroupSpace is only for routes inside /groups/:slug");
  return data;
}
