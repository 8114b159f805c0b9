import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReviewForm } from "~/components/account/review-form";
import { MemberByline } from "~/components/member-card";
import { InlineError } from "~/components/ui/inline-error";
import { Notice } from "~/components/ui/notice";
import { listPendingProfileChanges } from "~/models/profile-change.server";
import { listUsersByStatus } from "~/models/user.server";
import { can } from "~/policies";
import { getDb } from "~/utils/db.server";
import { readForm } from "~/utils/form.server";
import { runIntent } from "~/utils/intents.server";
import { requireAuthorizedViewer } from "~/utils/second-factor.server";
import { useSite } from "~/utils/use-site";
import {
  approveApplicationAction,
  approveChangeAction,
  invalidReviewAction,
  rejectApplicationAction,
  rejectChangeAction,
} from "./actions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireAuthorizedViewer(request, "site:admin");
  const db = getDb();
  const [pending, rejected, changes] = await Promise.all([
    listUsersByStatus(db, "pending"),
    listUsersByStatus(db, "rejected", 20),
    listPendingProfileChanges(db),
  ]);
  const profileChanges = changes.map((c) => ({
    id: c.id,
    userId: c.user_id,
    displayName: c.display_name,
    username: c.username,
    email: c.email,
    memberTypeBefore: c.member_type_before,
    organizationBefore: c.organization_before,
    memberType: c.member_type,
    organization: c.organization,
    note: c.note,
    createdAt: c.created_at,
    canReview: can(viewer, "profile-change:review", {
      kind: "user",
      id: c.user_id,
      status: c.user_status,
      siteRole: c.site_role,
    }),
  }));
  return { pending, rejected, profileChanges };
}

const INTENTS = {
  approve: approveApplicationAction,
  reject: rejectApplicationAction,
  "approve-change": approveChangeAction,
  "reject-change": rejectChangeAction,
};

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireAuthorizedViewer(request, "site:admin");
  const form = Object.fromEntries(await readForm(request));
  return runIntent(INTENTS, form.intent, { viewer, form, request }, invalidReviewAction);
}

export default function Applications() {
  const { t } = useTranslation();
  const { pending, rejected, profileChanges } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { date } = useSite();
  const approved = searchParams.get("approved");
  const rejectedName = searchParams.get("rejected");
  const changeApproved = searchParams.get("changeApproved");
  const changeRejected = searchParams.get("changeRejected");
  return (
    <section aria-labelledby="applications-title">
      <h2 id="applications-title">{t("admin.pendingCount", { count: pending.length })}</h2>
      {approved ? <Notice>{t("admin.approved", { name: approved })}</Notice> : null}
      {rejectedName ? <Notice>{t("admin.rejected", { name: rejectedName })}</Notice> : null}
      {pending.length === 0 ? <p>{t("admin.noPending")}</p> : null}
      <ul className="application-list">
        {pending.map((user) => {
          const error = actionData && "userId" in actionData && actionData.userId === user.id ? actionData.error : null;
          return (
            <li key={user.id} className="panel application" aria-labelledby={`application-${user.id}`}>
              <h3 id={`application-${user.id}`}>{user.display_name}</h3>
              <MemberByline member={user} withName={false} />
              <p className="muted">
                {user.email} · @{user.username} · {t("admin.applied", { date: date(user.created_at, true) })}
              </p>
              <InlineError error={error} />
              <ReviewForm
                field={{ name: "userId", value: user.id }}
                intents={["approve", "reject"]}
                labels={{ approve: t("admin.approve"), reject: t("admin.reject"), reason: t("admin.rejectReason") }}
                reasonId={`reason-${user.id}`}
                confirm={{ kind: "rejectApplication", values: { name: user.display_name } }}
              />
            </li>
          );
        })}
      </ul>
      {rejected.length ? (
        <>
          <h2>{t("admin.recentlyRejected")}</h2>
          <ul className="plain-list">
            {rejected.map((user) => (
              <li key={user.id}>
                <strong>{user.display_name}</strong> ({user.organization}) — {date(user.reviewed_at)}:{" "}
                <q>{user.rejection_reason}</q>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 id="profile-changes">{t("account.review.title", { count: profileChanges.length })}</h2>
      {changeApproved ? <Notice>{t("account.review.approved", { name: changeApproved })}</Notice> : null}
      {changeRejected ? <Notice>{t("account.review.rejected", { name: changeRejected })}</Notice> : null}
      {profileChanges.length === 0 ? <p>{t("account.review.none")}</p> : null}
      <ul className="application-list">
        {profileChanges.map((change) => {
          const error = actionData && "requestId" in actionData && actionData.requestId === change.id ? actionData.error : null;
          return (
            <li key={change.id} className="panel application" aria-labelledby={`profile-change-${change.id}`}>
              <h3 id={`profile-change-${change.id}`}>{change.displayName}</h3>
              <p className="muted">
                {change.email} · @{change.username} · {t("account.review.asked", { date: date(change.createdAt, true) })}
              </p>
              <dl className="facts">
                <dt>{t("account.review.now")}</dt>
                <dd>
                  {t(`memberType.${change.memberTypeBefore}`)} · {change.organizationBefore}
                </dd>
                <dt>{t("account.review.requested")}</dt>
                <dd>
                  <strong>
                    {t(`memberType.${change.memberType}`)} · {change.organization}
                  </strong>
                </dd>
                {change.note ? (
                  <>
                    <dt>{t("account.review.note")}</dt>
                    <dd>{change.note}</dd>
                  </>
                ) : null}
              </dl>
              <InlineError error={error} />
              {change.canReview ? (
                <ReviewForm
                  field={{ name: "request", value: change.id }}
                  intents={["approve-change", "reject-change"]}
                  labels={{
                    approve: t("account.review.approve"),
                    reject: t("account.review.reject"),
                    reason: t("account.review.rejectReason"),
                  }}
                  reasonId={`change-reason-${change.id}`}
                  confirm={{ kind: "rejectProfileChange", values: { name: change.displayName } }}
                />
              ) : (
                <p className="muted">{t("account.review.ownRequest")}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
