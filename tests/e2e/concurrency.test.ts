// Many simultaneous writers against the real server running as two processes (Node cluster, one
// SQLite database in WAL mode): replies to one topic, saves to one document, votes on one proposal.
// No acknowledged write may be lost or duplicated, and no request may fail with a 5xx (SQLITE_BUSY
// must never reach a user).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./support/server";
import { sessionCookieFor } from "./support/session";

let server: RunningServer;
const cookies = new Map<string, string>();

const signIn = (email: string) => sessionCookieFor(server.url, email);

function postForm(path: string, cookie: string, fields: Record<string, string>) {
  return fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { origin: server.url, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

const db = () => new Database(server.databaseFile, { readonly: true });

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMITS: "off", WEB_CONCURRENCY: "2" } });
  for (const email of [
    "member@demo.test",
    "industry@demo.test",
    "ravi@demo.test",
    "sophie@demo.test",
    "aisha@demo.test",
    "chair@demo.test",
    "editor@demo.test",
    "minh@demo.test",
  ]) {
    cookies.set(email, await signIn(email));
  }
});
afterAll(async () => {
  await server?.stop();
});

describe("concurrent writers", () => {
  it("keeps every reply sent at once to one topic, each with its own number", async () => {
    const conn = db();
    const topic = conn
      .prepare(
        "select t.id from topic t join category c on c.id = t.category_id where c.slug = 'introductions' order by t.id limit 1",
      )
      .get() as { id: number };
    const before = (conn.prepare("select count(*) as n from post where topic_id = ?").get(topic.id) as { n: number }).n;
    conn.close();
    const writers = ["member@demo.test", "industry@demo.test", "ravi@demo.test", "sophie@demo.test", "aisha@demo.test"];
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        postForm(`/t/${topic.id}`, cookies.get(writers[i % writers.length])!, {
          intent: "reply",
          body: `Concurrent reply number ${i}`,
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 302)).toBe(true);
    const after = db();
    const rows = after
      .prepare("select number, body_md from post where topic_id = ? and body_md like 'Concurrent reply number %'")
      .all(topic.id) as Array<{ number: number; body_md: string }>;
    const total = (after.prepare("select count(*) as n from post where topic_id = ?").get(topic.id) as { n: number }).n;
    after.close();
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => r.body_md)).size).toBe(60);
    expect(new Set(rows.map((r) => r.number)).size).toBe(60);
    expect(total).toBe(before + 60);
  });

  it("never loses an accepted save when editors save one document at once, and keeps the head whole", async () => {
    const conn = db();
    const doc = conn.prepare("select id, head_revision_id from document where slug = 'pre-deployment-evaluation'").get() as {
      id: number;
      head_revision_id: number;
    };
    const head = conn.prepare("select body_md from revision where id = ?").get(doc.head_revision_id) as { body_md: string };
    conn.close();
    const editors = ["chair@demo.test", "editor@demo.test"];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        postForm("/documents/pre-deployment-evaluation/edit", cookies.get(editors[i % 2])!, {
          intent: "save",
          body: `${head.body_md}\n\nConcurrent paragraph ${i} added by a racing editor.\n`,
          message: `Racing save ${i}`,
          baseRevision: String(doc.head_revision_id),
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    // Each save either landed (redirect) or came back as a conflict with the text kept (409).
    expect(statuses.every((s) => s === 302 || s === 303 || s === 409)).toBe(true);
    const accepted = statuses.filter((s) => s === 302 || s === 303).length;
    const after = db();
    const revisions = after
      .prepare("select id, parent_id, message from revision where document_id = ? and message like 'Racing save %' order by id")
      .all(doc.id) as Array<{ id: number; parent_id: number; message: string }>;
    const newHead = after.prepare("select head_revision_id from document where id = ?").get(doc.id) as {
      head_revision_id: number;
    };
    const chain = after.prepare("select id, parent_id from revision where document_id = ? order by id").all(doc.id) as Array<{
      id: number;
      parent_id: number | null;
    }>;
    after.close();
    expect(revisions).toHaveLength(accepted);
    expect(accepted).toBeGreaterThan(0);
    // The head is the newest revision, and every revision's parent is the one saved just before it.
    expect(newHead.head_revision_id).toBe(chain[chain.length - 1].id);
    for (let i = 1; i < chain.length; i++) if (chain[i].parent_id !== null) expect(chain[i].parent_id).toBe(chain[i - 1].id);
  });

  it("counts exactly one vote per member when members vote and change their vote at once", async () => {
    const conn = db();
    const proposal = conn
      .prepare(
        "select p.id from proposal p join working_group g on g.id = p.group_id where g.slug = 'evaluation-procedures' and p.closed_at is null and p.closes_at > ? order by p.id limit 1",
      )
      .get(new Date().toISOString()) as { id: number } | undefined;
    conn.close();
    expect(proposal).toBeDefined();
    const voters = ["chair@demo.test", "editor@demo.test", "minh@demo.test"];
    const positions = ["agree", "abstain", "disagree"];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        postForm(`/groups/evaluation-procedures/decisions/${proposal!.id}`, cookies.get(voters[i % 3])!, {
          intent: "vote",
          position: positions[i % 3],
          reason: "",
        }),
      ),
    );
    expect(results.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    expect(results.every((r) => r.status === 302)).toBe(true);
    const after = db();
    const votes = after
      .prepare("select user_id, count(*) as n from vote where proposal_id = ? group by user_id")
      .all(proposal!.id) as Array<{ n: number }>;
    after.close();
    expect(votes.length).toBeGreaterThanOrEqual(3);
    for (const vote of votes) expect(vote.n).toBe(1);
  });
});
