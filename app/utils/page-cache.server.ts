// A cache of rendered pages, as Discourse keeps one for anonymous visitors, extended to each
// signed-in member's own pages.
// - Anonymous: a GET without a session cookie is answered from memory when the same page (same
//   address, same language) was rendered since the last write. A page is only stored when its
//   response sets no cookie and does not forbid caching, so it never carries a session or anything
//   private (anonymous visitors only ever see public content).
// - Signed in: a member's GET of a reading page (forums, topics, library, groups, documents,
//   search, members) is answered from the pages rendered *for that member* since the last write
//   and since their view version last moved. The session is checked on every request (expired,
//   revoked, suspended or due for renewal: no cache), and the key holds the member's id, so one
//   member's page is never served to anyone else.
// Who a request is comes from one reader of the Cookie header (request-cookies.server.ts), shared
// with sign-in; a header with several session cookies, or one spelled another way, is never
// answered from or stored in the cache. Whether an answer is kept is decided from the identity the
// render actually used (app/server/handle-request.ts asks auth.server.ts), never from the request headers alone.
// Keys hold the host the page was asked for (absolute links in feeds and calendars follow it when
// PUBLIC_ORIGIN is unset), and the address as routing reads it (`/t/%2e%2e/settings` is `/settings`).
// Every successful write request increments content_version in the database (all server processes
// share it), which invalidates every cached page at once; a page view that changes what a member
// sees next (their read position) moves that member's view_version in the same transaction.
import type Database from "better-sqlite3";
import { sql } from "kysely";
import { writeTransaction, type DB } from "./db.server";
import { visitorLanguage } from "./i18n.server";
import { readSessionCookie } from "./request-cookies.server";
import { sessionAbsoluteEnd, SESSION_IDLE_DAYS } from "./session-policy";

export interface CachedPage {
  status: number;
  headers: Record<string, string>;
  /** The body as UTF-8, cut where each response puts its own CSP nonce. */
  parts: Buffer[];
  /** Total length of the parts in bytes. */
  size: number;
  version: number;
  storedAt: number;
}

/** Where a request's answer lives in the cache, and whom it may be rendered for. */
export interface CacheSlot {
  key: string;
  /** The member the page must be rendered for, or null for a page rendered for nobody. */
  owner: number | null;
}

const MAX_ENTRIES = 1000;
const MAX_BYTES = 24 * 1024 * 1024;
/** Pages also change with the clock (a consultation closing): none is served older than this. */
const MAX_AGE_MS = 60_000;

export class PageCache {
  private entries = new Map<string, CachedPage>();
  private bytes = 0;
  private readVersion: Database.Statement<[], { version: number }>;
  private readSession: Database.Statement<[string], CachingSession>;

  /**
   * `reader` is a read-only connection of the cache's own: the shared connection may be inside
   * another request's transaction, whose uncommitted rows a cache must never act on.
   */
  constructor(
    reader: Database.Database,
    private db: DB,
  ) {
    this.readVersion = reader.prepare("select version from content_version where id = 1");
    this.readSession = reader.prepare(
      `select s.user_id as userId, s.expires_at as expiresAt, s.created_at as createdAt, u.status as status, u.view_version as viewVersion
       from session s join user u on u.id = s.user_id where s.id = ?`,
    );
  }

  /**
   * Where the answer to a request is cached, or null when it must be rendered (and not kept).
   * `target` is the request's address as routing reads it (parsed and normalised by new URL()).
   */
  slotFor(method: string | undefined, target: URL, headers: { cookie?: string; "accept-language"?: string }): CacheSlot | null {
    if (method !== "GET") return null;
    const address = `${target.host.toLowerCase()} ${target.pathname}${target.search}`;
    const session = readSessionCookie(headers.cookie);
    if (session.kind === "ambiguous") return null;
    if (session.kind === "none") {
      if (!anonymousCacheable(target.pathname)) return null;
      return { key: `anonymous ${visitorLanguage(headers.cookie, headers["accept-language"])} ${address}`, owner: null };
    }
    if (!memberCacheable(target.pathname)) return null;
    const row = this.readSession.get(session.id);
    if (!row || !sessionServable(row, Date.now())) return null;
    return { key: `member ${row.userId} ${row.viewVersion} ${address}`, owner: row.userId };
  }

  currentVersion(): number {
    return this.readVersion.get()?.version ?? 0;
  }

  /**
   * Called after every successful write request, before its response leaves. Writes made in a
   * writeTransaction already moved the version in their own transaction (no window between the
   * commit and the increment); this also covers writes made outside one, and empties this
   * process's memory at once.
   */
  async invalidate() {
    this.entries.clear();
    this.bytes = 0;
    // Lost in a power cut, this increment would be harmless: the cached pages die with the process.
    await writeTransaction(this.db, (trx) => sql`update content_version set version = version + 1 where id = 1`.execute(trx), {
      durability: "relaxed",
    });
    this.entries.clear();
    this.bytes = 0;
  }

  get(key: string, version: number): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || Date.now() - entry.storedAt > MAX_AGE_MS) {
      this.delete(key);
      return undefined;
    }
    // Most recently used last, for eviction.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, page: CachedPage) {
    this.delete(key);
    this.entries.set(key, page);
    this.bytes += page.size;
    while (this.entries.size > MAX_ENTRIES || this.bytes > MAX_BYTES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  private delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.size;
    this.entries.delete(key);
  }
}

interface CachingSession {
  userId: number;
  expiresAt: number;
  createdAt: string;
  status: string;
  viewVersion: number;
}

/**
 * Whether a session may be answered from the cache: valid, of an approved member, and not due for
 * renewal (lucia renews a session in its second half, with a cookie that only a rendered answer carries).
 */
export function sessionServable(session: CachingSession, now: number): boolean {
  if (session.status !== "approved") return false;
  const expiresAt = session.expiresAt * 1000;
  if (now >= expiresAt - (SESSION_IDLE_DAYS * 86_400_000) / 2) return false;
  return now < sessionAbsoluteEnd(session.createdAt);
}

/**
 * The segments of a path as the router matches them: each percent-decoded, in lower case (routes
 * match regardless of case), without the `.data` suffix of single-fetch requests.
 */
export function routingSegments(pathname: string): string[] {
  return pathname
    .split("?")[0]
    .replace(/\.data$/, "")
    .split("/")
    .slice(1)
    .map((segment) => {
      try {
        return decodeURIComponent(segment).toLowerCase();
      } catch {
        return segment.toLowerCase();
      }
    });
}

/** The sections a member reads; settings, administration, notifications and forms are always rendered. */
const MEMBER_SECTIONS = new Set(["", "forums", "t", "library", "groups", "documents", "search", "members"]);
const NEVER_CACHED_SEGMENTS = new Set(["new", "edit", "settings", "publish", "leave", "join", "watch"]);

/** Whether a signed-in member's page at this path is a reading page (cached for that member). */
export function memberCacheable(pathname: string): boolean {
  const segments = routingSegments(pathname);
  if (!MEMBER_SECTIONS.has(segments[0] === "_root" ? "" : segments[0])) return false;
  return !segments.some((segment) => NEVER_CACHED_SEGMENTS.has(segment) || segment.endsWith(".ics"));
}

const NEVER_CACHED_ANONYMOUS = new Set(["health", "search", "__bench"]);

function anonymousCacheable(pathname: string): boolean {
  return !NEVER_CACHED_ANONYMOUS.has(routingSegments(pathname)[0]);
}

/** Whether a rendered response may be kept: a complete 200 that sets no cookie and allows caching. */
export function cacheable(slot: CacheSlot, status: number, headers: Headers): boolean {
  if (status !== 200) return false;
  if (headers.has("set-cookie")) return false;
  const control = headers.get("cache-control") ?? "";
  if (/no-store/.test(control)) return false;
  if (slot.owner === null && /private/.test(control)) return false;
  const type = headers.get("content-type") ?? "";
  return (
    type.startsWith("text/html") ||
    type.startsWith("text/x-script") ||
    type.startsWith("application/atom+xml") ||
    (slot.owner !== null && type.startsWith("application/json"))
  );
}
