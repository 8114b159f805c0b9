import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const KNOWN = [400, 403, 404, 409, 413, 429, 500] as const;
type Known = (typeof KNOWN)[number];

export function ErrorPage({ status, children }: { status: number; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const code: Known = (KNOWN as readonly number[]).includes(status) ? (status as Known) : status >= 500 ? 500 : 400;
  return (
    <div className="page page--narrow error-page">
      <p className="error-page__status">{status}</p>
      <h1>{t(`errors.title${code}`)}</h1>
      <p>{t(`errors.body${code}`)}</p>
      {children}
      <p>
        <Link to="/">{t("errors.goHome")}</Link>
      </p>
    </div>
  );
}
