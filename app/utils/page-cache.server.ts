// A cache of the pages anonymous visitors get, as Discourse keeps one: a GET without a session
// cookie is answered from memory when the same page (same address, same language) was rendered
// since the last write. Every successful write request increments content_version in the database
// (all server processes share it), which invalidates every cached page at once. A page is only
// stored when its response sets no cookie and does not forbid caching, so a cached page never
// carries a session or anything private (anonymous visitors only ever see public content).
import type Database from "better-sqlite3";
import { sql } from "kysely";
import type { DB } from "./db.server";
import type { Language } from "../../db/schema";
import { isLanguage, languageFromAcceptLanguage, DEFAULT_LANGUAGE } from "./i18n";

export interface CachedPage {
  status: number;
  headers: Record<string, string>;
  body: string;
  version: number;
  storedAt: number;
}

const MAX_ENTRIES = 2000;
const MAX_BYTES = 64 * 1024 * 1024;
/** Pages also change with the clock (a consultation closing): none is served older than this. */
const MAX_AGE_MS = 60_000;

export class PageCache {
  private entries = new Map<string, CachedPage>();
  private bytes = 0;
  private readVersion: Database.Statement<[], { version: number }>;

  constructor(
    sqlite: Database.Database,
    private db: DB,
  ) {
    // A plain read on the shared connection: content_version only changes outside transactions.
    this.readVersion = sqlite.prepare("select version from content_version where id = 1");
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
    await sql`update content_version set version = version + 1 where id = 1`.execute(this.db);
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
    this.bytes += page.body.length;
    while (this.entries.size > MAX_ENTRIES || this.bytes > MAX_BYTES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  private delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.length;
    this.entries.delete(key);
  }
}

const SESSION_COOKIE = /(?:^|;\s*)cop_session=/;

/** The cache key of an anonymous GET, or null when the request must not use the cache. */
export function cacheKey(method: string, url: string, headers: { cookie?: string; "accept-language"?: string }): string | null {
  if (method !== "GET") return null;
  const cookie = headers.cookie ?? "";
  if (SESSION_COOKIE.test(cookie)) return null;
  if (url.startsWith("/health") || url.startsWith("/search") || url.startsWith("/__bench")) return null;
  const chosen = /(?:^|;\s*)lang=([a-z]{2})/.exec(cookie)?.[1];
  const language: Language = isLanguage(chosen) ? chosen : (languageFromAcceptLanguage(headers["accept-language"]) ?? DEFAULT_LANGUAGE);
  return `${language} ${url}`;
}

/** Whether a rendered response may be kept for other anonymous visitors. */
export function cacheable(status: number, headers: Headers): boolean {
  if (status !== 200) return false;
  if (headers.has("set-cookie")) return false;
  const control = headers.get("cache-control") ?? "";
  if (/no-store|private/.test(control)) return false;
  const type = headers.get("content-type") ?? "";
  return type.startsWith("text/html") || type.startsWith("text/x-script") || type.startsWith("application/atom+xml");
}
