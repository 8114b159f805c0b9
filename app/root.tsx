import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { ConfirmationPage, confirmationOf } from "~/components/ui/confirm-form";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { StatusBanner } from "~/components/status-banner";
import { loadSiteShell } from "~/services/site-shell.server";
import stylesheet from "~/styles/app.css";
import { useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { shell, setCookie } = await loadSiteShell(request);
  return data(shell, { headers: setCookie ? { "Set-Cookie": setCookie } : undefined });
}

export interface RouteHandle {
  /** The page title, for pages whose loader does not return one. */
  title?: (t: TFunction) => string;
}

function usePageTitle(): string {
  const { t } = useTranslation();
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const match = matches[i];
    const fromData = (match.data as { title?: unknown } | undefined)?.title;
    if (typeof fromData === "string") return fromData;
    const handle = match.handle as RouteHandle | undefined;
    if (handle?.title) return handle.title(t);
  }
  return "";
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t } = useTranslation();
  const title = usePageTitle();
  const nonce = useNonce();
  return (
    <html lang={data?.language ?? "en"} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={t("site.tagline")} />
        <title>{title ? `${title} · ${t("site.shortName")}` : t("site.name")}</title>
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        <SiteHeader />
        {data?.application ? <StatusBanner application={data.application} /> : null}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const confirmation = confirmationOf(error);
  if (confirmation) return <ConfirmationPage request={confirmation} />;
  if (isRouteErrorResponse(error))
    return <ErrorPage status={error.status} reason={(error.data as { reason?: unknown } | null)?.reason} />;
  if (typeof document === "undefined") console.error(error);
  return <ErrorPage status={500} />;
}
