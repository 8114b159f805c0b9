// How long sessions last and what their cookie is called: shared by lucia (app/utils/auth.server.ts)
// and the page cache, which checks a session before answering from memory.

/** Sessions end after 14 days without use (sliding) and 90 days after sign-in whatever happens. */
export const SESSION_IDLE_DAYS = 14;
export const SESSION_ABSOLUTE_DAYS = 90;
export const SESSION_COOKIE_NAME = "cop_session";

/** When a session that began at `createdAt` ends, however recently it was used (milliseconds). */
export function sessionAbsoluteEnd(createdAt: string): number {
  return Date.parse(createdAt) + SESSION_ABSOLUTE_DAYS * 86_400_000;
}
