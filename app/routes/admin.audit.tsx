import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAudit } from "~/models/audit.server";
import { authorize } from "~/policies";
import { requireViewer } from "~/utils/auth.server";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";
import { getDb } from "~/utils/db.server";
import en from "~/locales/en";
import { useSite } from "~/utils/use-site";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "audit:view");
  requireSecondFactorIfNeeded(viewer, request);
  const url = new URL(request.url);
  const before = Number(url.searchParams.get("before"));
  return listAudit(getDb(), { before: Number.isSafeInteger(before) && before > 0 ? before : undefined });
}

const KNOWN_ACTIONS = new Set(Object.keys(en.admin.actions));

export default function AuditLog() {
  const { t } = useTranslation();
  const { events, nextBefore } = useLoaderData<typeof loader>();
  const { date } = useSite();
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t("admin.audit")}</h2>
      <p>{t("admin.auditIntro")}</p>
      {events.length === 0 ? (
        <p>{t("admin.auditEmpty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("admin.auditWhen")}</th>
                <th scope="col">{t("admin.auditWho")}</th>
                <th scope="col">{t("admin.auditAction")}</th>
                <th scope="col">{t("admin.auditSubject")}</th>
                <th scope="col">{t("admin.auditDetails")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>
                    <time dateTime={event.at}>{date(event.at, true)}</time>
                  </td>
                  <td>
                    {event.actor_username ? (
                      <Link to={`/members/${event.actor_username}`}>{event.actor_name}</Link>
                    ) : (
                      t("admin.system")
                    )}
                  </td>
                  <td>
                    {KNOWN_ACTIONS.has(event.action) ? t(`admin.actions.${event.action as "user.apply"}`) : event.action}{" "}
                    <code>{event.action}</code>
                  </td>
                  <td>
                    {event.subject_type} #{event.subject_id}
                  </td>
                  <td>
                    <code className="audit-data">{Object.keys(event.data).length ? JSON.stringify(event.data) : ""}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore ? (
        <nav className="pagination" aria-label={t("admin.olderEvents")}>
          <Link to={`?before=${nextBefore}`}>{t("admin.olderEvents")} →</Link>
        </nav>
      ) : null}
    </section>
  );
}
