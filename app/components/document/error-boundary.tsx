// Errors of the document pages: a consultation that has closed says when it closed.
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { ConfirmationPage, confirmationOf } from "~/components/ui/confirm-form";
import { useSite } from "~/utils/use-site";

export function DocumentErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const { date } = useSite();
  const confirmation = confirmationOf(error);
  if (confirmation) return <ConfirmationPage request={confirmation} />;
  if (!isRouteErrorResponse(error)) {
    if (typeof document === "undefined") console.error(error);
    return <ErrorPage status={500} />;
  }
  const reason = (error.data as { reason?: string; date?: string } | null)?.reason;
  const when = (error.data as { date?: string } | null)?.date;
  if (error.status === 403 && reason === "consultation_closed" && when) {
    return (
      <ErrorPage status={403}>
        <p className="notice notice--warning">{t("documents.consultation.closedOn", { date: date(when, true) })}</p>
      </ErrorPage>
    );
  }
  if (error.status === 403 && reason === "consultation_not_open" && when) {
    return (
      <ErrorPage status={403}>
        <p className="notice notice--warning">{t("documents.consultation.notOpenYet", { date: date(when, true) })}</p>
      </ErrorPage>
    );
  }
  return <ErrorPage status={error.status} reason={(error.data as { reason?: unknown } | null)?.reason} />;
}
