// Configuration from the environment, read in one place.
import path from "node:path";

export const isProduction = process.env.NODE_ENV === "production";

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
