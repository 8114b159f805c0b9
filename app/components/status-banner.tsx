import { useTranslation } from "react-i18next";

/** Tells a member whose application is not approved where it stands. */
export function StatusBanner({ application }: { application: { status: string; reason: string | null } }) {
  const { t } = useTranslation();
  if (application.status === "pending") {
    return (
      <section className="banner banner--info" aria-labelledby="application-status">
        <h2 id="application-status">{t("status.pendingTitle")}</h2>
        <p>{t("status.pendingBody")}</p>
      </section>
    );
  }
  if (application.status === "rejected") {
    return (
      <section className="banner banner--warning" aria-labelledby="application-status">
        <h2 id="application-status">{t("status.rejectedTitle")}</h2>
        {application.reason ? (
          <p>
            {t("status.rejectedBody")} <q>{application.reason}</q>
          </p>
        ) : null}
        <p>{t("status.rejectedContact")}</p>
      </section>
    );
  }
  return null;
}
