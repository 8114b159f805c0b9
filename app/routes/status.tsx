// The service status page linked from every page's footer: what a person wants to know (is the
// portal working, as of when), with the machine-readable /health beside it.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/ui/notice";
import type { RouteHandle } from "~/root";
import { databaseAnswers } from "~/services/service-health.server";
import { useSite } from "~/utils/use-site";
import { healthPath } from "~/utils/paths";

export const handle: RouteHandle = { title: (t) => t("serviceStatus.title") };

export async function loader(_: LoaderFunctionArgs) {
  const ok = await databaseAnswers();
  return data({ ok, checkedAt: new Date().toISOString() }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

export const headers = () => ({ "Cache-Control": "no-store" });

export default function ServiceStatus() {
  const { t } = useTranslation();
  const { ok, checkedAt } = useLoaderData<typeof loader>();
  const { date } = useSite();
  return (
    <div className="page page--narrow">
      <h1>{t("serviceStatus.title")}</h1>
      <Notice tone={ok ? "success" : "warning"}>{t(ok ? "serviceStatus.ok" : "serviceStatus.unavailable")}</Notice>
      <p>
        {t("serviceStatus.checkedAt")} <time dateTime={checkedAt}>{date(checkedAt, true)}</time>
      </p>
      <p className="muted">
        {t("serviceStatus.forMonitoring")} <a href={healthPath()}>{healthPath()}</a>
      </p>
    </div>
  );
}
