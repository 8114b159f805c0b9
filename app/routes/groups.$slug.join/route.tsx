// Joining a group: an open group takes any approved member straight away; a closed group takes a
// request with a short motivation, which its chairs approve or decline.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { JoinFields } from "~/components/group/join-fields";
import { FormErrors, TextareaField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { findLatestRequest } from "~/models/join-request.server";
import { can, isApproved } from "~/policies";
import { isGroupMember } from "~/policies/viewer";
import { joinRequestSchema } from "~/schemas/groups";
import { requireGroupViewer, runIntent } from "~/services/groups/context.server";
import { useSite } from "~/utils/use-site";
import { readForm } from "~/utils/form.server";
import { ConfirmButton } from "~/components/ui/confirm-form";
import { groupPath } from "~/utils/paths";
import { joinAction, requestAction, withdrawAction } from "./actions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, group, resource } = await requireGroupViewer(request, params.slug);
  if (isGroupMember(viewer, group.id)) throw redirect(groupPath(group.slug));
  const latest = await findLatestRequest(db, group.id, viewer.id);
  return {
    canJoin: can(viewer, "group:join", resource),
    canRequest: can(viewer, "group:request-join", resource),
    approved: isApproved(viewer),
    pending: latest?.status === "pending" ? { motivation: latest.motivation, createdAt: latest.created_at } : null,
    declined: latest?.status === "declined" ? { response: latest.response, decidedAt: latest.decided_at } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireGroupViewer(request, params.slug);
  const formData = await readForm(request);
  return runIntent({ join: joinAction, request: requestAction, withdraw: withdrawAction }, { ...context, request, formData });
}

export default function JoinGroup() {
  const { t } = useTranslation();
  const { canJoin, canRequest, approved, pending, declined } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { date } = useSite();
  const [form, fields] = useForm({
    id: "join-request",
    lastResult: actionData?.result,
    constraint: getZodConstraint(joinRequestSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: joinRequestSchema }),
  });
  return (
    <section aria-labelledby="join-title" className="panel page--narrow">
      <h2 id="join-title">{t("groups.join.title")}</h2>
      {searchParams.get("done") === "withdrawn" ? <Notice>{t("groups.notices.withdrawn")}</Notice> : null}
      {actionData?.error ? (
        <p className="form-errors" role="alert">
          {t(actionData.error as never)}
        </p>
      ) : null}
      {!approved ? <p>{t("groups.join.approvedOnly")}</p> : null}
      {canJoin ? (
        <Form method="post" className="stack">
          <p>{t("groups.join.openIntro")}</p>
          <JoinFields />
        </Form>
      ) : null}
      {pending ? (
        <div className="stack">
          <p>{t("groups.join.pendingSince", { date: date(pending.createdAt) })}</p>
          <blockquote className="motivation">{pending.motivation}</blockquote>
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <ConfirmButton kind="withdrawJoinRequest" className="button">
              {t("groups.join.withdraw")}
            </ConfirmButton>
          </Form>
        </div>
      ) : canRequest ? (
        <>
          {declined ? (
            <div className="notice notice--warning">
              <p>{t("groups.join.declinedOn", { date: date(declined.decidedAt) })}</p>
              {declined.response ? <blockquote className="motivation">{declined.response}</blockquote> : null}
            </div>
          ) : null}
          <p>{t("groups.join.closedIntro")}</p>
          <Form method="post" {...getFormProps(form)} className="stack">
            <input type="hidden" name="intent" value="request" />
            <FormErrors errors={form.errors} />
            <TextareaField
              meta={fields.motivation}
              label={t("groups.join.motivation")}
              hint={t("groups.join.motivationHint")}
              required
              rows={5}
            />
            <button type="submit" className="button button--primary">
              {t("groups.join.send")}
            </button>
          </Form>
        </>
      ) : null}
      {approved && !canJoin && !canRequest && !pending ? <p>{t("groups.join.inviteOnly")}</p> : null}
      <p>
        <Link to="..">{t("groups.backToGroup")}</Link>
      </p>
    </section>
  );
}
