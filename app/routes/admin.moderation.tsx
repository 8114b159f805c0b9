// The moderation queue: posts members flagged (hide, or dismiss the flags) and posts hidden
// earlier (restore). Only what the moderator may read is listed; every decision is audited.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { categoryResource } from "~/models/category.server";
import { listFlaggedPosts, listHiddenPosts } from "~/models/flag.server";
import { findPost, postResource } from "~/models/post.server";
import { findTopic, postPath, topicResource } from "~/models/topic.server";
import { authorize, can, readableScope } from "~/policies";
import type { RouteHandle } from "~/root";
import { dismissFlags, hidePost, unhidePost } from "~/services/forum.server";
import { requireViewer } from "~/utils/auth.server";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";
import { getDb } from "~/utils/db.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { useSite } from "~/utils/use-site";
import { readForm } from "~/utils/form.server";

export const handle: RouteHandle = { title: (t) => t("forums.moderation.title") };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "moderation:queue");
  requireSecondFactorIfNeeded(viewer, request);
  const db = getDb();
  const scope = readableScope(viewer);
  const [flagged, hidden] = await Promise.all([listFlaggedPosts(db, scope), listHiddenPosts(db, scope)]);
  const moderates = (row: {
    category_visibility: "public" | "members" | "private";
    category_group_id: number | null;
    category_qa: number;
    category_archived_at: string | null;
  }) =>
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
  const view = <T extends (typeof flagged)[number] | (typeof hidden)[number]>(row: T) => ({
    topicId: row.topic_id,
    topicTitle: row.topic_title,
    number: row.number,
    permalink: postPath({ id: row.topic_id, slug: row.topic_slug }, row.number),
    categoryName: row.category_name,
    authorName: row.author_name,
    authorUsername: row.author_username,
    html: row.body_html,
    hidden: row.hidden === 1,
    deleted: row.deleted_at !== null,
    created_at: row.created_at,
  });
  return {
    flagged: flagged.filter(moderates).map((row) => ({
      ...view(row),
      flags: row.flags.map((flag) => ({ reason: flag.reason, by: flag.display_name, at: flag.created_at })),
    })),
    hidden: hidden.filter(moderates).map((row) => ({ ...view(row), hiddenBy: row.hidden_by_name, hiddenAt: row.hidden_at })),
  };
}

const schema = z.object({
  intent: z.enum(["hide", "restore", "dismiss"]),
  topic: z.coerce.number().int().positive(),
  post: z.coerce.number().int().positive(),
});

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "moderation:queue");
  requireSecondFactorIfNeeded(viewer, request);
  const parsed = schema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) badRequest();
  const { intent, topic: topicId, post: number } = parsed.data;
  const db = getDb();
  const topic = await findTopic(db, topicId);
  if (!topic) notFound();
  const resource = topicResource(topic);
  authorize(viewer, "topic:read", resource);
  const post = await findPost(db, topicId, number);
  if (!post) notFound();
  const postRes = postResource(post, resource);
  if (intent === "hide") authorize(viewer, "post:hide", postRes);
  else if (intent === "restore") authorize(viewer, "post:unhide", postRes);
  else authorize(viewer, "topic:moderate", resource);
  const service = { hide: hidePost, restore: unhidePost, dismiss: dismissFlags }[intent];
  const result = await service(db, viewer, topicId, number);
  if (!result.ok) {
    if (result.reason === "gone") notFound();
    forbidden();
  }
  return redirect(`/admin/moderation?done=${intent}`);
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
                <Link to={`/members/${item.authorUsername}`}>{item.authorName}</Link>
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
