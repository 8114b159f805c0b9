import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "~/components/ui/confirm-form";
import { useSite } from "~/utils/use-site";

export interface SessionSummary {
  handle: string;
  user_agent: string;
  ip_address: string;
  created_at: string;
  expires_at: number;
  current: boolean;
}

/** The member's signed-in sessions (devices), each of which they may end. */
export function SessionsSection({ sessions }: { sessions: SessionSummary[] }) {
  const { t } = useTranslation();
  const { date } = useSite();
  return (
    <section aria-labelledby="settings-sessions" className="panel">
      <h2 id="settings-sessions">{t("settings.sessions")}</h2>
      <p>{t("settings.sessionsIntro")}</p>
      <ul className="session-list">
        {sessions.map((session) => (
          <li key={session.handle} className="session-list__item">
            <div>
              <strong>{session.user_agent || t("settings.unknownDevice")}</strong>
              {session.current ? <span className="badge badge--info">{t("settings.thisSession")}</span> : null}
              <br />
              <span className="muted">
                {session.ip_address} · {t("settings.sessionStarted", { date: date(session.created_at, true) })} ·{" "}
                {t("settings.sessionExpires", { date: date(new Date(session.expires_at * 1000).toISOString(), true) })}
              </span>
            </div>
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <input type="hidden" name="session" value={session.handle} />
              <ConfirmButton kind="revokeSession" className="button button--quiet">
                {t("settings.revoke")}
              </ConfirmButton>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
