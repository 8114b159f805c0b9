import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/ui/notice";
import { listNotifications, markAllRead, markRead } from "~/models/notification.server";
import { readableScope } from "~/policies";
import type { RouteHandle } from "~/root";
import { requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { badRequest } from "~/utils/http.server";
import en from "~/locales/en";
import { useSite } from "~/utils/use-site";
import { readForm } from "~/utils/form.server";
import { notificationsPath } from "~/utils/paths";

export const handle: RouteHandle = { title: (t) => t("notifications.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = Number(new URL(request.url).searchParams.get("page")) || 1;
  return listNotifications(getDb(), viewer.id, readableScope(viewer), { page });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  const db = getDb();
  if (intent === "read-all") {
    await markAllRead(db, viewer.id);
    return redirect(notificationsPath({ done: "all" }));
  }
  if (intent === "read") {
    const ids = form
      .getAll("id")
      .map(Number)
      .filter((id) => Number.isSafeInteger(id) && id > 0);
    if (!ids.length) badRequest();
    await markRead(db, viewer.id, ids);
    return redirect(notificationsPath());
  }
  badRequest();
}

const KINDS = new Set(Object.keys(en.notifications.kind));

export default function Notifications() {
  const { t } = useTranslation();
  const { notifications, hasMore, page } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { date } = useSite();
  const hasUnread = notifications.some((n) => !n.read_at);
  return (
    <div className="page page--narrow">
      <h1>{t("notifications.title")}</h1>
      {searchParams.get("done") === "all" ? <Notice>{t("notifications.allRead")}</Notice> : null}
      {hasUnread ? (
        <Form method="post">
          <button type="submit" name="intent" value="read-all" className="button">
            {t("notifications.markAllRead")}
          </button>
        </Form>
      ) : null}
      {notifications.length === 0 ? <p className="empty-state">{t("notifications.empty")}</p> : null}
      <ul className="notification-list">
        {notifications.map((n) => {
          const text = KINDS.has(n.kind)
            ? t(`notifications.kind.${n.kind as "mention"}`, {
                actor: n.actor_name ?? t("notifications.someone"),
                title: n.title,
              })
            : n.title;
          return (
            <li key={n.id} className={n.read_at ? "notification" : "notification notification--unread"}>
              <div>
                {n.read_at ? null : <span className="badge badge--info">{t("notifications.unread")}</span>}{" "}
                <Link to={n.url}>{text}</Link>
                {n.excerpt ? <p className="notification__excerpt">{n.excerpt}</p> : null}
                <time className="muted" dateTime={n.created_at}>
                  {date(n.created_at, true)}
                </time>
              </div>
              {n.read_at ? null : (
                <Form method="post">
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" name="intent" value="read" className="button button--quiet">
                    {t("notifications.markRead")}
                  </button>
                </Form>
              )}
            </li>
          );
        })}
      </ul>
      <nav className="pagination" aria-label={t("notifications.title")}>
        {page > 1 ? <Link to={`?page=${page - 1}`}>← {t("notifications.newer")}</Link> : null}{" "}
        {hasMore ? <Link to={`?page=${page + 1}`}>{t("notifications.older")} →</Link> : null}
      </nav>
    </div>
  );
}
