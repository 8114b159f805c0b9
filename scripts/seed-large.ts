// `npm run seed:large -- --scale 1 [--database data/large.sqlite]`: a deterministic, large community
// for the benchmark. At scale 1: about 5,000 members, 200 categories and working groups, 20,000
// topics, 300,000 posts (markdown with mentions, code, tables and links, in English, French and
// Vietnamese), 500 guidance documents with 20 revisions each (some 100 KiB long), reactions,
// notifications and read state. Written in batched transactions; progress is printed.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareDatabase } from "~/ops/prepare.server";
import { closeDatabase, openDatabase } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { hashPassword } from "~/utils/password.server";
import { renderRevision } from "~/services/documents/sections.server";
import { changeSize } from "~/services/documents/diff.server";
import { rebuildSearchIndex } from "~/services/search/indexers.server";
import { BENCH_EMAIL, BENCH_PASSWORD } from "./bench-account";

const { values: args } = parseArgs({
  options: { scale: { type: "string", default: "1" }, database: { type: "string", default: "data/large.sqlite" } },
});
const scale = Math.max(0.01, Number(args.scale) || 1);
const file = path.resolve(args.database!);

// A small deterministic generator (mulberry32): the same scale gives the same community.
let state = 20261128;
function random() {
  state |= 0;
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const started = performance.now();
function progress(message: string) {
  console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}`);
}

const SENTENCES = {
  en: [
    "We evaluated the triage model on a local validation cohort before deployment.",
    "The quarterly report covers sensitivity, specificity and the override rate at each site.",
    "Post-deployment monitoring showed a drift in the input distribution after the scanner upgrade.",
    "Risk management follows ISO 14971 with additional hazards for automation bias.",
    "Patient data stay on the hospital's servers; only aggregate indicators leave the site.",
    "Our regulator asks for subgroup performance by age, sex and ethnicity.",
    "The predetermined change control plan lists which retraining steps need a new review.",
    "How do other authorities handle software that adapts after it is deployed?",
    "The pilot in primary care uses the same KPIs as the hospital pilot, with monthly reporting.",
    "Clinicians reported alert fatigue in the emergency department during the first month.",
    "We publish the monitoring plan together with the decision of approval.",
    "Human factors testing found that the confidence display was misread by nurses.",
  ],
  fr: [
    "Nous avons évalué le modèle de tri sur une cohorte de validation locale avant le déploiement.",
    "Le rapport trimestriel présente la sensibilité, la spécificité et le taux de dérogation par site.",
    "La surveillance après déploiement a montré une dérive des données après la mise à jour du scanner.",
    "La gestion des risques suit l'ISO 14971, avec des dangers supplémentaires liés au biais d'automatisation.",
    "Les données des patients restent sur les serveurs de l'hôpital ; seuls des indicateurs agrégés sortent.",
    "Notre autorité demande les performances par sous-groupe d'âge et de sexe.",
    "Le plan de contrôle des changements prédéterminés précise quelles mises à jour exigent un nouvel examen.",
    "Les cliniciens signalent une fatigue liée aux alertes aux urgences.",
  ],
  vi: [
    "Chúng tôi đã đánh giá mô hình phân loại trên một nhóm dữ liệu kiểm định tại chỗ trước khi triển khai.",
    "Báo cáo hằng quý trình bày độ nhạy, độ đặc hiệu và tỷ lệ bác sĩ không theo khuyến nghị tại từng cơ sở.",
    "Giám sát sau triển khai cho thấy dữ liệu đầu vào bị lệch sau khi nâng cấp máy chụp.",
    "Quản lý rủi ro tuân theo ISO 14971, bổ sung các mối nguy do thiên lệch tự động hóa.",
    "Dữ liệu bệnh nhân được lưu trên máy chủ của bệnh viện; chỉ các chỉ số tổng hợp được gửi ra ngoài.",
    "Cơ quan quản lý yêu cầu báo cáo hiệu năng theo nhóm tuổi và giới tính.",
    "Điều chỉnh quy trình đánh giá cần được hội đồng chuyên môn thông qua.",
    "Chương trình thí điểm kéo dài mười tám tháng tại bệnh viện và trạm y tế xã.",
  ],
} as const;
const RARE = ["pharmacovigilance", "calibration-in-the-large", "Brier", "conformal", "federated"];
const TITLES = [
  "Local validation of an AI triage tool",
  "Quarterly KPI reporting for hospital pilots",
  "Handling dataset shift after deployment",
  "Subgroup performance requirements",
  "Predetermined change control plans in practice",
  "Confidentiality of monitoring data",
  "Alert fatigue and override rates",
  "Evidence per risk class before deployment",
  "Đánh giá công cụ AI trước khi triển khai",
  "Suivi des indicateurs après déploiement",
];
const COUNTRIES = ["VN", "GB", "SG", "IN", "FR", "CH", "GH", "KE", "BR", "CA", "JP", "DE", "ZA", "TH", "ID"];
const MEMBER_TYPES = ["regulator", "industry", "academia", "civil_society", "secretariat"] as const;
const LANGS = ["en", "fr", "vi"] as const;

function paragraph(language: (typeof LANGS)[number], sentences: number) {
  const bank = SENTENCES[language];
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(pick(bank));
  if (random() < 0.02) out.push(`We also looked at ${pick(RARE)} for this model.`);
  return out.join(" ");
}

function postBody(usernames: string[]): string {
  const language = pick(LANGS);
  const parts = [paragraph(language, between(1, 4))];
  const roll = random();
  if (roll < 0.15) parts.push(`@${pick(usernames)} could you share how your site handled this?`);
  else if (roll < 0.22)
    parts.push("| KPI | Target | Q3 |\n|---|---|---|\n| Sensitivity | ≥ 0.90 | 0.92 |\n| Override rate | ≤ 15% | 11% |");
  else if (roll < 0.27) parts.push("```sql\nselect site, avg(score) from predictions group by site;\n```");
  else if (roll < 0.33)
    parts.push(`See https://www.who.int/publications and [the framework](/library/pre-deployment-evaluation).`);
  if (random() < 0.3) parts.push(paragraph(language, between(1, 3)));
  return parts.join("\n\n");
}

function documentBody(sections: number, targetBytes: number, revision: number): string {
  const lines: string[] = [];
  for (let s = 1; s <= sections; s++) {
    lines.push(`## ${s}. ${pick(TITLES)} (${s})`, "");
    const paragraphs = Math.max(1, Math.round(targetBytes / sections / 400));
    for (let p = 0; p < paragraphs; p++) lines.push(paragraph("en", 3), "");
    if (s % 4 === 0)
      lines.push("| Indicator | Threshold | Frequency |", "|---|---|---|", `| Sensitivity | 0.9${s % 10} | quarterly |`, "");
    if (revision > 1 && s % 5 === revision % 5) lines.push(`Revision ${revision} clarifies this section for reviewers.`, "");
  }
  return lines.join("\n");
}

async function main() {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const { db, sqlite } = openDatabase(file);
  process.env.DATABASE_URL = `file:${file}`;
  await prepareDatabase(db, { demo: false });
  progress(`Schema and starter content ready in ${path.relative(process.cwd(), file)} (scale ${scale}).`);
  // Bulk load: the benchmark database can be made again, so durability is relaxed while writing it.
  sqlite.pragma("synchronous = OFF");
  const now = Date.now();
  const iso = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();

  // Members
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const memberCount = Math.round(5000 * scale);
  const insertUser = sqlite.prepare(
    `insert into user (email, username, display_name, organization, country, member_type, language, status, site_role, password_hash, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, 'member', ?, ?, ?)`,
  );
  const usernames: string[] = [];
  const userIds: number[] = [];
  sqlite.transaction(() => {
    const bench = insertUser.run(
      BENCH_EMAIL,
      "bench",
      "Benchmark Member",
      "Performance Office",
      "CH",
      "secretariat",
      "en",
      "approved",
      passwordHash,
      iso(400),
      iso(400),
    );
    userIds.push(Number(bench.lastInsertRowid));
    for (let i = 1; i < memberCount; i++) {
      const username = `member${i}`;
      const status = i % 97 === 0 ? "pending" : "approved";
      const created = iso(between(1, 700));
      const row = insertUser.run(
        `${username}@large.test`,
        username,
        `Member ${i}`,
        `Organisation ${i % 400}`,
        pick(COUNTRIES),
        pick(MEMBER_TYPES),
        pick(LANGS),
        status,
        passwordHash,
        created,
        created,
      );
      if (status === "approved") {
        usernames.push(username);
        userIds.push(Number(row.lastInsertRowid));
      }
    }
  })();
  const benchId = userIds[0];
  progress(`${memberCount} members.`);

  // Working groups (each with its discussion category) and community categories: 200 at scale 1.
  const groupCount = Math.round(100 * scale);
  const insertGroup = sqlite.prepare(
    `insert into working_group (slug, name, purpose, visibility, charter_md, charter_html, position, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCategory = sqlite.prepare(
    `insert into category (slug, name, description, visibility, group_id, qa, position, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMembership = sqlite.prepare(
    `insert or ignore into group_membership (group_id, user_id, role, joined_at) values (?, ?, ?, ?)`,
  );
  const groups: Array<{ id: number; visibility: string; categoryId: number }> = [];
  const categories: Array<{ id: number; visibility: string; groupId: number | null }> = [];
  sqlite.transaction(() => {
    for (let g = 1; g <= groupCount; g++) {
      const visibility = g % 10 === 0 ? "private" : g % 3 === 0 ? "closed" : "open";
      const charter = `## Mandate\n\n${paragraph("en", 4)}\n\n## Deliverables\n\n- ${pick(TITLES)}\n- ${pick(TITLES)}`;
      const id = Number(
        insertGroup.run(
          `wg-${g}`,
          `Working group ${g}: ${pick(TITLES)}`,
          paragraph("en", 1),
          visibility,
          charter,
          renderMarkdown(charter).html,
          100 + g,
          iso(500),
          iso(500),
        ).lastInsertRowid,
      );
      const categoryId = Number(
        insertCategory.run(
          `group-wg-${g}`,
          `Working group ${g}`,
          "",
          visibility === "private" ? "private" : "public",
          id,
          0,
          1000 + g,
          iso(500),
        ).lastInsertRowid,
      );
      groups.push({ id, visibility, categoryId });
      categories.push({ id: categoryId, visibility: visibility === "private" ? "private" : "public", groupId: id });
      const size = between(10, 40);
      for (let m = 0; m < size; m++)
        insertMembership.run(id, pick(userIds), m === 0 ? "chair" : m < 3 ? "editor" : "member", iso(300));
      // The benchmark member edits in every other group (so it reads drafts) and sits in some private ones.
      if (visibility !== "private" || g % 20 === 0)
        insertMembership.run(id, benchId, g % 2 === 0 ? "editor" : "member", iso(300));
    }
    for (let c = 1; c <= Math.round(100 * scale); c++) {
      const visibility = c % 5 === 0 ? "members" : "public";
      const id = Number(
        insertCategory.run(
          `community-${c}`,
          `${pick(TITLES)} (${c})`,
          paragraph("en", 1),
          visibility,
          null,
          c % 7 === 0 ? 1 : 0,
          10 + c,
          iso(600),
        ).lastInsertRowid,
      );
      categories.push({ id, visibility, groupId: null });
    }
  })();
  progress(`${groupCount} working groups, ${categories.length} categories.`);

  // Topics and posts: one topic of 1,000 posts in a public category, the rest spread out.
  const topicCount = Math.round(20000 * scale);
  const postCount = Math.round(300000 * scale);
  const insertTopic = sqlite.prepare(
    `insert into topic (category_id, title, slug, author_id, post_count, last_post_number, last_post_at, last_poster_id, view_count, created_at) values (?, ?, ?, ?, 1, 1, ?, ?, ?, ?)`,
  );
  const insertPost = sqlite.prepare(
    `insert into post (topic_id, number, author_id, body_md, body_html, revision, created_at) values (?, ?, ?, ?, ?, 1, ?)`,
  );
  const insertReaction = sqlite.prepare(
    `insert or ignore into reaction (post_id, user_id, kind, created_at) values (?, ?, ?, ?)`,
  );
  const publicCategories = categories.filter((c) => c.visibility === "public" && c.groupId === null);
  const topicIds: number[] = [];
  const nextNumber = new Map<number, number>();
  const topicBatch = 2000;
  for (let start = 0; start < topicCount; start += topicBatch) {
    sqlite.transaction(() => {
      for (let t = start; t < Math.min(topicCount, start + topicBatch); t++) {
        const category =
          t === 0 ? publicCategories[0] : t % 3 === 0 ? publicCategories[t % publicCategories.length] : pick(categories);
        const title = `${pick(TITLES)} — ${t + 1}`;
        const author = pick(userIds);
        const at = iso(between(1, 600));
        const id = Number(
          insertTopic.run(
            category.id,
            title,
            title
              .toLowerCase()
              .normalize("NFD")
              .replace(/[\u0300-\u036f]/g, "")
              .replace(/đ/g, "d")
              .replace(/[^a-z0-9]+/g, "-")
              .replace(/^-|-$/g, "")
              .slice(0, 80) || "topic",
            author,
            at,
            author,
            between(0, 500),
            at,
          ).lastInsertRowid,
        );
        topicIds.push(id);
        const body = postBody(usernames);
        insertPost.run(id, 1, author, body, renderMarkdown(body).html, at);
        nextNumber.set(id, 2);
      }
    })();
  }
  progress(`${topicCount} topics.`);
  const bigTopic = topicIds[0];
  const postBatch = 5000;
  let written = topicCount;
  while (written < postCount) {
    sqlite.transaction(() => {
      for (let i = 0; i < postBatch && written < postCount; i++, written++) {
        const topicId = written < topicCount + 999 ? bigTopic : topicIds[Math.floor(Math.pow(random(), 1.6) * topicIds.length)];
        const number = nextNumber.get(topicId)!;
        nextNumber.set(topicId, number + 1);
        const body = postBody(usernames);
        const postId = Number(
          insertPost.run(topicId, number, pick(userIds), body, renderMarkdown(body).html, iso(between(0, 590))).lastInsertRowid,
        );
        if (random() < 0.25)
          insertReaction.run(postId, pick(userIds), pick(["thumbs_up", "check", "idea", "heart"]), iso(between(0, 500)));
      }
    })();
    if (written % 50000 < postBatch) progress(`${written} posts…`);
  }
  progress("Posts written; computing topic and category statistics.");
  sqlite.exec(`
    update topic set
      post_count = (select count(*) from post where post.topic_id = topic.id),
      last_post_number = (select max(number) from post where post.topic_id = topic.id),
      last_post_at = (select max(created_at) from post where post.topic_id = topic.id),
      last_poster_id = (select author_id from post where post.topic_id = topic.id order by number desc limit 1);
    update category set
      topic_count = (select count(*) from topic where topic.category_id = category.id and topic.deleted_at is null),
      post_count = (select count(*) from post join topic on topic.id = post.topic_id where topic.category_id = category.id and topic.deleted_at is null),
      last_post_at = (select max(last_post_at) from topic where topic.category_id = category.id and topic.deleted_at is null);
  `);
  // Read state and notifications for the benchmark member and a share of the others.
  const insertRead = sqlite.prepare(
    `insert or ignore into topic_read (user_id, topic_id, last_read_number, updated_at) values (?, ?, ?, ?)`,
  );
  const insertNotification = sqlite.prepare(
    `insert into notification (user_id, kind, actor_id, title, excerpt, url, created_at, read_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (let i = 0; i < Math.round(60000 * scale); i++) {
      const topicId = pick(topicIds);
      insertRead.run(
        i % 10 === 0 ? benchId : pick(userIds),
        topicId,
        between(1, Math.max(1, (nextNumber.get(topicId) ?? 2) - 1)),
        iso(between(0, 100)),
      );
    }
    for (let i = 0; i < Math.round(50000 * scale); i++) {
      const topicId = pick(topicIds);
      insertNotification.run(
        i % 50 === 0 ? benchId : pick(userIds),
        pick(["reply", "mention", "watched_topic"]),
        pick(userIds),
        pick(TITLES),
        paragraph("en", 1),
        `/t/${topicId}`,
        iso(between(0, 90)),
        random() < 0.7 ? iso(between(0, 30)) : null,
      );
    }
  })();
  progress("Read state and notifications.");

  // Guidance documents: 20 revisions each, one in ten about 100 KiB long; most published.
  const documentCount = Math.round(500 * scale);
  const insertDocument = sqlite.prepare(
    `insert into document (slug, group_id, title, summary, language, tags, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRevision = sqlite.prepare(
    `insert into revision (document_id, parent_id, author_id, message, body_md, body_html, toc, sections, kind, chars_added, chars_removed, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertVersion = sqlite.prepare(
    `insert into published_version (document_id, version, major, minor, revision_id, title, summary, tags, body_html, toc, notes, review_due, published_at)
     select ?, ?, ?, ?, ?, ?, document.summary, document.tags, ?, ?, ?, ?, ? from document where document.id = ?`,
  );
  for (let d = 1; d <= documentCount; d++) {
    sqlite.transaction(() => {
      const group = groups[d % groups.length];
      const long = d % 10 === 0;
      const title = `${pick(TITLES)} — guidance ${d}`;
      const published = d % 4 !== 0;
      const documentId = Number(
        insertDocument.run(
          `guidance-${d}`,
          group.id,
          title,
          paragraph("en", 1),
          pick(LANGS),
          JSON.stringify([pick(["evaluation", "risk-management", "post-deployment-monitoring", "kpi"])]),
          published ? "published" : "working_draft",
          iso(400),
          iso(between(0, 60)),
        ).lastInsertRowid,
      );
      let parentId: number | null = null;
      let parentSections: ReturnType<typeof renderRevision>["sections"] | null = null;
      let previous = "";
      for (let r = 1; r <= 20; r++) {
        const source = documentBody(long ? 24 : 8, long ? 100 * 1024 : 6 * 1024, r);
        const rendered = renderRevision(source, parentSections);
        const size = changeSize(previous, rendered.body);
        parentId = Number(
          insertRevision.run(
            documentId,
            parentId,
            pick(userIds),
            r === 1 ? "First draft" : `Revision ${r}`,
            rendered.body,
            rendered.html,
            JSON.stringify(rendered.toc),
            JSON.stringify(rendered.sections),
            r === 1 ? "create" : "edit",
            size.added,
            size.removed,
            iso(400 - r * 10),
          ).lastInsertRowid,
        );
        parentSections = rendered.sections;
        previous = rendered.body;
        if (published && r === 10)
          insertVersion.run(
            documentId,
            "1.0",
            1,
            0,
            parentId,
            title,
            rendered.html,
            JSON.stringify(rendered.toc),
            "First publication.",
            iso(-300),
            iso(200),
            documentId,
          );
        if (published && r === 20)
          insertVersion.run(
            documentId,
            "1.1",
            1,
            1,
            parentId,
            title,
            rendered.html,
            JSON.stringify(rendered.toc),
            "Clarifications after consultation.",
            iso(-365),
            iso(30),
            documentId,
          );
      }
      sqlite.prepare("update document set head_revision_id = ?, family_id = id where id = ?").run(parentId, documentId);
    })();
    if (d % 100 === 0) progress(`${d} documents…`);
  }
  progress(`${documentCount} documents with 20 revisions each.`);

  sqlite.pragma("synchronous = FULL");
  progress("Building the search index…");
  const counts = await rebuildSearchIndex(db);
  progress(`Search index: ${JSON.stringify(counts)}.`);
  sqlite.exec("analyze");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  closeDatabase();
  progress(
    `Done: ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB. Sign in as ${BENCH_EMAIL} / ${BENCH_PASSWORD}. Next: npm run bench`,
  );
}

await main();
