// Suggestions for "@" in a composer (JSON, read-only): the members who may read the topic being
// replied to, or the category a topic is being started in, matching what was typed. Only someone
// who may post there asks; anyone else gets 404, as for the place itself.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { categoryResource, findCategoryBySlug } from "~/models/category.server";
import { mentionCandidates, type MentionPlace } from "~/models/forum-audience.server";
import { findTopic, topicResource } from "~/models/topic.server";
import { can } from "~/policies";
import { getViewer } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { MENTION_QUERY } from "~/schemas/forums";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const params = new URL(request.url).searchParams;
  const db = getDb();
  let place: MentionPlace | null = null;
  const topicId = Number(params.get("topic"));
  if (params.has("topic") && Number.isSafeInteger(topicId) && topicId > 0) {
    const topic = await findTopic(db, topicId);
    if (topic && can(viewer, "topic:reply", topicResource(topic)))
      place = { visibility: topic.category_visibility, groupId: topic.category_group_id };
  } else if (params.has("category")) {
    const category = await findCategoryBySlug(db, params.get("category") ?? "");
    if (category && can(viewer, "topic:create", categoryResource(category)))
      place = { visibility: category.visibility, groupId: category.group_id };
  }
  if (!place) return json({ members: [] }, 404);
  const q = (params.get("q") ?? "").trim();
  if (!MENTION_QUERY.test(q)) return json({ members: [] });
  const members = await mentionCandidates(db, q, place);
  return json({ members: members.map((m) => ({ username: m.username, name: m.display_name })) });
}
