import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { NextPageLink } from "~/components/ui/filters";
import { useTranslation } from "react-i18next";
import { listAudit } from "~/models/audit.server";
import { readableScope } from "~/policies";
import { requireAuthorizedViewer } from "~/utils/second-factor.server";
import { getDb } from "~/utils/db.server";
import { useSite } from "~/utils/use-site";
import { memberPath } from "~/utils/paths";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireAuthorizedViewer(request, "audit:view");
  const url = new URL(request.url);
  const before = Number(url.searchParams.get("before"));
  // Events in private groups the viewer is not a member of come without their subject and details.
  return listAudit(getDb(), readableScope(viewer), { before: Number.isSafeInteger(before) && before > 0 ? before : undefined });
}

/** Values of these fields are codes with a name in the catalogue. */
const CODED_VALUES: Record<string, string> = {
  memberType: "memberType",
  siteRole: "siteRole",
  role: "groupRole",
  status: "userStatus",
  visibility: "visibility",
};

export default function AuditLog() {
  const { t, i18n } = useTranslation();
  const { events, nextBefore } = useLoaderData<typeof loader>();
  const known = (key: string) => i18n.exists(key);
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
                      <Link to={memberPath(event.actor_username)}>{event.actor_name}</Link>
                    ) : (
                      t("admin.system")
                    )}
                  </td>
                  <td>
                    {known(`admin.actions.${event.action}`)
                      ? t(`admin.actions.${event.action}` as never)
                      : known(`account.auditActions.${event.action}`)
                        ? t(`account.auditActions.${event.action}` as never)
                        : event.action}
                  </td>
                  <td>
                    {event.private ? (
                      <em>
                        {t(
                          `admin.auditPrivateSubject.${(known(`admin.auditPrivateSubject.${event.subject_type}`) ? event.subject_type : "other") as "other"}`,
                        )}
                      </em>
                    ) : (
                      <>
                        {known(`admin.auditSubjects.${event.subject_type}`)
                          ? t(`admin.auditSubjects.${event.subject_type}` as never)
                          : event.subject_type}
                        {/* One text node " #", as before the tree was formatted (tests read "Subject #"). */}
                        {" #"}
                        {event.subject_id}
                      </>
                    )}
                  </td>
                  <td>
                    <AuditDetails data={event.data} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore ? <NextPageLink to={`?before=${nextBefore}`} label={t("admin.olderEvents")} /> : null}
    </section>
  );
}

/**
 * An event's details as the reader's language names them: one line per field, a change shown as
 * "before → after", codes (roles, member types, visibility) by their names.
 */
function AuditDetails({ data }: { data: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const label = (key: string) => (i18n.exists(`admin.auditFields.${key}`) ? t(`admin.auditFields.${key}` as never) : key);
  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "boolean") return t(value ? "admin.auditYes" : "admin.auditNo");
    if (Array.isArray(value)) return value.map((item) => show(key, item)).join(", ");
    if (typeof value === "object")
      return Object.entries(value)
        .map(([k, v]) => `${label(k)}: ${show(k, v)}`)
        .join("; ");
    const coded = CODED_VALUES[key];
    if (coded && i18n.exists(`${coded}.${String(value)}`)) return t(`${coded}.${String(value)}` as never);
    return String(value);
  };
  const { before, after, ...rest } = data;
  const rows: Array<[string, string]> = [];
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      rows.push([label(key), `${show(key, before[key])} → ${show(key, after[key])}`]);
  } else {
    if (before !== undefined) rows.push([label("before"), show("before", before)]);
    if (after !== undefined) rows.push([label("after"), show("after", after)]);
  }
  for (const [key, value] of Object.entries(rest)) rows.push([label(key), show(key, value)]);
  if (rows.length === 0) return null;
  return (
    <dl className="audit-details">
      {rows.map(([name, value]) => (
        <Fragment key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
