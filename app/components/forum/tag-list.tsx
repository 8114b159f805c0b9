import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { categoryPath } from "~/utils/paths";

/** A topic's tags; each links to the category filtered by it when `categorySlug` is given. */
export function TagList({ tags, categorySlug }: { tags: string[]; categorySlug?: string }) {
  const { t } = useTranslation();
  if (!tags.length) return null;
  return (
    <ul className="tags forum-tags" aria-label={t("forums.tags")}>
      {tags.map((tag) => (
        <li key={tag}>
          {categorySlug ? (
            <Link className="tag" to={categoryPath(categorySlug, { tag })}>
              #{tag}
            </Link>
          ) : (
            <span className="tag">#{tag}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
