// Calls Remix loaders and actions the way the server does: with real Requests, and reads back
// what a browser would get (status, headers, data), whether the route returned or threw.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getConnection, getDb } from "~/utils/db.server";
import { getLucia } from "~/utils/auth.server";

export const ORIGIN = "http://localhost";

export interface Outcome<T = unknown> {
  status: number;
  headers: Headers;
  data: T;
  location: string | null;
}

type RouteFunction = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: string }).type === "DataWithResponseInit";
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whatever the loader answered
async function settle(value: unknown): Promise<Outcome<any>> {
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: value.status, headers: value.headers, data, location: value.headers.get("location") };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, headers, data: value.data, location: headers.get("location") };
  }
  return { status: 200, headers: new Headers(), data: value, location: null };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests narrow the answer themselves
export async function call<T = any>(fn: unknown, request: Request, params: Record<string, string> = {}): Promise<Outcome<T>> {
  try {
    return await settle(await (fn as RouteFunction)({ request, params, context: {} } as never));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return settle(thrown);
    throw thrown;
  }
}

export interface RequestOptions {
  cookie?: string;
  headers?: Record<string, string>;
}

export function get(path: string, options: RequestOptions = {}) {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("cookie", options.cookie);
  return new Request(ORIGIN + path, { headers });
}

export function post(path: string, fields: Record<string, string | string[]>, options: RequestOptions = {}) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  const headers = new Headers({ origin: ORIGIN, "content-type": "application/x-www-form-urlencoded", ...options.headers });
  if (options.cookie) headers.set("cookie", options.cookie);
  return new Request(ORIGIN + path, { method: "POST", headers, body });
}

/** A session cookie for a demo account (or any user id), as the sign-in would set it. */
export async function sessionCookie(emailOrId: string | number): Promise<string> {
  const db = getDb();
  const user =
    typeof emailOrId === "number"
      ? await db.selectFrom("user").select("id").where("id", "=", emailOrId).executeTakeFirstOrThrow()
      : await db.selectFrom("user").select("id").where("email", "=", emailOrId).executeTakeFirstOrThrow();
  const session = await getLucia().createSession(user.id, {
    created_at: new Date().toISOString(),
    user_agent: "vitest",
    ip_address: "127.0.0.1",
  });
  return `cop_session=${session.id}`;
}

export function cookieFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

export async function userByEmail(email: string) {
  return getDb().selectFrom("user").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
}

export function rawDb() {
  return getConnection().sqlite;
}
