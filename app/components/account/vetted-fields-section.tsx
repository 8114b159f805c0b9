import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MemberType } from "~/domain/vocabulary";
import { MemberTypeOptions } from "~/components/profile-fields";
import { ConfirmButton } from "~/components/ui/confirm-form";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { profileChangeRequestSchema } from "~/schemas/account";
import { useSite } from "~/utils/use-site";

/**
 * The settings' section on the vetted fields (member type, organisation): what they are, the
 * pending request (which the member may withdraw) or the last decision, and the form to ask.
 */
export function VettedFieldsSection({
  vetted,
  pendingChange,
  lastDecision,
  canRequestChange,
  lastResult,
}: {
  vetted: { memberType: MemberType; organization: string };
  pendingChange: { id: number; memberType: MemberType; organization: string; createdAt: string } | null;
  lastDecision: { status: string; reason: string | null; createdAt: string } | null;
  canRequestChange: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const { date } = useSite();
  const [changeForm, changeFields] = useForm({
    id: "profile-change-form",
    lastResult,
    defaultValue: { ...vetted, note: "" },
    constraint: getZodConstraint(profileChangeRequestSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileChangeRequestSchema }),
  });
  return (
    <section aria-labelledby="settings-vetted" className="panel" id="profile-change">
      <h2 id="settings-vetted">{t("account.vetted.title")}</h2>
      <dl className="facts">
        <dt>{t("join.memberType")}</dt>
        <dd>{t(`memberType.${vetted.memberType}`)}</dd>
        <dt>{t("join.organization")}</dt>
        <dd>{vetted.organization}</dd>
      </dl>
      {pendingChange ? (
        <>
          <Notice>
            {t("account.vetted.pending", {
              date: date(pendingChange.createdAt),
              memberType: t(`memberType.${pendingChange.memberType}`),
              organization: pendingChange.organization,
            })}
          </Notice>
          <Form method="post" reloadDocument>
            <input type="hidden" name="intent" value="withdraw-change" />
            <input type="hidden" name="request" value={pendingChange.id} />
            <ConfirmButton kind="withdrawProfileChange" className="button">
              {t("account.vetted.withdraw")}
            </ConfirmButton>
          </Form>
        </>
      ) : (
        <>
          {lastDecision ? (
            <p className={lastDecision.status === "rejected" ? "notice notice--warning" : "notice notice--info"}>
              {lastDecision.status === "rejected"
                ? t("account.vetted.rejected", { date: date(lastDecision.createdAt), reason: lastDecision.reason ?? "" })
                : t("account.vetted.approved", { date: date(lastDecision.createdAt) })}
            </p>
          ) : null}
          {canRequestChange ? (
            <Form method="post" reloadDocument {...getFormProps(changeForm)} className="stack">
              <input type="hidden" name="intent" value="request-change" />
              <p className="field__hint">{t("account.vetted.intro")}</p>
              <FormErrors errors={changeForm.errors} />
              <SelectField meta={changeFields.memberType} label={t("join.memberType")} required>
                <MemberTypeOptions />
              </SelectField>
              <InputField meta={changeFields.organization} label={t("join.organization")} autoComplete="organization" required />
              <TextareaField meta={changeFields.note} label={t("account.vetted.note")} hint={t("account.vetted.noteHint")} />
              <button type="submit" className="button">
                {t("account.vetted.submit")}
              </button>
            </Form>
          ) : null}
        </>
      )}
    </section>
  );
}
