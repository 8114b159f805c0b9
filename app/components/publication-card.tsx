// One document family on the library and the home page: the version in the reader's language when
// one is published (else the original), with links to the family's other languages.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/domain/vocabulary";
import { libraryPath, publicationPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";
import { Badge } from "./ui/badge";

export interface PublicationCardData {
  id: number;
  slug: string;
  title: string;
  summary: string;
  language: Language;
  status?: string;
  version: string;
  published_at: string;
  group_name: string;
  tags?: string[];
  otherLanguages: Array<{ slug: string; title: string; language: Language; version: string }>;
}

export function PublicationCard({
  doc,
  heading: Heading,
  detailed = false,
}: {
  doc: PublicationCardData;
  heading: "h2" | "h3";
  detailed?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { date } = useSite();
  const foreign = doc.language !== i18n.language;
  return (
    <li className="card">
      <Heading className="card__title">
        <Link to={publicationPath(doc.slug)} lang={doc.language} hrefLang={foreign ? doc.language : undefined}>
          {doc.title}
        </Link>
      </Heading>
      <p className="card__meta">
        {detailed && doc.status ? (
          <>
            <Badge tone={doc.status === "published" ? "success" : "warning"}>
              {t(`documentStatus.${doc.status}` as "documentStatus.published")}
            </Badge>{" "}
          </>
        ) : null}
        {t("library.version", { version: doc.version })} · {t("library.published", { date: date(doc.published_at) })} ·{" "}
        {doc.group_name}
        {detailed || foreign ? <> · {t(`languageName.${doc.language}`)}</> : null}
      </p>
      {doc.summary ? (
        <p className="card__summary" lang={doc.language}>
          {doc.summary}
        </p>
      ) : null}
      {doc.otherLanguages.length ? (
        <p className="card__languages">
          {t("library.otherLanguages")}{" "}
          {doc.otherLanguages.map((other, i) => (
            <span key={other.slug}>
              {i > 0 ? " · " : null}
              {t(`languageName.${other.language}`)}{" "}
              <Link to={publicationPath(other.slug)} lang={other.language} hrefLang={other.language}>
                {other.title}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      {detailed && doc.tags?.length ? (
        <p className="tags">
          {doc.tags.map((tag) => (
            <Link key={tag} to={libraryPath({ topic: tag })} className="tag">
              {tag}
            </Link>
          ))}
        </p>
      ) : null}
    </li>
  );
}
