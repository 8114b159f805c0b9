// What every page knows about the viewer, from the root loader.
import { useRouteLoaderData } from "@remix-run/react";
import type { Language } from "~/domain/vocabulary";
import type { SiteShell } from "~/services/site-shell.server";
import { formatDate, formatNumber } from "./format";

export function useSite() {
  const data = useRouteLoaderData("root") as SiteShell | undefined;
  const language: Language = data?.language ?? "en";
  const timeZone = data?.viewer?.timeZone ?? "UTC";
  return {
    viewer: data?.viewer ?? null,
    unreadNotifications: data?.unreadNotifications ?? 0,
    permissions: data?.permissions ?? { admin: false, members: false, settings: false },
    language,
    timeZone,
    date: (iso: string | null | undefined, withTime = false) => formatDate(iso, language, timeZone, withTime),
    number: (value: number) => formatNumber(value, language),
  };
}
