// The fixed set of reactions under a post: counts, who reacted, and toggle buttons for those who may react.
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { REACTION_KINDS, type ReactionKind } from "~/domain/vocabulary";
import { useHydrated } from "./hooks";

export const REACTION_EMOJI: Record<ReactionKind, string> = { thumbs_up: "👍", check: "✅", idea: "💡", heart: "❤️" };

export interface ReactionView {
  kind: ReactionKind;
  count: number;
  names: string[];
  mine: boolean;
}

export function Reactions({
  reactions,
  canReact,
  action,
  postNumber,
}: {
  reactions: ReactionView[];
  canReact: boolean;
  action: string;
  postNumber: number;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher();
  const hydrated = useHydrated();
  // While a toggle is on its way, show its expected result.
  const pendingKind = fetcher.formData?.get("reaction");
  const shown = REACTION_KINDS.map((kind) => {
    const found = reactions.find((r) => r.kind === kind) ?? { kind, count: 0, names: [], mine: false };
    if (pendingKind !== kind) return found;
    return { ...found, mine: !found.mine, count: found.count + (found.mine ? -1 : 1) };
  });
  const given = shown.filter((r) => r.count > 0);
  if (!canReact && !given.length) return null;
  return (
    <div className="reactions">
      {canReact ? (
        <fetcher.Form method="post" action={action} className="reactions__buttons">
          <input type="hidden" name="intent" value="react" />
          <input type="hidden" name="post" value={postNumber} />
          {hydrated ? <input type="hidden" name="js" value="1" /> : null}
          {shown.map((r) => (
            <button
              key={r.kind}
              type="submit"
              name="reaction"
              value={r.kind}
              className={r.mine ? "reaction reaction--mine" : "reaction"}
              aria-pressed={r.mine}
              title={r.names.join(", ") || t(`forums.reactions.${r.kind}`)}
            >
              {/* The label is visible: without an emoji font the emoji alone is an empty box. */}
              <span aria-hidden="true">{REACTION_EMOJI[r.kind]}</span>
              <span className="reaction__label">{t(`forums.reactions.${r.kind}`)}</span>
              {r.count ? <span className="reaction__count">{r.count}</span> : null}
            </button>
          ))}
        </fetcher.Form>
      ) : null}
      {given.length ? (
        <ul className="reactions__who" aria-label={t("forums.reactions.who")}>
          {given.map((r) => (
            <li key={r.kind}>
              <span aria-hidden="true">{REACTION_EMOJI[r.kind]}</span>{" "}
              <span className="reaction__label">{t(`forums.reactions.${r.kind}`)}:</span> {r.names.join(", ")}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
