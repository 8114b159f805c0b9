// The Members tab: who is in the group (role, organisation, country, member type), and for chairs
// the join requests to answer, invitations, role changes and removals.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GROUP_ROLES } from "~/domain/vocabulary";
import { MemberByline } from "~/components/member-card";
import { RoleForm, RoleOptions } from "~/components/role-form";
import { Badge } from "~/components/ui/badge";
import { FormErrors, InputField, SelectField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { countChairs, listGroupMembers } from "~/models/group.server";
import { listPendingRequests } from "~/models/join-request.server";
import { authorize, can } from "~/policies";
import { inviteSchema, memberActionSchema } from "~/schemas/groups";
import { readGroup, requireGroupViewer, runIntent } from "~/services/groups/context.server";
import { isLastChair } from "~/services/groups/rules.server";
import { countryName } from "~/utils/format";
import { useSite } from "~/utils/use-site";
import { readForm } from "~/utils/form.server";
import { memberPath } from "~/utils/paths";
import { requireSecondFactorIfNeeded } from "~/utils/second-factor.server";
import { ConfirmButton } from "~/components/ui/confirm-form";
import { approveAction, declineAction, inviteAction, removeAction, roleAction } from "./actions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, group, resource } = await readGroup(request, params.slug);
  const showMembers = can(viewer, "group:read-members", resource);
  const manage = can(viewer, "group:manage-members", resource);
  const [members, requests, chairs] = await Promise.all([
    showMembers ? listGroupMembers(db, group.id) : [],
    manage ? listPendingRequests(db, group.id) : [],
    countChairs(db, group.id),
  ]);
  return {
    showMembers,
    manage,
    members: members.map((member) => ({
      ...member,
      // A group always keeps a chair: the last one can be neither demoted nor removed.
      isLastChair: isLastChair(member.role, chairs),
      isViewer: member.id === viewer?.id,
    })),
    requests,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context = await requireGroupViewer(request, params.slug);
  authorize(context.viewer, "group:manage-members", context.resource);
  requireSecondFactorIfNeeded(context.viewer, request);
  const formData = await readForm(request);
  return runIntent(
    { invite: inviteAction, role: roleAction, remove: removeAction, approve: approveAction, decline: declineAction },
    { ...context, request, formData },
  );
}

const NOTICES = {
  invited: "groups.notices.invited",
  role: "groups.notices.roleChanged",
  removed: "groups.notices.removed",
  approved: "groups.notices.approved",
  declined: "groups.notices.declined",
} as const;

export default function GroupMembers() {
  const { t } = useTranslation();
  const { showMembers, manage, members, requests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { date, language } = useSite();
  const done = searchParams.get("done") as keyof typeof NOTICES | null;
  const roles = GROUP_ROLES.map((role) => ({ value: role, label: t(`groupRole.${role}`) }));
  const [inviteForm, inviteFields] = useForm({
    id: "invite",
    lastResult: actionData?.intent === "invite" ? actionData.result : undefined,
    defaultValue: { role: "member" },
    constraint: getZodConstraint(inviteSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  });
  const errorFor = (intent: string[], id: number) =>
    actionData && actionData.error && intent.includes(actionData.intent) && actionData.target === id ? actionData.error : null;

  return (
    <div className="stack">
      {done && NOTICES[done] ? <Notice>{t(NOTICES[done], { name: searchParams.get("name") ?? "" })}</Notice> : null}
      {manage ? (
        <section aria-labelledby="requests" className="panel">
          <h2 id="requests">{t("groups.requests.title")}</h2>
          {requests.length === 0 ? <p className="muted">{t("groups.requests.none")}</p> : null}
          <ul className="application-list">
            {requests.map((req) => {
              const error = errorFor(["approve", "decline"], req.id);
              return (
                <li key={req.id} className="card join-request" aria-labelledby={`request-${req.id}`}>
                  <h3 id={`request-${req.id}`}>
                    <Link to={memberPath(req.username)}>{req.display_name}</Link>
                  </h3>
                  <p className="muted">
                    {req.organization} · {countryName(req.country, language)} · {t(`memberType.${req.member_type}`)} ·{" "}
                    {t("groups.requests.asked", { date: date(req.created_at, true) })}
                  </p>
                  <blockquote className="motivation">{req.motivation}</blockquote>
                  {error ? (
                    <p className="form-errors" role="alert">
                      {t(error as never)}
                    </p>
                  ) : null}
                  <RequestForm id={req.id} name={req.display_name} />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t("groups.members")}</h2>
        {!showMembers ? (
          <p className="muted">{t("groups.membersOnly")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table group-members">
              <thead>
                <tr>
                  <th scope="col">{t("groups.memberTable.member")}</th>
                  <th scope="col">{t("groups.role")}</th>
                  <th scope="col">{t("groups.memberTable.since")}</th>
                  {manage ? <th scope="col">{t("groups.memberTable.manage")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {members.map((member) => {
                  const error = errorFor(["role", "remove"], member.id);
                  return (
                    <tr key={member.id}>
                      <td>
                        <MemberByline member={member} />
                        {member.isViewer ? <Badge>{t("admin.you")}</Badge> : null}
                        {error ? (
                          <p className="form-errors" role="alert">
                            {t(error as never)}
                          </p>
                        ) : null}
                      </td>
                      <td>
                        <Badge tone={member.role === "chair" ? "info" : "neutral"}>{t(`groupRole.${member.role}`)}</Badge>
                      </td>
                      <td>{date(member.joined_at)}</td>
                      {manage ? (
                        <td>
                          {member.isLastChair ? (
                            <span className="muted">{t("groups.memberTable.lastChair")}</span>
                          ) : (
                            <div className="member-actions">
                              <RoleForm
                                userId={member.id}
                                current={member.role}
                                roles={roles}
                                label={t("groups.memberTable.roleOf", { name: member.display_name })}
                                submit={t("groups.memberTable.changeRole")}
                              />
                              <Form method="post" className="inline-form">
                                <input type="hidden" name="intent" value="remove" />
                                <input type="hidden" name="userId" value={member.id} />
                                <ConfirmButton
                                  kind="removeMember"
                                  values={{ name: member.display_name }}
                                  className="button button--quiet button--danger-text"
                                >
                                  {t("groups.memberTable.remove", { name: member.display_name })}
                                </ConfirmButton>
                              </Form>
                            </div>
                          )}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {manage ? (
        <section aria-labelledby="invite-title" className="panel">
          <h2 id="invite-title">{t("groups.invite.title")}</h2>
          <p>{t("groups.invite.intro")}</p>
          <Form method="post" {...getFormProps(inviteForm)} className="stack">
            <input type="hidden" name="intent" value="invite" />
            <FormErrors errors={inviteForm.errors} />
            <InputField
              meta={inviteFields.username}
              label={t("groups.invite.username")}
              hint={t("groups.invite.usernameHint")}
              required
            />
            <SelectField meta={inviteFields.role} label={t("groups.role")} required>
              <RoleOptions roles={roles} />
            </SelectField>
            <button type="submit" className="button button--primary">
              {t("groups.invite.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

/** A chair's answer to a request to join: an optional message, then approve or decline. */
function RequestForm({ id, name }: { id: number; name: string }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `join-request-${id}`,
    constraint: getZodConstraint(memberActionSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: memberActionSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="join-request__actions">
      <input type="hidden" name="requestId" value={id} />
      <InputField meta={fields.response} label={t("groups.requests.response")} />
      <button type="submit" name="intent" value="approve" className="button button--primary">
        {t("groups.requests.approve", { name })}
      </button>
      <ConfirmButton name="intent" value="decline" kind="declineJoinRequest" values={{ name }} className="button">
        {t("groups.requests.decline", { name })}
      </ConfirmButton>
    </Form>
  );
}
