import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { forumsPath, groupsPath, libraryPath, statusPath } from "~/utils/paths";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>{t("footer.about")}</p>
        <p>{t("footer.confidentiality")}</p>
        <nav aria-label={t("site.shortName")}>
          <Link to={libraryPath()}>{t("nav.library")}</Link> · <Link to={forumsPath()}>{t("nav.forums")}</Link> ·{" "}
          <Link to={groupsPath()}>{t("nav.groups")}</Link> · <Link to={statusPath()}>{t("footer.health")}</Link>
        </nav>
      </div>
    </footer>
  );
}
