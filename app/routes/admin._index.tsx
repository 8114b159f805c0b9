import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MemberByline } from "~/components/member-card";
import { Notice } from "~/components/ui/notice";
import { findUserById, listUsersByStatus } from "~/models/user.server";
import { authorize } from "~/policies";
import { approveApplication, rejectApplication } from "~/services/accounts.server";
import { requireViewer } from "~/utils/auth.server";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";
import { getDb } from "~/utils/db.server";
import { badRequest, notFound } from "~/utils/http.server";
import { useSite } from "~/utils/use-site";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "site:admin");
  requireSecondFactorIfNeeded(viewer, request);
  const db = getDb();
  const [pending, rejected] = await Promise.all([listUsersByStatus(db, "pending"), listUsersByStatus(db, "rejected", 20)]);
  return { pending, rejected };
}

const reviewSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), userId: z.coerce.number().int().positive() }),
  z.object({
    intent: z.literal("reject"),
    userId: z.coerce.number().int().positive(),
    reason: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(1000, "validation.tooLong"),
  }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  authorize(viewer, "site:admin");
  requireSecondFactorIfNeeded(viewer, request);
  const form = Object.fromEntries(await request.formData());
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
  await rejectApplication(db, viewer.id, user.id, parsed.data.reason);
  return redirect(`/admin?rejected=${encodeURIComponent(user.display_name)}`);
}

export default function Applications() {
  const { t } = useTranslation();
  const { pending, rejected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { date } = useSite();
  const approved = searchParams.get("approved");
  const rejectedName = searchParams.get("rejected");
  return (
    <section aria-labelledby="applications-title">
      <h2 id="applications-title">{t("admin.pendingCount", { count: pending.length })}</h2>
      {approved ? <Notice>{t("admin.approved", { name: approved })}</Notice> : null}
      {rejectedName ? <Notice>{t("admin.rejected", { name: rejectedName })}</Notice> : null}
      {pending.length === 0 ? <p>{t("admin.noPending")}</p> : null}
      <ul className="application-list">
        {pending.map((user) => {
          const error = actionData && actionData.userId === user.id ? actionData.error : null;
          return (
            <li key={user.id} className="panel application" aria-labelledby={`application-${user.id}`}>
              <h3 id={`application-${user.id}`}>{user.display_name}</h3>
              <MemberByline member={user} />
              <p className="muted">
                {user.email} · @{user.username} · {t("admin.applied", { date: date(user.created_at, true) })}
              </p>
              {error ? (
                <p className="form-errors" role="alert">
                  {t(error as never)}
                </p>
              ) : null}
              <div className="application__actions">
                <Form method="post">
                  <input type="hidden" name="userId" value={user.id} />
                  <button type="submit" name="intent" value="approve" className="button button--primary">
                    {t("admin.approve")}
                  </button>
                </Form>
                <Form method="post" className="reject-form">
                  <input type="hidden" name="userId" value={user.id} />
                  <label htmlFor={`reason-${user.id}`} className="field__label">
                    {t("admin.rejectReason")}
                  </label>
                  <textarea id={`reason-${user.id}`} name="reason" rows={2} required maxLength={1000} />
                  <button type="submit" name="intent" value="reject" className="button button--danger">
                    {t("admin.reject")}
                  </button>
                </Form>
              </div>
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
                <strong>{user.display_name}</strong> ({user.organization}) — {date(user.reviewed_at)}: <q>{user.rejection_reason}</q>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
