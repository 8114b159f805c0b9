// The banner a draft shows while a consultation is scheduled or open, with its deadline.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { consultationState } from "~/policies/documents";
import { documentPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";

export interface BannerConsultation {
  audience: "members" | "public";
  opensAt: string;
  closesAt: string;
  note: string;
}

export function ConsultationBanner({ consultation, slug }: { consultation: BannerConsultation; slug: string }) {
  const { t } = useTranslation();
  const { date } = useSite();
  const state = consultationState(consultation);
  if (state === "closed") return null;
  return (
    <section className={`consultation-banner consultation-banner--${state}`} aria-labelledby="consultation-banner-title">
      <h2 id="consultation-banner-title">
        {state === "open" ? t("documents.consultation.bannerOpen") : t("documents.consultation.bannerScheduled")}
      </h2>
      <p>
        {state === "open"
          ? t("documents.consultation.deadline", { date: date(consultation.closesAt, true) })
          : t("documents.consultation.window", {
              from: date(consultation.opensAt, true),
              to: date(consultation.closesAt, true),
            })}{" "}
        · {t(`documents.consultation.audience.${consultation.audience}`)}
      </p>
      {consultation.note ? <p className="consultation-banner__note">{consultation.note}</p> : null}
      <p>
        <Link to={documentPath(slug, "consultation")}>{t("documents.consultation.details")}</Link>
      </p>
    </section>
  );
}
