import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { homePath } from "~/utils/paths";

const KNOWN = [400, 403, 404, 409, 413, 429, 500] as const;
type Known = (typeof KNOWN)[number];

/** `reason`: the `reason` of a thrown `data({ reason }, …)`, for the answers that have their own message. */
export function ErrorPage({ status, reason, children }: { status: number; reason?: unknown; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const code: Known = (KNOWN as readonly number[]).includes(status) ? (status as Known) : status >= 500 ? 500 : 400;
  const title = status === 415 ? t("account.errors.title415") : t(`errors.title${code}`);
  const body =
    status === 415
      ? t("account.errors.body415")
      : reason === "malformed_form"
        ? t("account.errors.malformedForm")
        : t(`errors.body${code}`);
  return (
    <div className="page page--narrow error-page">
      <p className="error-page__status">{status}</p>
      <h1>{title}</h1>
      <p>{body}</p>
      {children}
      <p>
        <Link to={homePath()}>{t("errors.goHome")}</Link>
      </p>
    </div>
  );
}
