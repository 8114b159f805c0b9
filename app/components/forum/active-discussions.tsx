// The latest discussions the viewer may read (home page).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { categoryPath, topicPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import { UnreadBadge } from "./topic-list";

export interface ActiveTopic {
  id: number;
  title: string;
  slug: string;
  replies: number;
  last_post_at: string;
  category_slug: string;
  category_name: string;
  unread: number;
  isNew: boolean;
}

export function ActiveDiscussions({ topics }: { topics: ActiveTopic[] }) {
  const { t } = useTranslation();
  const { date } = useSite();
  if (!topics.length) return <p>{t("forums.noDiscussions")}</p>;
  return (
    <ul className="plain-list active-discussions">
      {topics.map((topic) => (
        <li key={topic.id}>
          <Link to={topicPath(topic)}>{topic.title}</Link> <UnreadBadge unread={topic.unread} isNew={topic.isNew} />
          <div className="muted active-discussions__meta">
            <Link to={categoryPath(topic.category_slug)}>{topic.category_name}</Link> ·{" "}
            {t("forums.repliesCount", { count: topic.replies })} ·{" "}
            <time dateTime={topic.last_post_at}>{date(topic.last_post_at)}</time>
          </div>
        </li>
      ))}
    </ul>
  );
}
