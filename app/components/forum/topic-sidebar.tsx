// The topic page's sidebar: facts about the topic, the viewer's watch level, the moderators'
// tools (pin, lock, move, delete, restore) and the Q&A hint.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "~/components/ui/confirm-form";
import { SelectField } from "~/components/ui/field";
import { moveSchema } from "~/schemas/forums";
import { useSite } from "~/utils/use-site";
import { WatchControl, type WatchChoice } from "./watch-control";

interface TopicSidebarProps {
  topic: {
    title: string;
    created_at: string;
    replies: number;
    view_count: number;
    pinned: number;
    locked: number;
    deleted: boolean;
    accepted_post_number: number | null;
    category: { qa: boolean };
  };
  watchLevel: WatchChoice | null;
  moveTargets: { id: number; name: string }[];
  can: { moderate: boolean; deleteTopic: boolean; restoreTopic: boolean };
  /** The topic page's address, where its forms post. */
  action: string;
}

export function TopicSidebar({ topic, watchLevel, moveTargets, can, action }: TopicSidebarProps) {
  const { t } = useTranslation();
  const { date, number } = useSite();
  return (
    <aside className="sidebar topic-sidebar">
      <section aria-labelledby="topic-facts-title">
        <h2 id="topic-facts-title">{t("forums.aboutTopic")}</h2>
        <dl className="facts">
          <dt>{t("forums.startedOn")}</dt>
          <dd>{date(topic.created_at)}</dd>
          <dt>{t("forums.replies")}</dt>
          <dd>{number(topic.replies)}</dd>
          <dt>{t("forums.views")}</dt>
          <dd>{number(topic.view_count)}</dd>
        </dl>
      </section>
      {watchLevel ? (
        <section aria-labelledby="topic-watch-title">
          <h2 id="topic-watch-title">{t("forums.watch.title")}</h2>
          <WatchControl level={watchLevel} action={action} subject="topic" />
        </section>
      ) : null}
      {can.moderate || can.deleteTopic || can.restoreTopic ? (
        <section aria-labelledby="topic-tools-title" className="topic-tools">
          <h2 id="topic-tools-title">{t("forums.tools.title")}</h2>
          {can.moderate && !topic.deleted ? (
            <>
              <Form method="post" action={action} className="inline-form">
                <button type="submit" name="intent" value={topic.pinned ? "unpin" : "pin"} className="button button--small">
                  {topic.pinned ? t("forums.tools.unpin") : t("forums.tools.pin")}
                </button>
                <button type="submit" name="intent" value={topic.locked ? "unlock" : "lock"} className="button button--small">
                  {topic.locked ? t("forums.tools.unlock") : t("forums.tools.lock")}
                </button>
              </Form>
              {moveTargets.length ? <MoveForm action={action} moveTargets={moveTargets} /> : null}
            </>
          ) : null}
          {can.deleteTopic ? (
            <Form method="post" action={action} className="inline-form">
              <ConfirmButton
                name="intent"
                value="delete-topic"
                kind="deleteTopic"
                values={{ title: topic.title }}
                className="button button--danger button--small"
              >
                {t("forums.tools.deleteTopic")}
              </ConfirmButton>
            </Form>
          ) : null}
          {can.restoreTopic ? (
            <Form method="post" action={action} className="inline-form">
              <button type="submit" name="intent" value="restore-topic" className="button button--small">
                {t("forums.tools.restoreTopic")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {topic.category.qa ? (
        <section aria-labelledby="topic-qa-title">
          <h2 id="topic-qa-title">{t("forums.qa")}</h2>
          <p className="muted">{topic.accepted_post_number ? t("forums.qaSolved") : t("forums.qaHint")}</p>
        </section>
      ) : null}
    </aside>
  );
}

/** Moving the topic to another category (the server refuses a category it may not take). */
function MoveForm({ action, moveTargets }: { action: string; moveTargets: { id: number; name: string }[] }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "move",
    defaultValue: { category: "" },
    constraint: getZodConstraint(moveSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: moveSchema }),
  });
  return (
    <Form method="post" action={action} {...getFormProps(form)} className="stack topic-tools__move">
      <input type="hidden" name="intent" value="move" />
      <SelectField meta={fields.category} label={t("forums.tools.moveTo")} required>
        <option value="" disabled>
          {t("forums.tools.chooseCategory")}
        </option>
        {moveTargets.map((category) => (
          <option key={category.id} value={category.id}>
            {category.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--small">
        {t("forums.tools.move")}
      </button>
    </Form>
  );
}
