// Demo content of the community's own spaces (introductions, evaluation and validation,
// monitoring after deployment, data protection): topics and replies in English, French and
// Vietnamese, with mentions, reactions, an accepted answer and members who have not read everything.
import type { ReactionKind } from "~/domain/vocabulary";

export interface DemoReply {
  by: string;
  body: string;
  daysAfter: number;
  reactions?: Array<[string, ReactionKind]>;
}

export interface DemoTopic {
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

/** The local-validation question, whose accepted answer the seed edits later (its history shows the edit). */
export const VALIDATION_TOPIC = 1;
/** The monitoring KPI topic, where a flagged reply waits in the moderation queue. */
export const KPI_TOPIC = 4;

export const COMMUNITY_TOPICS: DemoTopic[] = [
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
];
