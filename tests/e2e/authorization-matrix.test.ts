// The authorization matrix: for every route of app/routes and every role, the status a GET gets.
// The list of routes is read from the folder, so a new route without an entry fails this suite.
// Every route that accepts POST refuses a foreign or missing Origin (CSRF).
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../setup/paths";
import { ROLES, type Role } from "./support/roles";
import { startServer, type RunningServer } from "./support/server";
import { sessionCookieFor } from "./support/session";

const ROLE_ORDER: Role[] = [
  "anonymous",
  "pending",
  "member",
  "groupMember",
  "editor",
  "chair",
  "moderator",
  "admin",
  "suspended",
];

/**
 * Route file → sample path (":name" parts are filled from the demo database) → the status of a GET
 * for each role, in ROLE_ORDER. 200 ok, 302 redirect (to sign in, or to a canonical address),
 * 403 refused, 404 not found or not visible, 405 no GET (the route only answers POST).
 */
const MATRIX: Record<string, Array<[path: string, statuses: string]>> = {
  _index: [["/", "200 200 200 200 200 200 200 200 200"]],
  "admin._index": [["/admin", "302 403 403 403 403 403 403 200 302"]],
  "admin.audit": [["/admin/audit", "302 403 403 403 403 403 403 200 302"]],
  "admin.categories": [["/admin/categories", "302 403 403 403 403 403 403 200 302"]],
  "admin.members": [["/admin/members", "302 403 403 403 403 403 403 200 302"]],
  "admin.moderation": [["/admin/moderation", "302 403 403 403 403 403 200 200 302"]],
  admin: [["/admin/members", "302 403 403 403 403 403 403 200 302"]],
  "documents.$slug._index": [
    ["/documents/pre-deployment-evaluation", "302 302 302 200 200 200 302 302 302"],
    ["/documents/does-not-exist", "404 404 404 404 404 404 404 404 404"],
  ],
  "documents.$slug.compare": [
    ["/documents/pre-deployment-evaluation/compare?from=:revision&to=:headRevision", "302 302 302 200 200 200 302 302 302"],
    ["/documents/pre-deployment-evaluation/compare?from=999999&to=:headRevision", "302 302 302 404 404 404 302 302 302"],
  ],
  "documents.$slug.consultation": [["/documents/pre-deployment-evaluation/consultation", "302 302 302 200 200 200 302 302 302"]],
  "documents.$slug.edit": [["/documents/pre-deployment-evaluation/edit", "302 302 302 403 200 200 302 302 302"]],
  "documents.$slug.history": [["/documents/pre-deployment-evaluation/history", "302 302 302 200 200 200 302 302 302"]],
  "documents.$slug.proposals.$proposalId": [
    ["/documents/pre-deployment-evaluation/proposals/:docProposal", "302 302 302 200 200 200 302 302 302"],
  ],
  "documents.$slug.proposals._index": [["/documents/pre-deployment-evaluation/proposals", "302 302 302 200 200 200 302 302 302"]],
  "documents.$slug.proposals.new": [
    ["/documents/pre-deployment-evaluation/proposals/new", "302 302 302 200 200 200 302 302 302"],
  ],
  "documents.$slug.publish": [["/documents/pre-deployment-evaluation/publish", "302 302 302 403 403 200 302 302 302"]],
  "documents.$slug.revisions.$revisionId": [
    ["/documents/pre-deployment-evaluation/revisions/:revision", "302 302 302 200 200 200 302 302 302"],
  ],
  "documents.$slug.settings": [["/documents/pre-deployment-evaluation/settings", "302 302 302 403 200 200 302 302 302"]],
  "documents.$slug": [["/documents/pre-deployment-evaluation", "302 302 302 200 200 200 302 302 302"]],
  "documents.new": [["/documents/new?group=evaluation-procedures", "302 403 403 403 200 200 403 403 302"]],
  "forums.$category": [
    ["/forums/introductions", "200 200 200 200 200 200 200 200 200"],
    ["/forums/data-protection", "404 404 200 200 200 200 200 200 404"],
    ["/forums/pilot-coordination-internal", "404 404 404 200 200 200 404 404 404"],
  ],
  "forums.$category_.feed[.]xml": [
    ["/forums/introductions/feed.xml", "200 200 200 200 200 200 200 200 200"],
    ["/forums/data-protection/feed.xml", "404 404 404 404 404 404 404 404 404"],
    ["/forums/pilot-coordination-internal/feed.xml", "404 404 404 404 404 404 404 404 404"],
  ],
  "forums.$category_.new": [
    ["/forums/introductions/new", "302 403 200 200 200 200 200 200 302"],
    ["/forums/pilot-coordination-internal/new", "302 404 404 200 200 200 404 404 302"],
  ],
  "forums._index": [["/forums", "200 200 200 200 200 200 200 200 200"]],
  "groups.$slug._index": [
    ["/groups/evaluation-procedures", "200 200 200 200 200 200 200 200 200"],
    ["/groups/pilot-coordination", "404 404 404 200 200 200 404 404 404"],
  ],
  "groups.$slug.calendar[.]ics": [
    ["/groups/evaluation-procedures/calendar.ics", "200 200 200 200 200 200 200 200 200"],
    ["/groups/pilot-coordination/calendar.ics", "404 404 404 200 200 200 404 404 404"],
  ],
  "groups.$slug.decisions.$proposalId": [
    ["/groups/evaluation-procedures/decisions/:proposal", "200 200 200 200 200 200 200 200 200"],
  ],
  "groups.$slug.decisions._index": [
    ["/groups/evaluation-procedures/decisions", "200 200 200 200 200 200 200 200 200"],
    ["/groups/pilot-coordination/decisions", "404 404 404 200 200 200 404 404 404"],
  ],
  "groups.$slug.decisions.new": [["/groups/evaluation-procedures/decisions/new", "302 403 403 403 200 200 403 403 302"]],
  "groups.$slug.discussions": [
    ["/groups/evaluation-procedures/discussions", "200 200 200 200 200 200 200 200 200"],
    ["/groups/pilot-coordination/discussions", "404 404 404 200 200 200 404 404 404"],
  ],
  "groups.$slug.documents": [
    ["/groups/evaluation-procedures/documents", "200 200 200 200 200 200 200 200 200"],
    ["/groups/pilot-coordination/documents", "404 404 404 200 200 200 404 404 404"],
  ],
  "groups.$slug.edit": [["/groups/evaluation-procedures/edit", "302 403 403 403 403 200 403 403 302"]],
  "groups.$slug.join": [["/groups/evaluation-procedures/join", "302 200 200 302 302 302 200 200 302"]],
  "groups.$slug.leave": [["/groups/evaluation-procedures/leave", "302 302 302 200 200 200 302 302 302"]],
  "groups.$slug.meetings.$meetingId._index": [
    ["/groups/evaluation-procedures/meetings/:meeting", "200 200 200 200 200 200 200 200 200"],
    ["/groups/pilot-coordination/meetings/:privateMeeting", "404 404 404 200 200 200 404 404 404"],
  ],
  "groups.$slug.meetings.$meetingId.edit": [
    ["/groups/evaluation-procedures/meetings/:meeting/edit", "302 403 403 403 403 200 403 403 302"],
  ],
  "groups.$slug.meetings.$meetingId.meeting[.]ics": [
    ["/groups/evaluation-procedures/meetings/:meeting/meeting.ics", "200 200 200 200 200 200 200 200 200"],
    ["/groups/pilot-coordination/meetings/:privateMeeting/meeting.ics", "404 404 404 200 200 200 404 404 404"],
  ],
  "groups.$slug.meetings.$meetingId.minutes": [
    ["/groups/evaluation-procedures/meetings/:meeting/minutes", "302 403 403 403 200 200 403 403 302"],
  ],
  "groups.$slug.meetings._index": [
    ["/groups/evaluation-procedures/meetings", "200 200 200 200 200 200 200 200 200"],
    ["/groups/pilot-coordination/meetings", "404 404 404 200 200 200 404 404 404"],
  ],
  "groups.$slug.meetings.new": [["/groups/evaluation-procedures/meetings/new", "302 403 403 403 403 200 403 403 302"]],
  "groups.$slug.members": [
    ["/groups/evaluation-procedures/members", "200 200 200 200 200 200 200 200 200"],
    ["/groups/pilot-coordination/members", "404 404 404 200 200 200 404 404 404"],
  ],
  "groups.$slug": [["/groups/evaluation-procedures", "200 200 200 200 200 200 200 200 200"]],
  "groups.$slug.watch": [["/groups/evaluation-procedures/watch", "302 302 302 302 302 302 302 302 302"]],
  "groups._index": [["/groups", "200 200 200 200 200 200 200 200 200"]],
  "groups.new": [["/groups/new", "302 403 403 403 403 403 403 200 302"]],
  health: [["/health", "200 200 200 200 200 200 200 200 200"]],
  join: [["/join", "200 302 302 302 302 302 302 302 200"]],
  language: [["/language", "302 302 302 302 302 302 302 302 302"]],
  "library.$slug._index": [
    ["/library/pre-deployment-evaluation", "200 200 200 200 200 200 200 200 200"],
    ["/library/does-not-exist", "404 404 404 404 404 404 404 404 404"],
  ],
  "library.$slug.changes": [
    ["/library/pre-deployment-evaluation/changes?from=1.0&to=1.0", "200 200 200 200 200 200 200 200 200"],
  ],
  "library.$slug.v.$version": [
    ["/library/pre-deployment-evaluation/v/1.0", "200 200 200 200 200 200 200 200 200"],
    ["/library/pre-deployment-evaluation/v/x.y", "404 404 404 404 404 404 404 404 404"],
  ],
  "library._index": [["/library", "200 200 200 200 200 200 200 200 200"]],
  "library.$slug.v.$version_.print[.]css": [
    ["/library/pre-deployment-evaluation/v/1.0/print.css", "200 200 200 200 200 200 200 200 200"],
    ["/library/pre-deployment-evaluation/v/x.y/print.css", "404 404 404 404 404 404 404 404 404"],
  ],
  "library.feed[.]xml": [["/library/feed.xml", "200 200 200 200 200 200 200 200 200"]],
  login: [["/login", "200 302 302 302 302 302 302 302 200"]],
  // Without a pending sign-in (a right password first) there is no second step to show.
  "login_.two-factor": [["/login/two-factor", "302 302 302 302 302 302 302 302 302"]],
  logout: [["/logout", "302 302 302 302 302 302 302 302 302"]],
  mentions: [
    ["/mentions?topic=:publicTopic&q=a", "404 404 200 200 200 200 200 200 404"],
    ["/mentions?topic=:privateTopic&q=a", "404 404 404 200 200 200 404 404 404"],
    ["/mentions?category=pilot-coordination-internal&q=a", "404 404 404 200 200 200 404 404 404"],
  ],
  "members.$username": [
    ["/members/chair", "302 404 200 200 200 200 200 200 302"],
    ["/members/pending", "302 200 404 404 404 404 404 200 302"],
  ],
  "members._index": [["/members", "302 403 200 200 200 200 200 200 302"]],
  notifications: [["/notifications", "302 200 200 200 200 200 200 200 302"]],
  "search.suggest": [["/search/suggest?q=evaluation", "200 200 200 200 200 200 200 200 200"]],
  search: [["/search?q=evaluation", "200 200 200 200 200 200 200 200 200"]],
  settings: [["/settings", "302 200 200 200 200 200 200 200 302"]],
  "settings_.two-factor": [["/settings/two-factor", "302 200 200 200 200 200 200 200 302"]],
  status: [["/status", "200 200 200 200 200 200 200 200 200"]],
  "t.$topicId.($slug)": [
    ["/t/:publicTopic", "302 302 302 302 302 302 302 302 302"],
    ["/t/:privateTopic", "404 404 404 302 302 302 404 404 404"],
    ["/t/abc", "404 404 404 404 404 404 404 404 404"],
  ],
  "t.$topicId.posts.$number.history": [
    ["/t/:publicTopic/posts/1/history", "200 200 200 200 200 200 200 200 200"],
    ["/t/:privateTopic/posts/1/history", "404 404 404 200 200 200 404 404 404"],
  ],
};

let server: RunningServer;
const cookies = new Map<Role, string | undefined>();
let values: Record<string, string | number> = {};

function fill(template: string) {
  return template.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no sample value for :${name}`);
    return String(values[name]);
  });
}

const signIn = (email: string) => sessionCookieFor(server.url, email);

beforeAll(async () => {
  server = await startServer({ env: { RATE_LIMITS: "off" } });
  const db = new Database(server.databaseFile, { readonly: true });
  const one = (sql: string) => Object.values(db.prepare(sql).get() as Record<string, string | number>)[0];
  values = {
    publicTopic: one(
      "select t.id from topic t join category c on c.id = t.category_id where c.visibility = 'public' and c.group_id is null order by t.id limit 1",
    ),
    privateTopic: one(
      "select t.id from topic t join category c on c.id = t.category_id where c.visibility = 'private' order by t.id limit 1",
    ),
    meeting: one(
      "select m.id from meeting m join working_group g on g.id = m.group_id where g.slug = 'evaluation-procedures' order by m.id limit 1",
    ),
    privateMeeting: one(
      "select m.id from meeting m join working_group g on g.id = m.group_id where g.slug = 'pilot-coordination' order by m.id limit 1",
    ),
    proposal: one(
      "select p.id from proposal p join working_group g on g.id = p.group_id where g.slug = 'evaluation-procedures' order by p.id limit 1",
    ),
    docProposal: one(
      "select p.id from change_proposal p join document d on d.id = p.document_id where d.slug = 'pre-deployment-evaluation' order by p.id limit 1",
    ),
    revision: one(
      "select r.id from revision r join document d on d.id = r.document_id where d.slug = 'pre-deployment-evaluation' order by r.id limit 1",
    ),
    headRevision: one("select head_revision_id from document where slug = 'pre-deployment-evaluation'"),
  };
  db.close();
  // A suspended account: its sessions end and it is refused everywhere.
  const admin = await signIn(ROLES.admin);
  const suspendedCookie = await signIn(ROLES.suspended);
  const daniel = new Database(server.databaseFile, { readonly: true });
  const danielId = (daniel.prepare("select id from user where email = ?").get(ROLES.suspended) as { id: number }).id;
  daniel.close();
  const res = await fetch(`${server.url}/admin/members`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: server.url, cookie: admin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "suspend", userId: String(danielId), reason: "matrix", confirm: "yes" }),
  });
  expect(res.status).toBe(302);
  for (const role of ROLE_ORDER) {
    const email = ROLES[role];
    cookies.set(role, role === "suspended" ? suspendedCookie : email ? await signIn(email) : undefined);
  }
});

afterAll(async () => {
  await server?.stop();
});

// A route is a module of app/routes or a route folder (app/routes/<name>/route.tsx), by its name.
const routeModules = new Map(
  fs.readdirSync(path.join(ROOT, "app/routes"), { withFileTypes: true }).flatMap((entry): Array<[string, string]> => {
    if (entry.isFile() && /\.tsx?$/.test(entry.name)) return [[entry.name.replace(/\.tsx?$/, ""), entry.name]];
    const module = entry.isDirectory()
      ? ["route.tsx", "route.ts"].find((file) => fs.existsSync(path.join(ROOT, "app/routes", entry.name, file)))
      : undefined;
    return module ? [[entry.name, path.join(entry.name, module)]] : [];
  }),
);
const routeFiles = [...routeModules.keys()];

describe("the authorization matrix", () => {
  it("has an entry for every route", () => {
    const missing = routeFiles.filter((route) => !(route in MATRIX));
    const stale = Object.keys(MATRIX).filter((route) => !routeFiles.includes(route));
    if (process.env.RECORD_MATRIX !== "1") expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it("answers every role with the expected status on every route", async () => {
    const record: Record<string, Array<[string, string]>> = {};
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routeFiles) {
      for (const [template, expected] of MATRIX[route] ?? (process.env.RECORD_MATRIX === "1" ? [[`?${route}`, ""]] : [])) {
        if (template.startsWith("?")) continue;
        const url = server.url + fill(template);
        const got: number[] = [];
        for (const role of ROLE_ORDER) {
          const cookie = cookies.get(role);
          const res = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
          await res.arrayBuffer();
          got.push(res.status);
          checked++;
        }
        const actual = got.join(" ");
        (record[route] ??= []).push([template, actual]);
        if (actual !== expected) mismatches.push(`${route} ${template}\n  expected ${expected}\n  got      ${actual}`);
      }
    }
    if (process.env.RECORD_MATRIX === "1") console.log(JSON.stringify(record, null, 1));
    else expect(mismatches.join("\n")).toBe("");
    console.log(`authorization matrix: ${checked} requests (${routeFiles.length} routes × ${ROLE_ORDER.length} roles)`);
  });

  it("refuses a POST with a foreign or missing Origin on every route that takes one", async () => {
    const posting = routeFiles.filter((route) =>
      /export (async function|const) action\b/.test(
        fs.readFileSync(path.join(ROOT, "app/routes", routeModules.get(route)!), "utf8"),
      ),
    );
    expect(posting.length).toBeGreaterThan(20);
    const admin = cookies.get("admin")!;
    for (const route of posting) {
      const [template] = MATRIX[route]?.[0] ?? [];
      if (!template) continue;
      for (const origin of ["https://evil.example", null]) {
        const res = await fetch(server.url + fill(template), {
          method: "POST",
          redirect: "manual",
          headers: { cookie: admin, "content-type": "application/x-www-form-urlencoded", ...(origin ? { origin } : {}) },
          body: "intent=delete",
        });
        expect(res.status, `${route} with origin ${origin}`).toBe(403);
      }
    }
  });
});
