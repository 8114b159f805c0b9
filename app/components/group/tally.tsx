// The count of each position on a proposal, as numbers and proportional bars (the numbers carry
// the information; the bars only help the eye).
import { useTranslation } from "react-i18next";
import { VOTE_POSITIONS, type VotePosition } from "~/domain/vocabulary";
import { useSite } from "~/utils/use-site";

export function Tally({ tally, caption }: { tally: Record<VotePosition, number>; caption?: string }) {
  const { t } = useTranslation();
  const { number } = useSite();
  const total = VOTE_POSITIONS.reduce((sum, position) => sum + tally[position], 0);
  return (
    <table className="tally">
      {caption ? <caption>{caption}</caption> : null}
      <tbody>
        {VOTE_POSITIONS.map((position) => (
          <tr key={position} className={`tally__row tally__row--${position}`}>
            <th scope="row">{t(`groups.decisions.position.${position}`)}</th>
            <td className="numeric">{number(tally[position])}</td>
            <td className="tally__bar-cell" aria-hidden="true">
              <span className="tally__bar" style={{ width: total ? `${Math.round((tally[position] / total) * 100)}%` : "0%" }} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("groups.decisions.totalVotes")}</th>
          <td className="numeric">{number(total)}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}

/** A one-line summary of a tally, for lists. */
export function TallyLine({ tally }: { tally: Record<VotePosition, number> }) {
  const { t } = useTranslation();
  return (
    <span className="tally-line">
      {VOTE_POSITIONS.map((position, i) => (
        <span key={position}>
          {i ? " · " : null}
          {t(`groups.decisions.count.${position}`, { count: tally[position] })}
        </span>
      ))}
    </span>
  );
}
