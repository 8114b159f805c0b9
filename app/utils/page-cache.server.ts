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
// Every successful write request increments content_version in the database (all server processes
// share it), which invalidates every cached page at once; a page view that changes what a member
// sees next (their read position) moves that member's view_version in the same transaction.
import type Database from "better-sqlite3";
import { sql } from "kysely";
import { writeTransaction, type DB } from "./db.server";
import { visitorLanguage } from "./i18n";
import { sessionAbsoluteEnd, SESSION_COOKIE_NAME, SESSION_IDLE_DAYS } from "./session-policy";

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

const MAX_ENTRIES = 1000;
const MAX_BYTES = 24 * 1024 * 1024;
/** Pages also change with the clock (a consultation closing): none is served older than this. */
const MAX_AGE_MS = 60_000;

export class PageCache {
  private entries = new Map<string, CachedPage>();
  private bytes = 0;
  private readVersion: Database.Statement<[], { version: number }>;
  private readSession: Database.Statement<[string], CachingSession>;

  constructor(
    sqlite: Database.Database,
    private db: DB,
  ) {
    // Plain reads on the shared connection: content_version only changes outside transactions.
    this.readVersion = sqlite.prepare("select version from content_version where id = 1");
    this.readSession = sqlite.prepare(
      `select s.user_id as userId, s.expires_at as expiresAt, s.created_at as createdAt, u.status as status, u.view_version as viewVersion
       from session s join user u on u.id = s.user_id where s.id = ?`,
    );
  }

  /** The cache key of a request, or null when it must be rendered (and its answer not kept). */
  keyFor(method: string | undefined, url: string, headers: { cookie?: string; "accept-language"?: string }): string | null {
    if (method !== "GET") return null;
    const cookie = headers.cookie ?? "";
    const sessionId = SESSION_COOKIE.exec(cookie)?.[1];
    if (sessionId === undefined) return anonymousKey(url, cookie, headers["accept-language"]);
    if (!memberCacheable(url)) return null;
    const session = this.readSession.get(decodeURIComponentSafe(sessionId));
    if (!session || !sessionServable(session, Date.now())) return null;
    return `member ${session.userId} ${session.viewVersion} ${url}`;
  }

  currentVersion(): number {
    return this.readVersion.get()?.version ?? 0;
  }

  /**
   * Called after every successful write request, before its response leaves. Goes through the
   * query builder, so it waits for any transaction in progress on the shared connection.
   */
  async invalidate() {
    this.entries.clear();
    this.bytes = 0;
    // Lost in a power cut, this increment would be harmless: the cached pages die with the process.
    await writeTransaction(this.db, (trx) => sql`update content_version set version = version + 1 where id = 1`.execute(trx), { durability: "relaxed" });
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

const SESSION_COOKIE = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE_NAME}=([^;]*)`);

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

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The sections a member reads; settings, administration, notifications and forms are always rendered. */
const MEMBER_SECTIONS = new Set(["", "forums", "t", "library", "groups", "documents", "search", "members"]);
const NEVER_CACHED_SEGMENTS = new Set(["new", "edit", "settings", "publish", "leave", "join", "watch"]);

export function memberCacheable(url: string): boolean {
  const pathname = url.split("?")[0].replace(/\.data$/, "");
  const segments = pathname.split("/").slice(1);
  if (!MEMBER_SECTIONS.has(segments[0] === "_root" ? "" : segments[0])) return false;
  return !segments.some((segment) => NEVER_CACHED_SEGMENTS.has(segment) || segment.endsWith(".ics"));
}

function anonymousKey(url: string, cookie: string, acceptLanguage: string | undefined): string | null {
  if (url.startsWith("/health") || url.startsWith("/search") || url.startsWith("/__bench")) return null;
  return `anonymous ${visitorLanguage(cookie, acceptLanguage)} ${url}`;
}

/** Whether a rendered response may be kept: for anonymous visitors, or for the member it was rendered for. */
export function cacheable(key: string, status: number, headers: Headers): boolean {
  if (status !== 200) return false;
  if (headers.has("set-cookie")) return false;
  const control = headers.get("cache-control") ?? "";
  if (/no-store/.test(control)) return false;
  if (key.startsWith("anonymous ") && /private/.test(control)) return false;
  const type = headers.get("content-type") ?? "";
  return (
    type.startsWith("text/html") ||
    type.startsWith("text/x-script") ||
    type.startsWith("application/atom+xml") ||
    (key.startsWith("member ") && type.startsWith("application/json"))
  );
}
