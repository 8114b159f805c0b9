// Watch / normal / mute for a topic or a category: a plain form, one button per level.
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "./hooks";

export type WatchChoice = "watching" | "normal" | "muted";

export function WatchControl({ level, action, subject }: { level: WatchChoice; action: string; subject: "topic" | "category" }) {
  const { t } = useTranslation();
  const fetcher = useFetcher();
  const hydrated = useHydrated();
  const pending = fetcher.formData?.get("level");
  const current = typeof pending === "string" ? (pending as WatchChoice) : level;
  const hints: Record<WatchChoice, string> = {
    watching: subject === "topic" ? t("forums.watch.watchingTopicHint") : t("forums.watch.watchingCategoryHint"),
    normal: t("forums.watch.normalHint"),
    muted: subject === "topic" ? t("forums.watch.mutedTopicHint") : t("forums.watch.mutedCategoryHint"),
  };
  return (
    <fetcher.Form method="post" action={action} className="watch-control">
      <input type="hidden" name="intent" value="watch" />
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
      <fieldset>
        <legend>{subject === "topic" ? t("forums.watch.topicLegend") : t("forums.watch.categoryLegend")}</legend>
        <div className="watch-control__buttons" role="group">
          {(["watching", "normal", "muted"] as const).map((choice) => (
            <button
              key={choice}
              type="submit"
              name="level"
              value={choice}
              className={choice === current ? "button button--small button--selected" : "button button--small"}
              aria-pressed={choice === current}
              title={hints[choice]}
            >
              {t(`forums.watch.${choice}`)}
            </button>
          ))}
        </div>
        <p className="field__hint">{hints[current]}</p>
      </fieldset>
    </fetcher.Form>
  );
}
