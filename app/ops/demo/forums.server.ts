// Demo community content for the forums capability, seeded after the demo accounts: the topics of
// the community's spaces (forums-community.ts) and of the working groups' spaces (below), with
// mentions, reactions, an accepted answer, an edit, a flag waiting in the moderation queue and
// members who have not read everything yet. Everything goes through the forum services.
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { loadViewers } from "~/models/forum-audience.server";
import { advanceTopicRead, setWatch } from "~/models/forum-state.server";
import { aboutTopic } from "~/models/notification.server";
import type { Viewer } from "~/policies";
import { flagPost, setTopicFlag } from "~/services/forum/moderation.server";
import { createTopic, editPost, replyToTopic, setAcceptedAnswer, toggleReaction } from "~/services/forum/posting.server";
import { COMMUNITY_TOPICS, KPI_TOPIC, VALIDATION_TOPIC, type DemoTopic } from "./forums-community";

/** The working groups' own discussion spaces. */
const GROUP_SPACE_TOPICS: DemoTopic[] = [
  {
    category: "pilot-coordination-internal",
    by: "minh",
    title: "Site readiness checklist — phase 1 hospitals",
    tags: ["pilot", "checklist"],
    daysAgo: 9,
    pinnedBy: "minh",
    body: `Checklist agreed at the last steering committee, to be confirmed by each site **before the silent period starts**:

- [x] local data-protection officer informed and DPIA signed
- [x] integration with the emergency department system tested
- [ ] clinicians trained (2 sessions)
- [ ] incident reporting route tested end to end

Sites 1 and 2 are ready; site 3 is waiting for the integration test.`,
    replies: [
      {
        by: "editor",
        daysAfter: 1,
        body: `Thanks @minh. For site 3, could we get the integration test results by Friday? The steering committee wants a go/no-go for the silent period next week.`,
      },
      {
        by: "chair",
        daysAfter: 2,
        body: `Trạm y tế xã Đông Anh đã xác nhận hoàn tất đào tạo. Tôi sẽ cập nhật danh sách sau buổi họp thứ Năm.`,
        reactions: [["minh", "thumbs_up"]],
      },
    ],
  },
  {
    category: "pilot-coordination-internal",
    by: "editor",
    title: "Site 3: triage tool unavailable for four hours",
    tags: ["incident"],
    daysAgo: 2,
    body: `During the silent period the tool at site 3 returned no output for about four hours (network change at the hospital). No clinical impact since clinicians do not see the output yet, but it should go into the quarterly incident count. @chair, @minh: can you confirm the exact window?`,
    replies: [
      {
        by: "minh",
        daysAfter: 1,
        body: `Xác nhận: từ 8 giờ 10 đến 12 giờ 05. Nguyên nhân là thay đổi cấu hình tường lửa. Đã bổ sung bước kiểm tra vào quy trình thay đổi mạng của bệnh viện.`,
        reactions: [["editor", "check"]],
      },
    ],
    readUpTo: [["chair", 1]],
  },
  {
    category: "group-evaluation-procedures",
    by: "chair",
    title: "Draft annex B: evidence tiers per risk class — comments before Thursday",
    tags: ["annex-b", "risk-class"],
    daysAgo: 5,
    body: `The draft of **annex B** (evidence expected per risk class) is in the group's documents. Before Thursday's meeting, please comment on two open points:

1. Should class C tools always need a prospective study, or can a silent period plus a registry suffice?
2. Do we keep a separate tier for tools used in primary care?`,
    replies: [
      {
        by: "editor",
        daysAfter: 1,
        body: `On (1): silent period plus registry, with a prospective study only when the tool changes the clinical pathway. On (2): yes — the prevalence is too different to reuse hospital evidence.`,
        reactions: [
          ["chair", "thumbs_up"],
          ["aisha", "thumbs_up"],
        ],
      },
      {
        by: "aisha",
        daysAfter: 2,
        body: `Agree with James on both. For (2), we could point to the pilot's primary-care sites as the example; @minh, would that be acceptable?`,
      },
      {
        by: "minh",
        daysAfter: 3,
        body: `Đồng ý, có thể dùng các trạm y tế xã của thí điểm làm ví dụ, miễn là chỉ dùng số liệu tổng hợp.`,
        reactions: [["aisha", "heart"]],
      },
    ],
    readUpTo: [["editor", 2]],
  },
];

const TOPICS = [...COMMUNITY_TOPICS, ...GROUP_SPACE_TOPICS];

/** Seeds the demo forums inside the caller's transaction (the seed runs in one). */
export async function seedDemoForums(db: Kysely<Database>, users: Map<string, number>): Promise<void> {
  const categories = new Map((await db.selectFrom("category").select(["id", "slug"]).execute()).map((c) => [c.slug, c.id]));
  const viewers = new Map((await loadViewers(db, [...users.values()])).map((v) => [v.username, v]));
  const who = (username: string): Viewer => {
    const viewer = viewers.get(username);
    if (!viewer) throw new Error(`demo forums: unknown member ${username}`);
    return viewer;
  };
  const day = 86_400_000;
  const at = (daysAgo: number, hour = 9) =>
    new Date(Date.now() - daysAgo * day + hour * 3_600_000 - 12 * 3_600_000).toISOString();
  const ids = new Map<string, number>();

  for (const demo of TOPICS) {
    const categoryId = categories.get(demo.category);
    if (categoryId === undefined) continue; // a deployment whose content has no such category
    const created = await createTopic(
      db,
      who(demo.by),
      categoryId,
      { title: demo.title, body: demo.body, tags: demo.tags ?? [] },
      { at: at(demo.daysAgo) },
    );
    if (!created.ok) throw new Error(`demo forums: topic refused: "${demo.title}" (${created.reason})`);
    const { topicId } = created.value;
    ids.set(demo.title, topicId);
    for (const [username, kind] of demo.reactions ?? []) {
      await toggleReaction(db, who(username), topicId, 1, kind, { at: at(demo.daysAgo - 0.2) });
    }
    for (const [index, reply] of (demo.replies ?? []).entries()) {
      const result = await replyToTopic(db, who(reply.by), topicId, reply.body, {
        at: at(demo.daysAgo - reply.daysAfter, 9 + index),
      });
      if (!result.ok) throw new Error(`demo forums: reply refused in "${demo.title}" (${result.reason})`);
      for (const [username, kind] of reply.reactions ?? []) {
        await toggleReaction(db, who(username), topicId, result.value.number, kind, {
          at: at(demo.daysAgo - reply.daysAfter - 0.2),
        });
      }
    }
    const outcomes = [
      demo.accepted ? await setAcceptedAnswer(db, who(demo.accepted.by), topicId, demo.accepted.number) : { ok: true },
      demo.pinnedBy ? await setTopicFlag(db, who(demo.pinnedBy), topicId, "pinned", true) : { ok: true },
      demo.lockedBy ? await setTopicFlag(db, who(demo.lockedBy), topicId, "locked", true) : { ok: true },
    ];
    if (outcomes.some((outcome) => !outcome.ok)) throw new Error(`demo forums: a moderation step was refused in "${demo.title}"`);
    for (const [username, number] of demo.readUpTo ?? []) await advanceTopicRead(db, who(username).id, topicId, number);
  }

  // The accepted answer on local validation was completed later: its history shows the edit.
  const validation = ids.get(TOPICS[VALIDATION_TOPIC].title);
  if (validation) {
    const post = await db
      .selectFrom("post")
      .select(["id", "body_md", "revision"])
      .where("topic_id", "=", validation)
      .where("number", "=", 2)
      .executeTakeFirst();
    if (post) {
      const body = post.body_md.replace(
        "The silent period is the step",
        "For tools used in primary care, we also ask for a separate validation on primary-care data: prevalence is too different to reuse hospital results.\n\nThe silent period is the step",
      );
      await editPost(db, who("editor"), validation, 2, { body, baseRevision: post.revision, reason: "Added primary care" });
      const editedAt = at(18);
      await db.updateTable("post").set({ edited_at: editedAt }).where("id", "=", post.id).execute();
      await db
        .updateTable("post_revision")
        .set({ created_at: editedAt })
        .where("post_id", "=", post.id)
        .where("revision", "=", 2)
        .execute();
    }
  }

  // A flag waiting in the moderation queue.
  const kpi = ids.get(TOPICS[KPI_TOPIC].title);
  if (kpi) {
    const reply = await replyToTopic(
      db,
      who("industry"),
      kpi,
      "Here is a screenshot of the case from ward 4B that triggered our override alert, with the patient's age and admission time, so you can see what the clinicians saw.",
      { at: at(1) },
    );
    const number = reply.ok ? reply.value.number : 0;
    if (number)
      await flagPost(
        db,
        who("sophie"),
        kpi,
        number,
        "This reply describes a single patient (ward, age, admission time): possibly identifiable. Please review before others quote it.",
        { at: at(0.5) },
      );
  }

  // Members follow what they care about.
  await setWatch(db, who("sophie").id, "category", categories.get("post-deployment-monitoring") ?? -1, "watching");
  await setWatch(db, who("ravi").id, "category", categories.get("evaluation-validation") ?? -1, "watching");

  // The demo's history is old news: the notifications it generated are dropped, so each demo
  // member starts with an empty bell (unread posts in topics remain, per member).
  for (const topicId of ids.values()) await db.deleteFrom("notification").where(aboutTopic(topicId)).execute();
}
