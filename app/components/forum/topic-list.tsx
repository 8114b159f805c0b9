// The table of topics of a category (or of a working group's spaces). On narrow screens the CSS
// stacks each row (title, then a line of facts); the counts then read "3 replies", "12 views".
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { categoryPath, topicPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import { TagList } from "./tag-list";

export interface TopicRow {
  id: number;
  title: string;
  slug: string;
  pinned: number;
  locked: number;
  replies: number;
  view_count: number;
  accepted_post_number: number | null;
  last_post_at: string;
  created_at: string;
  author_name: string | null;
  last_poster_name: string | null;
  tags?: string[];
  unread: number;
  isNew: boolean;
  category_slug?: string;
  category_name?: string;
}

/** What a topic table shows of a listed topic, and nothing more (loaders send only this). */
export function toTopicRow(topic: TopicRow): TopicRow {
  return {
    id: topic.id,
    title: topic.title,
    slug: topic.slug,
    pinned: topic.pinned,
    locked: topic.locked,
    replies: topic.replies,
    view_count: topic.view_count,
    accepted_post_number: topic.accepted_post_number,
    last_post_at: topic.last_post_at,
    created_at: topic.created_at,
    author_name: topic.author_name,
    last_poster_name: topic.last_poster_name,
    unread: topic.unread,
    isNew: topic.isNew,
    ...(topic.tags !== undefined ? { tags: topic.tags } : {}),
    ...(topic.category_slug !== undefined ? { category_slug: topic.category_slug } : {}),
    ...(topic.category_name !== undefined ? { category_name: topic.category_name } : {}),
  };
}

export function TopicBadges({ topic }: { topic: Pick<TopicRow, "pinned" | "locked" | "accepted_post_number"> }) {
  const { t } = useTranslation();
  return (
    <>
      {topic.pinned ? <Badge tone="info">{t("forums.pinned")}</Badge> : null}
      {topic.locked ? <Badge tone="warning">{t("forums.locked")}</Badge> : null}
      {topic.accepted_post_number ? <Badge tone="success">{t("forums.solved")}</Badge> : null}
    </>
  );
}

export function UnreadBadge({ unread, isNew }: { unread: number; isNew: boolean }) {
  const { t } = useTranslation();
  if (unread > 0) {
    return (
      <span className="unread-badge" title={t("forums.unreadCount", { count: unread })}>
        <span aria-hidden="true">{unread}</span>
        <span className="visually-hidden">{t("forums.unreadCount", { count: unread })}</span>
      </span>
    );
  }
  if (isNew) return <Badge tone="info">{t("forums.new")}</Badge>;
  return null;
}

export function TopicTable({
  topics,
  caption,
  categorySlug,
  showCategory = false,
}: {
  topics: TopicRow[];
  caption: string;
  categorySlug?: string;
  showCategory?: boolean;
}) {
  const { t } = useTranslation();
  const { date, number } = useSite();
  return (
    <div className="table-scroll">
      <table className="data-table topic-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("forums.topic")}</th>
            <th scope="col" className="numeric">
              {t("forums.replies")}
            </th>
            <th scope="col" className="numeric">
              {t("forums.views")}
            </th>
            <th scope="col">{t("forums.activity")}</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((topic) => (
            <tr
              key={topic.id}
              className={topic.unread > 0 || topic.isNew ? "topic-table__row topic-table__row--unread" : "topic-table__row"}
            >
              <th scope="row">
                <Link to={topicPath(topic)} className="topic-table__title">
                  {topic.title}
                </Link>{" "}
                <TopicBadges topic={topic} /> <UnreadBadge unread={topic.unread} isNew={topic.isNew} />
                <div className="topic-table__meta">
                  {showCategory && topic.category_slug ? (
                    <>
                      <Link to={categoryPath(topic.category_slug)}>{topic.category_name}</Link> ·{" "}
                    </>
                  ) : null}
                  {t("forums.startedBy", { name: topic.author_name ?? t("forums.formerMember"), date: date(topic.created_at) })}
                </div>
                {topic.tags?.length ? <TagList tags={topic.tags} categorySlug={categorySlug ?? topic.category_slug} /> : null}
              </th>
              <td className="numeric">
                <span className="topic-table__wide">{number(topic.replies)}</span>
                <span className="topic-table__narrow">{t("forums.repliesCount", { count: topic.replies })}</span>
              </td>
              <td className="numeric">
                <span className="topic-table__wide">{number(topic.view_count)}</span>
                <span className="topic-table__narrow">{t("forums.viewsCount", { count: topic.view_count })}</span>
              </td>
              <td>
                <time dateTime={topic.last_post_at}>{date(topic.last_post_at, true)}</time>
                {topic.last_poster_name ? <div className="muted">{t("common.by", { name: topic.last_poster_name })}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
