import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MemberByline } from "~/components/member-card";
import { Notice } from "~/components/ui/notice";
import { findProfileChange, listPendingProfileChanges } from "~/models/profile-change.server";
import { findUserById, listUsersByStatus } from "~/models/user.server";
import { authorize, can, type Viewer } from "~/policies";
import { approveApplication, rejectApplication } from "~/services/accounts.server";
import { approveProfileChange, rejectProfileChange } from "~/services/profile-changes.server";
import { profileChangeDecisionSchema } from "~/schemas/account";
import { requireViewer } from "~/utils/auth.server";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";
import { getDb } from "~/utils/db.server";
import { badRequest, notFound } from "~/utils/http.server";
import { useSite } from "~/utils/use-site";
import { readForm } from "~/utils/form.server";
import { requireConfirmation } from "~/utils/confirm.server";
import { ConfirmButton, type ConfirmKind, type ConfirmValues } from "~/components/ui/confirm-form";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "site:admin");
  requireSecondFactorIfNeeded(viewer, request);
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

const reviewSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), userId: z.coerce.number().int().positive() }),
  z.object({
    intent: z.literal("reject"),
    userId: z.coerce.number().int().positive(),
    reason: z
      .string({ required_error: "validation.required" })
      .trim()
      .min(1, "validation.required")
      .max(1000, "validation.tooLong"),
  }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "site:admin");
  requireSecondFactorIfNeeded(viewer, request);
  const form = Object.fromEntries(await readForm(request));
  if (form.intent === "approve-change" || form.intent === "reject-change") return decideProfileChange(viewer, form, request);
  const parsed = reviewSchema.safeParse(form);
  if (!parsed.success) {
    const userId = Number(form.userId);
    if (!Number.isSafeInteger(userId)) badRequest();
    return data({ userId, error: parsed.error.issues[0]?.message ?? "validation.formInvalid" }, { status: 400 });
  }
  const db = getDb();
  const user = await findUserById(db, parsed.data.userId);
  if (!user) notFound();
  if (user.status !== "pending") return data({ userId: user.id, error: "admin.alreadyReviewed" }, { status: 409 });
  authorize(viewer, "application:review", { kind: "user", id: user.id, status: user.status, siteRole: user.site_role });
  if (parsed.data.intent === "approve") {
    await approveApplication(db, viewer.id, user.id);
    return redirect(`/admin?approved=${encodeURIComponent(user.display_name)}`);
  }
  requireConfirmation(request, form, "rejectApplication", { name: user.display_name });
  await rejectApplication(db, viewer.id, user.id, parsed.data.reason);
  return redirect(`/admin?rejected=${encodeURIComponent(user.display_name)}`);
}

/** An administrator's decision on a member's request to change their member type or organisation. */
async function decideProfileChange(viewer: Viewer, form: Record<string, FormDataEntryValue>, httpRequest: Request) {
  const parsed = profileChangeDecisionSchema.safeParse(form);
  if (!parsed.success) {
    const requestId = Number(form.request);
    if (!/^[1-9][0-9]{0,15}$/.test(String(form.request)) || !Number.isSafeInteger(requestId)) badRequest();
    return data({ requestId, error: parsed.error.issues[0]?.message ?? "validation.formInvalid" }, { status: 400 });
  }
  const db = getDb();
  const request = await findProfileChange(db, parsed.data.request);
  if (!request) notFound();
  const user = await findUserById(db, request.user_id);
  if (!user) notFound();
  authorize(viewer, "profile-change:review", { kind: "user", id: user.id, status: user.status, siteRole: user.site_role });
  if (parsed.data.intent === "reject-change")
    requireConfirmation(httpRequest, form, "rejectProfileChange", { name: user.display_name });
  const outcome =
    parsed.data.intent === "approve-change"
      ? await approveProfileChange(db, viewer.id, request.id)
      : await rejectProfileChange(db, viewer.id, request.id, parsed.data.reason);
  if (!outcome.ok) return data({ requestId: request.id, error: "account.review.alreadyDecided" }, { status: 409 });
  const done = parsed.data.intent === "approve-change" ? "changeApproved" : "changeRejected";
  return redirect(`/admin?${done}=${encodeURIComponent(user.display_name)}#profile-changes`);
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
              {error ? (
                <p className="form-errors" role="alert">
                  {t(error as never)}
                </p>
              ) : null}
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
              {error ? (
                <p className="form-errors" role="alert">
                  {t(error as never)}
                </p>
              ) : null}
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

/**
 * Approve and reject side by side, as buttons of equal weight, in one form: the reason is only
 * needed to reject (the server says so if it is missing), and it is shown to the member.
 */
function ReviewForm({
  field,
  intents,
  labels,
  reasonId,
  confirm,
}: {
  field: { name: string; value: number };
  intents: [approve: string, reject: string];
  labels: { approve: string; reject: string; reason: string };
  reasonId: string;
  /** Rejecting asks for confirmation (a dialog with JavaScript, a page without). */
  confirm: { kind: ConfirmKind; values: ConfirmValues };
}) {
  return (
    <Form method="post" className="review-form">
      <input type="hidden" name={field.name} value={field.value} />
      <label htmlFor={reasonId} className="field__label">
        {labels.reason}
      </label>
      <textarea id={reasonId} name="reason" rows={2} maxLength={1000} />
      <div className="review-form__buttons">
        <button type="submit" name="intent" value={intents[0]} className="button">
          {labels.approve}
        </button>
        <ConfirmButton name="intent" value={intents[1]} kind={confirm.kind} values={confirm.values} className="button">
          {labels.reject}
        </ConfirmButton>
      </div>
    </Form>
  );
}
