// The vote of a member on an open proposal: a position (agree, abstain, disagree, block) and,
// for a block especially, the reason; changeable until the closing date.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VOTE_POSITIONS, type VotePosition } from "~/domain/vocabulary";
import { FormErrors, TextareaField } from "~/components/ui/field";
import { voteSchema } from "~/schemas/groups";

export function VoteSection({
  myVote,
  lastResult,
}: {
  myVote: { position: VotePosition; reason: string } | null;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "vote",
    lastResult,
    defaultValue: myVote ? { position: myVote.position, reason: myVote.reason } : undefined,
    constraint: getZodConstraint(voteSchema),
    shouldValidate: "onBlur",
  });
  return (
    <section aria-labelledby="vote">
      <h2 id="vote">{myVote ? t("groups.decisions.changeVote") : t("groups.decisions.vote")}</h2>
      {myVote ? <p>{t("groups.decisions.yourVote", { position: t(`groups.decisions.position.${myVote.position}`) })}</p> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="vote" />
        <FormErrors errors={form.errors} />
        <fieldset
          className="vote-options"
          aria-describedby={fields.position.errors?.length ? fields.position.errorId : undefined}
        >
          <legend>{t("groups.decisions.yourPosition")}</legend>
          {VOTE_POSITIONS.map((position) => (
            <label key={position} className="radio">
              <input
                type="radio"
                name={fields.position.name}
                value={position}
                defaultChecked={fields.position.initialValue === position}
                required
              />{" "}
              <strong>{t(`groups.decisions.position.${position}`)}</strong>
              <span className="muted"> — {t(`groups.decisions.positionHint.${position}`)}</span>
            </label>
          ))}
          {fields.position.errors?.length ? (
            <ul id={fields.position.errorId} className="field__errors">
              {fields.position.errors.map((error) => (
                <li key={error}>{t(error as never)}</li>
              ))}
            </ul>
          ) : null}
        </fieldset>
        <TextareaField
          meta={fields.reason}
          label={t("groups.decisions.reason")}
          hint={t("groups.decisions.reasonHint")}
          rows={3}
        />
        <button type="submit" className="button button--primary">
          {myVote ? t("groups.decisions.changeVoteSubmit") : t("groups.decisions.voteSubmit")}
        </button>
      </Form>
    </section>
  );
}
