// One proposal: its text, the tally, each member's position (for approved members), the
// discussion, the viewer's vote (changeable until the closing date), and — once a chair closes
// it — the outcome statement.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProposalStateBadge } from "~/components/group/proposal-state";
import { Tally } from "~/components/group/tally";
import { VoteSection } from "~/components/group/vote-form";
import { useGroupSpace } from "~/components/group/use-group-space";
import { MemberByline } from "~/components/member-card";
import { FormErrors, TextareaField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { findVote, listComments, listVotes, proposalState, tallies } from "~/models/proposal.server";
import { can } from "~/policies";
import { closeSchema, commentSchema } from "~/schemas/groups";
import { proposalOf, readGroup, requireGroupViewer, runIntent } from "~/services/groups/context.server";
import { closeRefusal, commentRefusal, voteRefusal } from "~/services/groups/rules.server";
import { useSite } from "~/utils/use-site";
import { readForm } from "~/utils/form.server";
import { documentPath, groupPath, meetingPath } from "~/utils/paths";
import { ConfirmButton } from "~/components/ui/confirm-form";
import { closeAction, commentAction, voteAction } from "./actions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await readGroup(request, params.slug);
  const { viewer, db, group, resource } = context;
  const proposal = await proposalOf(context, params.proposalId);
  const state = proposalState(proposal);
  const showPeople = can(viewer, "group:read-members", resource);
  const [tally, votes, myVote, comments] = await Promise.all([
    tallies(db, [proposal.id]),
    showPeople ? listVotes(db, proposal.id) : [],
    viewer ? findVote(db, proposal.id, viewer.id) : null,
    showPeople ? listComments(db, proposal.id) : [],
  ]);
  return {
    proposal: {
      id: proposal.id,
      title: proposal.title,
      bodyHtml: proposal.body_html,
      closesAt: proposal.closes_at,
      openedAt: proposal.opened_at,
      openerName: proposal.opener_name,
      closedAt: proposal.closed_at,
      closerName: proposal.closer_name,
      outcomeHtml: proposal.outcome_html,
      meeting: proposal.meeting_id ? { id: proposal.meeting_id, title: proposal.meeting_title! } : null,
      document: proposal.document_slug ? { slug: proposal.document_slug, title: proposal.document_title! } : null,
      state,
    },
    tally: tally.get(proposal.id)!,
    showPeople,
    votes,
    myVote,
    comments,
    can: {
      vote: can(viewer, "proposal:vote", resource) && !voteRefusal(proposal),
      comment: can(viewer, "proposal:comment", resource) && !commentRefusal(proposal),
      close: can(viewer, "proposal:close", resource) && !closeRefusal(proposal),
    },
    title: `${proposal.title} · ${group.name}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireGroupViewer(request, params.slug);
  const proposal = await proposalOf(context, params.proposalId);
  const formData = await readForm(request);
  return runIntent({ vote: voteAction, comment: commentAction, close: closeAction }, { ...context, proposal, request, formData });
}

const NOTICES = {
  opened: "groups.notices.proposalOpened",
  voted: "groups.notices.voted",
  commented: "groups.notices.commented",
  closed: "groups.notices.proposalClosed",
} as const;

export default function ProposalPage() {
  const { t } = useTranslation();
  const { proposal, tally, showPeople, votes, myVote, comments, can: allowed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { group } = useGroupSpace();
  const { date } = useSite();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done") as keyof typeof NOTICES | null;
  const [commentForm, commentFields] = useForm({
    id: "comment",
    lastResult: actionData?.intent === "comment" ? actionData.result : undefined,
    constraint: getZodConstraint(commentSchema),
    shouldValidate: "onBlur",
  });
  const [closeForm, closeFields] = useForm({
    id: "close",
    lastResult: actionData?.intent === "close" ? actionData.result : undefined,
    constraint: getZodConstraint(closeSchema),
    shouldValidate: "onBlur",
  });
  return (
    <article aria-labelledby="proposal-title" className="proposal">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={groupPath(group.slug, "decisions")}>{t("groups.decisions.title")}</Link>
      </nav>
      {done && NOTICES[done] ? <Notice>{t(NOTICES[done])}</Notice> : null}
      <h2 id="proposal-title">
        {proposal.title} <ProposalStateBadge state={proposal.state} />
      </h2>
      <p className="muted">
        {t("groups.decisions.openedBy", {
          name: proposal.openerName ?? t("notifications.someone"),
          date: date(proposal.openedAt, true),
        })}
        {" · "}
        {proposal.state === "open"
          ? t("groups.decisions.closes", { date: date(proposal.closesAt, true) })
          : t("groups.decisions.closedOn", { date: date(proposal.closedAt ?? proposal.closesAt, true) })}
      </p>
      {proposal.meeting || proposal.document ? (
        <p>
          {t("groups.decisions.concerns")}:{" "}
          {proposal.meeting ? <Link to={meetingPath(group.slug, proposal.meeting.id)}>{proposal.meeting.title}</Link> : null}
          {proposal.meeting && proposal.document ? " · " : null}
          {proposal.document ? <Link to={documentPath(proposal.document.slug)}>{proposal.document.title}</Link> : null}
        </p>
      ) : null}
      <div className="with-sidebar">
        <div className="stack">
          {proposal.outcomeHtml ? (
            <section aria-labelledby="outcome" className="panel outcome">
              <h3 id="outcome">{t("groups.decisions.outcome")}</h3>
              <p className="muted">
                {t("groups.decisions.recordedBy", {
                  name: proposal.closerName ?? t("notifications.someone"),
                  date: date(proposal.closedAt, true),
                })}
              </p>
              <div className="prose prose--plain" dangerouslySetInnerHTML={{ __html: proposal.outcomeHtml }} />
            </section>
          ) : null}
          {proposal.state === "awaiting_outcome" ? (
            <p className="notice notice--info">{t("groups.decisions.awaitingOutcome")}</p>
          ) : null}
          <section aria-labelledby="proposal-text" className="prose">
            <h3 id="proposal-text">{t("groups.decisions.proposal")}</h3>
            <div dangerouslySetInnerHTML={{ __html: proposal.bodyHtml }} />
          </section>

          {allowed.close ? (
            <section aria-labelledby="close-title" className="panel">
              <h3 id="close-title">{t("groups.decisions.closeTitle")}</h3>
              <p>{t("groups.decisions.closeIntro")}</p>
              <Form method="post" {...getFormProps(closeForm)} className="stack">
                <input type="hidden" name="intent" value="close" />
                <FormErrors errors={closeForm.errors} />
                <TextareaField
                  meta={closeFields.outcome}
                  label={t("groups.decisions.outcomeLabel")}
                  hint={t("groups.form.markdownHint")}
                  rows={6}
                  required
                />
                <ConfirmButton kind="closeProposal" values={{ title: proposal.title }} className="button button--primary">
                  {t("groups.decisions.closeSubmit")}
                </ConfirmButton>
              </Form>
            </section>
          ) : null}

          {showPeople ? (
            <section aria-labelledby="positions">
              <h3 id="positions">{t("groups.decisions.positions")}</h3>
              {votes.length ? (
                <ul className="vote-list">
                  {votes.map((vote) => (
                    <li key={vote.id} className={`vote vote--${vote.position}`}>
                      <span className="vote__position">{t(`groups.decisions.position.${vote.position}`)}</span>
                      <MemberByline member={vote} />
                      {vote.reason ? <p className="vote__reason">{vote.reason}</p> : null}
                      {vote.updated_at !== vote.created_at ? (
                        <span className="muted">{t("groups.decisions.changed", { date: date(vote.updated_at, true) })}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t("groups.decisions.noVotes")}</p>
              )}
            </section>
          ) : null}

          {showPeople ? (
            <section aria-labelledby="discussion">
              <h3 id="discussion">{t("groups.decisions.discussion")}</h3>
              {comments.length ? (
                <ol className="proposal-comments">
                  {comments.map((comment) => (
                    <li key={comment.id} className="card">
                      {comment.username ? (
                        <MemberByline
                          member={{
                            ...comment,
                            username: comment.username,
                            display_name: comment.display_name!,
                            organization: comment.organization!,
                            country: comment.country!,
                            member_type: comment.member_type!,
                          }}
                        />
                      ) : null}
                      <p className="muted comment-time">
                        <time dateTime={comment.created_at}>{date(comment.created_at, true)}</time>
                      </p>
                      <div className="prose prose--plain" dangerouslySetInnerHTML={{ __html: comment.body_html }} />
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="muted">{t("groups.decisions.noComments")}</p>
              )}
              {allowed.comment ? (
                <Form method="post" {...getFormProps(commentForm)} className="stack">
                  <input type="hidden" name="intent" value="comment" />
                  <FormErrors errors={commentForm.errors} />
                  <TextareaField
                    meta={commentFields.body}
                    label={t("groups.decisions.commentLabel")}
                    hint={t("groups.form.markdownHint")}
                    rows={4}
                    required
                  />
                  <button type="submit" className="button">
                    {t("groups.decisions.commentSubmit")}
                  </button>
                </Form>
              ) : null}
            </section>
          ) : (
            <p className="muted">{t("groups.membersOnly")}</p>
          )}
        </div>

        <aside className="sidebar">
          <section aria-labelledby="tally-title">
            <h2 id="tally-title">{t("groups.decisions.tally")}</h2>
            <Tally tally={tally} />
          </section>
          {allowed.vote ? (
            <VoteSection myVote={myVote} lastResult={actionData?.intent === "vote" ? actionData.result : undefined} />
          ) : myVote ? (
            <p>{t("groups.decisions.yourVote", { position: t(`groups.decisions.position.${myVote.position}`) })}</p>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
