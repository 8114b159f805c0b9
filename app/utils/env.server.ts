// Configuration from the environment, read in one place.
import path from "node:path";

// Read by destructuring on purpose: the Remix build replaces `process.env.NODE_ENV` with
// "production" at compile time, and this setting is the operator's, made when the server starts:
// NODE_ENV=production promises HTTPS in front (Secure cookies, HSTS, upgrade-insecure-requests) and
// a PUBLIC_ORIGIN. Without it (npm start on a laptop or a LAN address) the site works over plain HTTP.
const { NODE_ENV } = process.env;
export const isProduction = NODE_ENV === "production";

export function databasePath(): string {
  const url = process.env.DATABASE_URL ?? "file:./data/portal.sqlite";
  const file = url.startsWith("file:") ? url.slice("file:".length) : url;
  return file === ":memory:" ? file : path.resolve(file);
}

export function port(): number {
  const value = Number(process.env.PORT ?? 3000);
  return Number.isInteger(value) && value > 0 ? value : 3000;
}

/** Demo accounts are seeded unless SEED_DEMO=0; NODE_ENV alone never changes what is seeded. */
export function seedDemo(): boolean {
  return process.env.SEED_DEMO !== "0";
}

/** The public origin of the site when it sits behind a proxy (e.g. https://cop.example.org). */
export function publicOrigin(): string | undefined {
  return process.env.PUBLIC_ORIGIN?.replace(/\/+$/, "") || undefined;
}

/**
 * Settings the production server cannot run without, as one-line messages (empty when all is well).
 * Without PUBLIC_ORIGIN, absolute links (feeds, calendars, citations) would follow the Host header a
 * client sends, and a proxy in front could not be trusted to have checked it.
 */
export function productionConfigurationProblems(): string[] {
  const problems: string[] = [];
  if (isProduction) {
    const origin = publicOrigin();
    if (!origin)
      problems.push(
        "Set PUBLIC_ORIGIN to the site's public address (e.g. PUBLIC_ORIGIN=https://cop.example.org): NODE_ENV=production needs it.",
      );
    else if (!isOrigin(origin))
      problems.push(`PUBLIC_ORIGIN must be an origin such as https://cop.example.org, not "${origin}".`);
  }
  try {
    trustedProxyHops();
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  } catch {
    return false;
  }
}

/**
 * How many proxies of ours stand in front of the server (TRUST_PROXY, as Express's `trust proxy`
 * with a number): 0 takes the client address from the socket. Each trusted proxy appends the
 * address it received the request from to X-Forwarded-For, so only that many entries from the
 * right can be believed; the client writes whatever it likes to the left of them.
 */
export function trustedProxyHops(): number {
  const value = process.env.TRUST_PROXY?.trim();
  if (!value || value === "0") return 0;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 1 || hops > 10) {
    throw new Error(`TRUST_PROXY must be the number of proxies in front of the server (e.g. TRUST_PROXY=1), not "${value}".`);
  }
  return hops;
}
