// Sessions (lucia v3 over the SQLite adapter) and the signed-in viewer of each request.
import { BetterSqlite3Adapter } from "@lucia-auth/adapter-sqlite";
import { Lucia, TimeSpan, type Session } from "lucia";
import { redirect } from "@remix-run/node";
import { getConnection, getDb, withStatementCache } from "./db.server";
import { isProduction } from "./env.server";
import { safeRedirect } from "./safe-redirect";
import type { Viewer } from "~/policies";
import { readSessionCookie } from "./request-cookies.server";
import { sessionAbsoluteEnd, SESSION_COOKIE_NAME, SESSION_IDLE_DAYS } from "./session-policy";
import { rolesByGroup, viewerFromRow, type ViewerRow } from "~/models/viewer.server";
import { loginPath, withParam } from "./paths";

function createLucia() {
  // The adapter only calls prepare(sql).get/all/run: it gets the statements kept by SQL text too.
  const statements = withStatementCache(getConnection().sqlite) as unknown as ConstructorParameters<
    typeof BetterSqlite3Adapter
  >[0];
  const adapter = new BetterSqlite3Adapter(statements, { user: "user", session: "session" });
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(SESSION_IDLE_DAYS, "d"),
    sessionCookie: {
      name: SESSION_COOKIE_NAME,
      expires: true,
      attributes: { secure: isProduction, sameSite: "lax", path: "/" },
    },
    // The member's own row: app/models/viewer.server.ts makes the viewer of it.
    getUserAttributes: (row) => ({ row }),
    getSessionAttributes: (row) => ({
      createdAt: row.created_at,
      userAgent: row.user_agent,
      ipAddress: row.ip_address,
    }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    UserId: number;
    DatabaseUserAttributes: Omit<ViewerRow, "id">;
    DatabaseSessionAttributes: { created_at: string; user_agent: string; ip_address: string };
  }
}

let lucia: ReturnType<typeof createLucia> | undefined;
let luciaFor: unknown;
export function getLucia() {
  const connection = getConnection();
  if (!lucia || luciaFor !== connection) {
    lucia = createLucia();
    luciaFor = connection;
  }
  return lucia;
}

export function clientAddress(request: Request): string {
  // Set by app/server.ts from the socket (or a trusted proxy header when TRUST_PROXY=1).
  return request.headers.get("x-cop-client-address") ?? "unknown";
}

export interface Auth {
  viewer: Viewer | null;
  session: Session | null;
  /**
   * The Cookie header held several session cookies, or one spelled another way: the request is
   * served as nobody, and its answer is neither cached nor cacheable (see request-cookies.server.ts).
   */
  ambiguous?: boolean;
  /** A Set-Cookie header when the session was refreshed or has to be cleared. */
  setCookie?: string;
}

/**
 * The header app/server.ts puts on every request it hands to Remix (after dropping any a client
 * sent): a number unique in this process. Remix gives each loader its own copy of the Request, so
 * the copies are recognised as one request by this number.
 */
export const REQUEST_ID_HEADER = "x-cop-request";
const authByRequestId = new Map<string, Promise<Auth>>();
const authByRequest = new WeakMap<Request, Promise<Auth>>();

/**
 * Who is making this request. Looked up once per request, so the root loader and the route loader
 * share one session check (app/server.ts forgets it when the response is sent).
 */
export function getAuth(request: Request): Promise<Auth> {
  // An action may change who is signed in or their settings: the loaders that run after it, with
  // GET copies of the request, look the viewer up afresh (once) rather than reuse the action's.
  const id = request.method === "GET" || request.method === "HEAD" ? request.headers.get(REQUEST_ID_HEADER) : null;
  let pending = id ? authByRequestId.get(id) : authByRequest.get(request);
  if (!pending) {
    pending = readAuth(request);
    if (id) authByRequestId.set(id, pending);
    else authByRequest.set(request, pending);
  }
  return pending;
}

/** Called by app/server.ts once a request is answered. */
export function forgetRequest(id: string) {
  authByRequestId.delete(id);
}

/**
 * Who the pages of this request were rendered for, as the loaders saw it: undefined when no loader
 * asked (nothing personal can be in the page). app/server.ts decides from this, not from the request
 * headers, whether an answer may be kept in the page cache and under which key.
 */
export function renderedFor(id: string): Promise<Auth> | undefined {
  return authByRequestId.get(id);
}

async function readAuth(request: Request): Promise<Auth> {
  const cookie = readSessionCookie(request.headers.get("cookie"));
  if (cookie.kind === "none") return { viewer: null, session: null };
  if (cookie.kind === "ambiguous") return { viewer: null, session: null, ambiguous: true };
  const lucia = getLucia();
  const { session, user } = await lucia.validateSession(cookie.id);
  if (!session || !user) {
    return { viewer: null, session: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  if (user.row.status === "suspended" || Date.now() > sessionAbsoluteEnd(session.createdAt)) {
    await lucia.invalidateSession(session.id);
    return { viewer: null, session: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  const memberships = await getDb()
    .selectFrom("group_membership")
    .select(["group_id", "role"])
    .where("user_id", "=", user.id)
    .execute();
  const viewer = viewerFromRow({ ...user.row, id: user.id }, rolesByGroup(memberships));
  const setCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : undefined;
  return { viewer, session, setCookie };
}

export async function getViewer(request: Request): Promise<Viewer | null> {
  return (await getAuth(request)).viewer;
}

/** The signed-in viewer, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (!viewer) {
    const url = new URL(request.url);
    const back = safeRedirect(url.pathname + url.search);
    throw redirect(withParam(loginPath(), "redirectTo", back));
  }
  return viewer;
}

export async function startSession(userId: number, request: Request): Promise<string> {
  const lucia = getLucia();
  const session = await lucia.createSession(userId, {
    created_at: new Date().toISOString(),
    user_agent: (request.headers.get("user-agent") ?? "").slice(0, 300),
    ip_address: clientAddress(request),
  });
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(request: Request): Promise<string> {
  const lucia = getLucia();
  const { session } = await getAuth(request);
  if (session) await lucia.invalidateSession(session.id);
  return lucia.createBlankSessionCookie().serialize();
}
