import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MemberType } from "../../db/schema";
import { countryName } from "~/utils/format";
import { useSite } from "~/utils/use-site";

export interface MemberSummary {
  username: string;
  display_name: string;
  organization: string;
  country: string;
  member_type: MemberType;
}

/** A member's name with what a reader needs to weigh their words: organisation, country, type. */
export function MemberByline({ member, extra }: { member: MemberSummary; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const { language } = useSite();
  return (
    <span className="byline">
      <Link to={`/members/${member.username}`} className="byline__name">
        {member.display_name}
      </Link>
      <span className="byline__meta">
        {member.organization} · {countryName(member.country, language)} · {t(`memberType.${member.member_type}`)}
        {extra}
      </span>
    </span>
  );
}
