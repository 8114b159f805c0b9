import { publicOrigin } from "./env.server";

/** The origin used in citable links: PUBLIC_ORIGIN when configured, else the one the request came to. */
export function siteOrigin(request: Request): string {
  return publicOrigin() ?? new URL(request.url).origin;
}
