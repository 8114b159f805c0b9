import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "~/domain/vocabulary";
import { FilterSelect } from "~/components/document/filter-select";
import { PublicationCard } from "~/components/publication-card";
import { listPublishedDocuments } from "~/models/document.server";
import { listGroupNames } from "~/models/group.server";
import { listTags } from "~/models/published-version.server";
import { readableScope } from "~/policies";
import type { RouteHandle } from "~/root";
import { getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { isLanguage } from "~/utils/i18n";
import { requestLanguage } from "~/utils/i18n.server";
import { libraryFeedPath } from "~/utils/paths";

export const handle: RouteHandle = { title: (t) => t("library.title") };

const STATUSES = ["published", "superseded", "withdrawn"] as const;

export const links: LinksFunction = () => [{ rel: "alternate", type: "application/atom+xml", href: libraryFeedPath() }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const scope = readableScope(viewer);
  const url = new URL(request.url);
  const language = url.searchParams.get("language");
  const filters = {
    tag: url.searchParams.get("topic")?.slice(0, 60) || undefined,
    group: url.searchParams.get("group")?.slice(0, 100) || undefined,
    language: isLanguage(language) ? language : undefined,
    status: STATUSES.find((status) => status === url.searchParams.get("status")),
    sort: url.searchParams.get("sort") === "title" ? ("title" as const) : ("recent" as const),
  };
  const db = getDb();
  const [documents, tags, groups] = await Promise.all([
    listPublishedDocuments(db, scope, filters, undefined, requestLanguage(request, viewer)),
    listTags(db, scope),
    listGroupNames(db, scope),
  ]);
  return { documents, tags, groups: groups.map((g) => ({ slug: g.slug, name: g.name })), filters };
}

export default function Library() {
  const { t } = useTranslation();
  const { documents, tags, groups, filters } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("library.title")}</h1>
      <p className="lead">{t("library.intro")}</p>
      <Form method="get" className="filters" aria-label={t("common.filter")}>
        <FilterSelect id="library-topic" name="topic" label={t("library.topic")} defaultValue={filters.tag ?? ""}>
          <option value="">{t("library.allTopics")}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="library-group" name="group" label={t("library.group")} defaultValue={filters.group ?? ""}>
          <option value="">{t("library.allGroups")}</option>
          {groups.map((group) => (
            <option key={group.slug} value={group.slug}>
              {group.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="library-language" name="language" label={t("library.language")} defaultValue={filters.language ?? ""}>
          <option value="">{t("library.allLanguages")}</option>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`languageName.${code}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="library-status" name="status" label={t("library.status")} defaultValue={filters.status ?? ""}>
          <option value="">{t("library.allStatuses")}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`documentStatus.${status}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="library-sort" name="sort" label={t("library.sort")} defaultValue={filters.sort}>
          <option value="recent">{t("library.sortRecent")}</option>
          <option value="title">{t("library.sortTitle")}</option>
        </FilterSelect>
        <button type="submit" className="button">
          {t("common.filter")}
        </button>
      </Form>
      <p className="no-print">
        <a href={libraryFeedPath()} className="feed-link">
          {t("library.feed")}
        </a>
      </p>
      <p className="muted">{t("library.count", { count: documents.length })}</p>
      {documents.length ? (
        <ul className="card-list">
          {documents.map((doc) => (
            <PublicationCard key={doc.id} doc={doc} heading="h2" detailed />
          ))}
        </ul>
      ) : (
        <p className="empty-state">{t("library.noResults")}</p>
      )}
    </div>
  );
}
