import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MemberType } from "~/domain/vocabulary";
import { countryName } from "~/utils/format";
import { useSite } from "~/utils/use-site";
import { memberPath } from "~/utils/paths";

export interface MemberSummary {
  username: string;
  display_name: string;
  organization: string;
  country: string;
  member_type: MemberType;
}

/** A member's name with what a reader needs to weigh their words: organisation, country, type. */
/** A member's name (linked to their profile) and who they are; `withName={false}` where a heading already names them. */
export function MemberByline({
  member,
  extra,
  withName = true,
}: {
  member: MemberSummary;
  extra?: React.ReactNode;
  withName?: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useSite();
  return (
    <span className="byline">
      {withName ? (
        <Link to={memberPath(member.username)} className="byline__name">
          {member.display_name}
        </Link>
      ) : null}
      <span className="byline__meta">
        {member.organization} · {countryName(member.country, language)} · {t(`memberType.${member.member_type}`)}
        {extra}
      </span>
    </span>
  );
}
