// The moderation queue: posts members flagged (hide, or dismiss the flags) and posts hidden
// earlier (restore). Only what the moderator may read is listed; every decision is audited. Each
// intent is handled in actions.server.ts.
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { categoryResource } from "~/models/category.server";
import { listFlaggedPosts, listHiddenPosts } from "~/models/flag.server";
import { findTopic, topicResource } from "~/models/topic.server";
import { authorize, can, readableScope } from "~/policies";
import { presentQueuedPost } from "~/presenters/forum.server";
import type { RouteHandle } from "~/root";
import { moderationSchema } from "~/schemas/forums";
import { requireViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { readForm } from "~/utils/form.server";
import { badRequest, notFound } from "~/utils/http.server";
import { memberPath } from "~/utils/paths";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";
import { useSite } from "~/utils/use-site";
import * as actions from "./actions.server";

export const handle: RouteHandle = { title: (t) => t("forums.moderation.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "moderation:queue");
  requireSecondFactorIfNeeded(viewer, request);
  const db = getDb();
  const scope = readableScope(viewer);
  const [flagged, hidden] = await Promise.all([listFlaggedPosts(db, scope), listHiddenPosts(db, scope)]);
  const moderates = (row: (typeof flagged)[number] | (typeof hidden)[number]) =>
    can(
      viewer,
      "forum:moderate",
      categoryResource({
        visibility: row.category_visibility,
        group_id: row.category_group_id,
        qa: row.category_qa,
        archived_at: row.category_archived_at,
      }),
    );
  return {
    flagged: flagged.filter(moderates).map((row) => ({
      ...presentQueuedPost(row),
      flags: row.flags.map((flag) => ({ reason: flag.reason, by: flag.display_name, at: flag.created_at })),
    })),
    hidden: hidden
      .filter(moderates)
      .map((row) => ({ ...presentQueuedPost(row), hiddenBy: row.hidden_by_name, hiddenAt: row.hidden_at })),
  };
}

const INTENTS = { hide: actions.hideAction, restore: actions.restoreAction, dismiss: actions.dismissAction };

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "moderation:queue");
  requireSecondFactorIfNeeded(viewer, request);
  const parsed = moderationSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) badRequest();
  const { intent, topic: topicId, post: number } = parsed.data;
  // A topic the moderator may not read is not there for them (404, not 403).
  const topic = await findTopic(getDb(), topicId);
  if (!topic) notFound();
  authorize(viewer, "topic:read", topicResource(topic));
  return INTENTS[intent]({ viewer, topicId, number });
}

const DONE = {
  hide: "forums.moderation.doneHide",
  restore: "forums.moderation.doneRestore",
  dismiss: "forums.moderation.doneDismiss",
} as const;

export default function ModerationQueue() {
  const { t } = useTranslation();
  const { date } = useSite();
  const { flagged, hidden } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done") as keyof typeof DONE | null;
  return (
    <section aria-labelledby="moderation-title">
      <h2 id="moderation-title">{t("forums.moderation.title")}</h2>
      <p>{t("forums.moderation.intro")}</p>
      {done && DONE[done] ? <Notice>{t(DONE[done])}</Notice> : null}

      <h3>{t("forums.moderation.flagged", { count: flagged.length })}</h3>
      {flagged.length === 0 ? <p className="empty-state">{t("forums.moderation.noFlags")}</p> : null}
      <ul className="moderation-list">
        {flagged.map((item) => (
          <li
            key={`${item.topicId}-${item.number}`}
            className="panel moderation-item"
            aria-labelledby={`flagged-${item.topicId}-${item.number}`}
          >
            <h4 id={`flagged-${item.topicId}-${item.number}`} className="moderation-item__title">
              <a href={item.permalink}>
                {item.topicTitle} · #{item.number}
              </a>{" "}
              {item.hidden ? <Badge tone="warning">{t("forums.hiddenBadge")}</Badge> : null}
              {item.deleted ? <Badge tone="warning">{t("forums.deletedBadge")}</Badge> : null}
            </h4>
            <p className="muted">
              {item.categoryName} ·{" "}
              {item.authorUsername ? (
                <Link to={memberPath(item.authorUsername)}>{item.authorName}</Link>
              ) : (
                t("forums.formerMember")
              )}{" "}
              · {date(item.created_at, true)}
            </p>
            <div className="prose moderation-item__body" dangerouslySetInnerHTML={{ __html: item.html }} />
            <h5>{t("forums.moderation.flags")}</h5>
            <ul className="moderation-item__flags">
              {item.flags.map((flag, i) => (
                <li key={i}>
                  <strong>{flag.by ?? t("forums.formerMember")}</strong> ({date(flag.at, true)}): <q>{flag.reason}</q>
                </li>
              ))}
            </ul>
            <Form method="post" className="inline-form">
              <input type="hidden" name="topic" value={item.topicId} />
              <input type="hidden" name="post" value={item.number} />
              {item.hidden ? (
                <button type="submit" name="intent" value="restore" className="button">
                  {t("forums.moderation.restore")}
                </button>
              ) : (
                <button type="submit" name="intent" value="hide" className="button button--danger">
                  {t("forums.moderation.hide")}
                </button>
              )}
              <button type="submit" name="intent" value="dismiss" className="button button--quiet">
                {t("forums.moderation.dismiss")}
              </button>
            </Form>
          </li>
        ))}
      </ul>

      <h3>{t("forums.moderation.hiddenPosts", { count: hidden.length })}</h3>
      {hidden.length === 0 ? <p className="empty-state">{t("forums.moderation.noHidden")}</p> : null}
      <ul className="moderation-list">
        {hidden.map((item) => (
          <li
            key={`${item.topicId}-${item.number}`}
            className="panel moderation-item"
            aria-labelledby={`hidden-${item.topicId}-${item.number}`}
          >
            <h4 id={`hidden-${item.topicId}-${item.number}`} className="moderation-item__title">
              <a href={item.permalink}>
                {item.topicTitle} · #{item.number}
              </a>
            </h4>
            <p className="muted">
              {item.categoryName} · {item.authorName ?? t("forums.formerMember")} ·{" "}
              {t("forums.moderation.hiddenBy", {
                name: item.hiddenBy ?? t("forums.formerMember"),
                date: date(item.hiddenAt, true),
              })}
            </p>
            <div className="prose moderation-item__body" dangerouslySetInnerHTML={{ __html: item.html }} />
            <Form method="post" className="inline-form">
              <input type="hidden" name="topic" value={item.topicId} />
              <input type="hidden" name="post" value={item.number} />
              <button type="submit" name="intent" value="restore" className="button">
                {t("forums.moderation.restore")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
