// The Decisions tab: proposals open for votes (or awaiting their outcome), and the decision log
// with date, outcome, tallies and what each decision concerns.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProposalStateBadge } from "~/components/group/proposal-state";
import { TallyLine } from "~/components/group/tally";
import { useGroupSpace } from "~/components/group/use-group-space";
import { findVote, listDecisions, listOpenProposals, proposalState, tallies } from "~/models/proposal.server";
import { can } from "~/policies";
import { readGroup } from "~/services/groups/context.server";
import { decisionPath, documentPath, meetingPath, newDecisionPath } from "~/utils/paths";
import { useSite } from "~/utils/use-site";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, group, resource } = await readGroup(request, params.slug);
  const now = new Date().toISOString();
  const before = new URL(request.url).searchParams.get("before") ?? undefined;
  const validBefore = before && !Number.isNaN(Date.parse(before)) ? new Date(before).toISOString() : undefined;
  const [open, log] = await Promise.all([listOpenProposals(db, group.id), listDecisions(db, group.id, { before: validBefore })]);
  const counts = await tallies(
    db,
    [...open, ...log.decisions].map((p) => p.id),
  );
  const canVote = can(viewer, "proposal:vote", resource);
  const myVotes = canVote && viewer ? await Promise.all(open.map((p) => findVote(db, p.id, viewer.id))) : [];
  return {
    open: open.map((p, i) => ({
      ...p,
      state: proposalState(p, now),
      tally: counts.get(p.id)!,
      myVote: myVotes[i]?.position ?? null,
    })),
    decisions: log.decisions.map((p) => ({ ...p, tally: counts.get(p.id)! })),
    nextBefore: log.nextBefore,
    canOpen: can(viewer, "proposal:open", resource),
    canVote,
  };
}

export default function GroupDecisions() {
  const { t } = useTranslation();
  const { open, decisions, nextBefore, canOpen, canVote } = useLoaderData<typeof loader>();
  const { group } = useGroupSpace();
  const { date } = useSite();
  return (
    <div className="stack">
      <div className="section-header">
        <h2 id="open-title">{t("groups.decisions.openTitle")}</h2>
        {canOpen ? (
          <Link to={newDecisionPath(group.slug)} className="button button--primary">
            {t("groups.decisions.open")}
          </Link>
        ) : null}
      </div>
      {open.length ? (
        <ul className="card-list" aria-labelledby="open-title">
          {open.map((proposal) => (
            <li key={proposal.id} className="card proposal-card">
              <h3 className="card__title">
                <Link to={decisionPath(group.slug, proposal.id)}>{proposal.title}</Link>{" "}
                <ProposalStateBadge state={proposal.state} />
              </h3>
              <p className="card__meta">
                {proposal.state === "open"
                  ? t("groups.decisions.closes", { date: date(proposal.closes_at, true) })
                  : t("groups.decisions.closedOn", { date: date(proposal.closes_at, true) })}
                {" · "}
                <TallyLine tally={proposal.tally} />
              </p>
              {canVote && proposal.state === "open" ? (
                <p className="card__meta">
                  {proposal.myVote
                    ? t("groups.decisions.yourVote", { position: t(`groups.decisions.position.${proposal.myVote}`) })
                    : t("groups.decisions.notVoted")}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">{t("groups.decisions.noOpen")}</p>
      )}

      <h2 id="log-title">{t("groups.decisions.log")}</h2>
      {decisions.length ? (
        <div className="table-scroll">
          <table className="data-table decision-log" aria-labelledby="log-title">
            <thead>
              <tr>
                <th scope="col">{t("groups.decisions.decidedOn")}</th>
                <th scope="col">{t("groups.decisions.proposal")}</th>
                <th scope="col">{t("groups.decisions.outcome")}</th>
                <th scope="col">{t("groups.decisions.tally")}</th>
                <th scope="col">{t("groups.decisions.concerns")}</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((decision) => (
                <tr key={decision.id}>
                  <td>
                    <time dateTime={decision.closed_at!}>{date(decision.closed_at)}</time>
                  </td>
                  <th scope="row">
                    <Link to={decisionPath(group.slug, decision.id)}>{decision.title}</Link>
                  </th>
                  <td>
                    <div className="decision-log__outcome" dangerouslySetInnerHTML={{ __html: decision.outcome_html ?? "" }} />
                  </td>
                  <td>
                    <TallyLine tally={decision.tally} />
                  </td>
                  <td>
                    {decision.meeting_id ? (
                      <Link to={meetingPath(group.slug, decision.meeting_id)}>{decision.meeting_title}</Link>
                    ) : null}
                    {decision.meeting_id && decision.document_slug ? <br /> : null}
                    {decision.document_slug ? (
                      <Link to={documentPath(decision.document_slug)}>{decision.document_title}</Link>
                    ) : null}
                    {!decision.meeting_id && !decision.document_slug ? <span className="muted">—</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty-state">{t("groups.decisions.noDecisions")}</p>
      )}
      {nextBefore ? (
        <nav className="pagination" aria-label={t("groups.decisions.log")}>
          <Link to={`?before=${encodeURIComponent(nextBefore)}`}>{t("groups.decisions.older")} →</Link>
        </nav>
      ) : null}
    </div>
  );
}
