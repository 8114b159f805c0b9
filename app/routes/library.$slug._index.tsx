import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicationView } from "~/components/publication";
import { loadPublication } from "~/services/documents/library.server";
import { getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { siteOrigin } from "~/utils/site-origin.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const publication = await loadPublication(getDb(), viewer, params.slug ?? "");
  return { publication, origin: siteOrigin(request), title: publication.version.title };
}

export default function LatestPublication() {
  const { publication, origin } = useLoaderData<typeof loader>();
  return <PublicationView publication={publication} origin={origin} />;
}
