// Leaving a group, after a confirmation. The last chair must hand the role over first.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { countChairs } from "~/models/group.server";
import { authorize, groupRole } from "~/policies";
import { refused, requireGroupViewer } from "~/services/groups/context.server";
import { leaveGroup } from "~/services/groups/membership.server";
import { isLastChair } from "~/services/groups/rules.server";
import { groupPath, groupsPath } from "~/utils/paths";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, db, group } = await requireGroupViewer(request, params.slug);
  const role = groupRole(viewer, group.id);
  if (!role) throw redirect(groupPath(group.slug));
  return {
    role,
    lastChair: isLastChair(role, await countChairs(db, group.id)),
    isPrivate: group.visibility === "private",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, db, group, resource } = await requireGroupViewer(request, params.slug);
  authorize(viewer, "group:leave", resource);
  const result = await leaveGroup(db, viewer, group);
  if (!result.ok) return refused(result);
  // A private group no longer exists for someone who left it.
  return redirect(
    group.visibility === "private" ? groupsPath({ done: "left" }) : groupPath(group.slug, undefined, { done: "left" }),
  );
}

export default function LeaveGroup() {
  const { t } = useTranslation();
  const { role, lastChair, isPrivate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="leave-title" className="panel page--narrow">
      <h2 id="leave-title">{t("groups.leave.title")}</h2>
      {actionData?.error ? (
        <p className="form-errors" role="alert">
          {t(actionData.error as never)}
        </p>
      ) : null}
      <p>{t("groups.leave.intro", { role: t(`groupRole.${role}`) })}</p>
      {isPrivate ? <p className="notice notice--warning">{t("groups.leave.privateWarning")}</p> : null}
      {lastChair ? <p className="notice notice--warning">{t("groups.errors.lastChair")}</p> : null}
      <Form method="post" className="inline-form">
        <button type="submit" className="button button--danger">
          {t("groups.leave.confirm")}
        </button>
        <Link to="..">{t("common.cancel")}</Link>
      </Form>
    </section>
  );
}
