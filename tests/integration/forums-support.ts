// Helpers shared by the forums' integration tests: start topics and reply through the real routes.
import { action as newTopicAction } from "~/routes/forums.$category_.new/route";
import { action as topicAction, loader as topicLoader } from "~/routes/t.$topicId.($slug)/route";
import { getDb } from "~/utils/db.server";
import { call, get, post, sessionCookie } from "../support/routes";

export async function cookieOf(email: string | null) {
  return email ? await sessionCookie(email) : undefined;
}

export async function startTopic(email: string, category: string, fields: { title: string; body: string; tags?: string }) {
  const cookie = await sessionCookie(email);
  const res = await call(newTopicAction, post(`/forums/${category}/new`, { tags: "", ...fields }, { cookie }), { category });
  if (res.status !== 302 || !res.location) throw new Error(`topic not started: ${res.status} ${JSON.stringify(res.data)}`);
  const [, id, slug] = res.location.match(/^\/t\/(\d+)\/([^/?#]+)$/) ?? [];
  return { topicId: Number(id), slug, location: res.location };
}

export async function replyAs(email: string, topicId: number, body: string, extra: Record<string, string> = {}) {
  const cookie = await sessionCookie(email);
  return call(topicAction, post(`/t/${topicId}`, { intent: "reply", body, ...extra }, { cookie }), { topicId: String(topicId) });
}

export async function topicAs(email: string | null, topicId: number, slug: string, search = "") {
  const cookie = await cookieOf(email);
  return call(topicLoader, get(`/t/${topicId}/${slug}${search}`, { cookie }), { topicId: String(topicId), slug });
}

export async function act(email: string, topicId: number, fields: Record<string, string>) {
  const cookie = await sessionCookie(email);
  return call(topicAction, post(`/t/${topicId}`, fields, { cookie }), { topicId: String(topicId) });
}

export async function userId(username: string) {
  return (await getDb().selectFrom("user").select("id").where("username", "=", username).executeTakeFirstOrThrow()).id;
}

export async function topicBySlugPart(part: string) {
  return getDb().selectFrom("topic").selectAll().where("title", "like", `%${part}%`).executeTakeFirstOrThrow();
}

export async function notificationsOf(username: string) {
  return getDb()
    .selectFrom("notification")
    .selectAll()
    .where("user_id", "=", await userId(username))
    .orderBy("id")
    .execute();
}

export async function postsOf(topicId: number) {
  return getDb().selectFrom("post").selectAll().where("topic_id", "=", topicId).orderBy("number").execute();
}
