import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>{t("footer.about")}</p>
        <p>{t("footer.confidentiality")}</p>
        <nav aria-label={t("site.shortName")}>
          <Link to="/library">{t("nav.library")}</Link> · <Link to="/forums">{t("nav.forums")}</Link> ·{" "}
          <Link to="/groups">{t("nav.groups")}</Link> · <Link to="/status">{t("footer.health")}</Link>
        </nav>
      </div>
    </footer>
  );
}
