// Demo community content for the forums capability, seeded after the demo accounts: topics and
// replies in several categories and languages, with mentions, reactions, an accepted answer, an
// edit, a flag waiting in the moderation queue and members who have not read everything yet.
import type { Kysely } from "kysely";
import type { ReactionKind } from "~/domain/vocabulary";
import type { Database } from "~db/schema";
import { loadViewers } from "~/models/forum-audience.server";
import { advanceTopicRead, setWatch } from "~/models/forum-state.server";
import type { Viewer } from "~/policies";
import {
  createTopic,
  editPost,
  flagPost,
  replyToTopic,
  setAcceptedAnswer,
  setTopicFlag,
  toggleReaction,
} from "~/services/forum.server";

interface DemoReply {
  by: string;
  body: string;
  daysAfter: number;
  reactions?: Array<[string, ReactionKind]>;
}

interface DemoTopic {
  category: string;
  by: string;
  title: string;
  tags?: string[];
  daysAgo: number;
  body: string;
  reactions?: Array<[string, ReactionKind]>;
  replies?: DemoReply[];
  /** The reply (post number) the author accepts as the answer. */
  accepted?: { number: number; by: string };
  pinnedBy?: string;
  lockedBy?: string;
  /** Members who read the topic up to this post number (the rest is unread for them). */
  readUpTo?: Array<[string, number]>;
}

const TOPICS: DemoTopic[] = [
  {
    category: "introductions",
    by: "moderator",
    title: "Welcome — please introduce yourself",
    daysAgo: 90,
    pinnedBy: "moderator",
    body: `Welcome to the community of practice on the regulation of AI in health.

Please tell us in a few lines:

- who you are and which **organisation** you work for (regulator, ministry, health-information centre, company, university, patients' organisation…);
- what you work on: evaluation before deployment, risk management, monitoring in routine use, data protection;
- what you hope to **learn** here, and what you could **share**.

You may write in English, French or Vietnamese — many of us read all three.

A reminder of the one rule that matters most here: **never post patient-identifiable information**, even in an example.`,
    reactions: [
      ["member", "heart"],
      ["sophie", "thumbs_up"],
      ["minh", "thumbs_up"],
    ],
    replies: [
      {
        by: "member",
        daysAfter: 50,
        body: `Hello everyone — Tan Wei Ming, Health Sciences Authority, Singapore. I review software as a medical device, and lately mostly AI-based triage and imaging tools.

I am particularly interested in how other regulators handle **change control** for models that are retrained after approval, and in what post-market data you actually ask manufacturers for.`,
        reactions: [
          ["aisha", "thumbs_up"],
          ["editor", "thumbs_up"],
        ],
      },
      {
        by: "industry",
        daysAfter: 52,
        body: `Bonjour à toutes et à tous ! Claire Dubois, responsable des affaires réglementaires chez MedVision AI (Lyon). Nous développons un outil d'aide à la lecture des radiographies thoraciques, marqué CE classe IIa.

Je suis ici pour comprendre les attentes des autorités hors d'Europe avant nos premiers pilotes, et pour partager notre expérience du suivi après mise sur le marché. @member, nous avons justement un plan de changements prédéterminés à discuter.`,
        reactions: [
          ["sophie", "heart"],
          ["member", "idea"],
        ],
      },
      {
        by: "minh",
        daysAfter: 55,
        body: `Xin chào cả nhà! Tôi là Trần Quang Minh, Bệnh viện Bạch Mai (Hà Nội). Tôi điều phối thí điểm 18 tháng công cụ AI phân loại ưu tiên cấp cứu tại bệnh viện và một số trạm y tế tuyến xã.

Rất mong được học hỏi kinh nghiệm về **chỉ số theo dõi hằng quý** và cách bảo mật dữ liệu bệnh nhân khi chia sẻ kết quả giữa các điểm thí điểm.`,
        reactions: [
          ["chair", "heart"],
          ["sophie", "thumbs_up"],
        ],
      },
    ],
    readUpTo: [["member", 4]],
  },
  {
    category: "evaluation-validation",
    by: "ravi",
    title: "What evidence do you require for local validation of an AI triage tool before deployment?",
    tags: ["local-validation", "triage", "evidence"],
    daysAgo: 21,
    body: `We are drafting our guidance for AI tools that triage patients in emergency departments. The tools usually come with a retrospective multicentre validation, but rarely from hospitals like ours.

What do you **require before deployment** at a new site?

1. A retrospective validation on local data (how many cases, which outcome)?
2. A silent-mode (shadow) period — and for how long?
3. Subgroup performance (age, sex, language, site) with pre-set thresholds?

I would be grateful for concrete numbers, even rough ones.`,
    reactions: [
      ["aisha", "thumbs_up"],
      ["member", "thumbs_up"],
    ],
    replies: [
      {
        by: "editor",
        daysAfter: 1,
        body: `What we ask for in practice, as a starting point (proportionate to risk):

| Step | Minimum | Notes |
|---|---|---|
| Retrospective local validation | ≥ 500 consecutive cases, ≥ 50 positives | Same outcome definition as the pivotal study |
| Silent mode | 4–8 weeks | Clinicians do not see the output; compare with actual triage |
| Subgroups | age bands, sex, arrival mode | Report sensitivity with 95 % CI; flag any subgroup > 5 points below overall |

The silent period is the step that catches most problems: workflow mismatches, missing inputs, different coding of outcomes. @ravi, happy to share our checklist.`,
        reactions: [
          ["ravi", "check"],
          ["aisha", "check"],
          ["chair", "idea"],
          ["member", "thumbs_up"],
        ],
      },
      {
        by: "chair",
        daysAfter: 2,
        body: `Ở Việt Nam, chúng tôi đang thử nghiệm quy trình tương tự trong khuôn khổ thí điểm:

- đánh giá hồi cứu trên dữ liệu của chính bệnh viện trước khi triển khai;
- **chạy song song (chế độ im lặng) 6 tuần**, bác sĩ không thấy kết quả của AI;
- báo cáo kết quả theo nhóm tuổi và theo tuyến (bệnh viện / trạm y tế xã).

Điểm khó nhất là định nghĩa "kết cục" thống nhất giữa các điểm thí điểm.`,
        reactions: [
          ["minh", "thumbs_up"],
          ["editor", "idea"],
        ],
      },
      {
        by: "aisha",
        daysAfter: 3,
        body: `+1 to the silent period. One addition from Singapore: we ask for the **failure modes** observed during the silent period to be written into the instructions for use before go-live — e.g. "not validated for paediatric patients", "degrades when vital signs are missing".`,
        reactions: [
          ["ravi", "idea"],
          ["editor", "thumbs_up"],
        ],
      },
    ],
    accepted: { number: 2, by: "ravi" },
    readUpTo: [["member", 4]],
  },
  {
    category: "evaluation-validation",
    by: "aisha",
    title: "TRIPOD+AI or DECIDE-AI: which reporting guideline at which stage?",
    tags: ["reporting-guidelines", "evidence"],
    daysAgo: 12,
    body: `Manufacturers send us study reports written against different guidelines. Is there a shared view on which one we should **expect at which stage** of the evidence?`,
    replies: [
      {
        by: "editor",
        daysAfter: 1,
        body: `Roughly:

- **TRIPOD+AI** — development and validation of the prediction model itself (retrospective performance);
- **DECIDE-AI** — early clinical evaluation, the first live use with clinicians in the loop (what our silent and early pilot phases produce);
- **CONSORT-AI / SPIRIT-AI** — randomised trials, when outcomes for patients are the question.

We ask manufacturers to say which one each report follows and to include the checklist.`,
        reactions: [
          ["aisha", "check"],
          ["ravi", "thumbs_up"],
          ["sophie", "idea"],
        ],
      },
    ],
    accepted: { number: 2, by: "aisha" },
  },
  {
    category: "evaluation-validation",
    by: "daniel",
    title: "Should a silent-mode period be mandatory for high-risk tools?",
    tags: ["silent-mode", "patient-safety"],
    daysAgo: 6,
    body: `From the patients' side: a silent period costs little and protects a lot. Should it be **mandatory** for tools in the highest risk class, rather than "recommended"? What are the arguments against?`,
    replies: [
      {
        by: "sophie",
        daysAfter: 1,
        body: `En France, nous le recommandons fortement mais ne l'imposons pas : pour certains outils (par exemple une aide à la lecture déjà utilisée ailleurs avec le même matériel), une évaluation rétrospective locale solide peut suffire. Ce qui est obligatoire, en revanche, c'est de **documenter la justification** si l'on s'en passe.`,
        reactions: [
          ["daniel", "idea"],
          ["industry", "thumbs_up"],
        ],
      },
      {
        by: "member",
        daysAfter: 2,
        body: `Similar in Singapore. I would support "mandatory unless justified" for tools that change who is seen first — the harm of a missed critical patient is not recoverable.`,
        reactions: [["daniel", "thumbs_up"]],
      },
    ],
  },
  {
    category: "post-deployment-monitoring",
    by: "sophie",
    title: "Quarterly KPI report for hospital pilots — what do you report?",
    tags: ["kpi", "quarterly-report", "pilot"],
    daysAgo: 14,
    body: `We are agreeing on a **common quarterly report** for the 12–18-month pilots. My proposal for the core indicators:

| KPI | Definition | Alert threshold |
|---|---|---|
| Sensitivity for critical cases | vs. final diagnosis at 72 h | < 0.90 |
| Override rate | clinician changes the AI triage level | > 25 % |
| Missing-input rate | cases where the tool could not run | > 5 % |
| Time to triage | median, minutes | + 20 % vs. baseline |

What would you add? In particular: **equity** indicators, and how you report **incidents**.`,
    reactions: [
      ["minh", "thumbs_up"],
      ["aisha", "thumbs_up"],
      ["ravi", "idea"],
    ],
    replies: [
      {
        by: "minh",
        daysAfter: 1,
        body: `Ở Bạch Mai chúng tôi bổ sung hai chỉ số:

- **tỷ lệ ghi đè theo tuyến** (bệnh viện / trạm y tế xã) — ở tuyến xã tỷ lệ này cao gấp đôi;
- **số sự cố được báo cáo** và thời gian khắc phục trung bình.

Báo cáo quý của chúng tôi được gửi cho Ban chỉ đạo trước ngày 15 của tháng đầu quý sau.`,
        reactions: [
          ["sophie", "idea"],
          ["chair", "thumbs_up"],
        ],
      },
      {
        by: "aisha",
        daysAfter: 2,
        body: `@sophie for equity we break sensitivity and override rate down by **age band, sex and preferred language**, and report the largest gap between groups with its confidence interval. A gap over 5 points triggers a review, not an automatic stop.`,
        reactions: [
          ["sophie", "check"],
          ["daniel", "heart"],
        ],
      },
      {
        by: "ravi",
        daysAfter: 4,
        body: `We also ask for the **model version** in use at each site during the quarter, and any change made under the predetermined change control plan. Otherwise the KPIs of two quarters are not comparable.`,
        reactions: [
          ["sophie", "thumbs_up"],
          ["member", "idea"],
        ],
      },
    ],
    readUpTo: [["member", 2]],
  },
  {
    category: "post-deployment-monitoring",
    by: "minh",
    title: "Theo dõi trôi dữ liệu (data drift) trong báo cáo quý",
    tags: ["drift", "kpi"],
    daysAgo: 4,
    body: `Chúng tôi nhận thấy phân bố tuổi và lý do nhập viện ở các trạm y tế xã khác nhiều so với dữ liệu huấn luyện. Các anh chị theo dõi **trôi dữ liệu** như thế nào trong báo cáo quý? Dùng chỉ số nào (PSI, khoảng cách phân phối…) và ngưỡng cảnh báo bao nhiêu?`,
    replies: [
      {
        by: "chair",
        daysAfter: 1,
        body: `Trung tâm Thông tin Y tế Quốc gia đề xuất dùng **PSI** cho từng biến đầu vào chính, ngưỡng cảnh báo 0,2, và báo cáo hằng tháng cho điểm thí điểm, tổng hợp theo quý.`,
        reactions: [["minh", "check"]],
      },
      {
        by: "sophie",
        daysAfter: 2,
        body: `Nous suivons aussi le PSI, mais surtout l'évolution des performances sur les cas où le diagnostic final est connu : une dérive des entrées sans baisse de performance ne justifie pas, à elle seule, un arrêt de l'outil.`,
        reactions: [
          ["minh", "idea"],
          ["aisha", "thumbs_up"],
        ],
      },
    ],
  },
  {
    category: "data-protection",
    by: "industry",
    title: "Pseudonymisation before sharing validation datasets across borders",
    tags: ["pseudonymisation", "cross-border"],
    daysAgo: 10,
    body: `For a multi-country validation we would need hospitals to share images and outcomes with us. What do regulators here consider **sufficient pseudonymisation**, and do you require a data-protection impact assessment before any transfer?`,
    replies: [
      {
        by: "sophie",
        daysAfter: 1,
        body: `Côté français : une AIPD (analyse d'impact) est attendue dans ce cas, et les données de santé doivent être hébergées chez un hébergeur certifié HDS. La pseudonymisation seule ne fait pas sortir les données du champ du RGPD ; privilégiez l'évaluation **sur site** (le modèle va vers les données) quand c'est possible.`,
        reactions: [
          ["industry", "check"],
          ["daniel", "thumbs_up"],
        ],
      },
      {
        by: "daniel",
        daysAfter: 2,
        body: `Please also tell patients, in plain language, that their data may be used to validate the tool — and how to object. Trust is much easier to keep than to win back.`,
        reactions: [
          ["sophie", "heart"],
          ["moderator", "thumbs_up"],
        ],
      },
    ],
  },
  {
    category: "data-protection",
    by: "chair",
    title: "Thời hạn lưu trữ nhật ký suy luận có chứa dữ liệu bệnh nhân",
    tags: ["retention", "logs"],
    daysAgo: 3,
    body: `Nhật ký suy luận (đầu vào, kết quả, phiên bản mô hình) rất cần cho theo dõi sau triển khai, nhưng lại chứa dữ liệu bệnh nhân. Các cơ quan quản lý quy định **thời hạn lưu trữ** bao lâu?`,
    replies: [
      {
        by: "editor",
        daysAfter: 1,
        body: `We ask for logs to be kept for the life of the model version plus two years, pseudonymised at source, with access limited to named people at the manufacturer and the site. @chair, happy to send the wording we use.`,
        reactions: [["chair", "thumbs_up"]],
      },
    ],
  },
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
    const { topicId } = await createTopic(
      db,
      who(demo.by),
      categoryId,
      { title: demo.title, body: demo.body, tags: demo.tags ?? [] },
      { at: at(demo.daysAgo) },
    );
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
        await toggleReaction(db, who(username), topicId, result.number, kind, { at: at(demo.daysAgo - reply.daysAfter - 0.2) });
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
  const validation = ids.get(TOPICS[1].title);
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
  const kpi = ids.get(TOPICS[4].title);
  if (kpi) {
    const { number } = await replyToTopic(
      db,
      who("industry"),
      kpi,
      "Here is a screenshot of the case from ward 4B that triggered our override alert, with the patient's age and admission time, so you can see what the clinicians saw.",
      { at: at(1) },
    ).then((r) => (r.ok ? r : { number: 0 }));
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
  await db.deleteFrom("notification").where("url", "like", "/t/%").execute();
}
