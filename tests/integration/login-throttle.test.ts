import { describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/login";
import { getDb } from "~/utils/db.server";
import { call, post } from "../support/routes";

const from = (address: string) => ({ headers: { "x-cop-client-address": address } });
const attempt = (email: string, password: string, address: string) =>
  call(loginAction, post("/login", { email, password }, from(address)));

describe("sign-in throttling", () => {
  it("lets exactly 5 of 12 concurrent wrong attempts through (the count is taken atomically)", async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt("daniel@demo.test", `wrong-${i}`, "192.0.2.50")),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    const failures = await getDb().selectFrom("login_attempt").select("id").where("email", "=", "daniel@demo.test").execute();
    expect(failures).toHaveLength(5);
  });

  it("throttles the attacker's address while the owner signs in from a known address", async () => {
    const email = "aisha@demo.test";
    // The owner signed in from home before.
    expect((await attempt(email, "demo-password", "198.51.100.20")).status).toBe(302);
    // An attacker tries from one address, then from many.
    for (let i = 0; i < 5; i++) expect((await attempt(email, `guess-${i}`, "203.0.113.66")).status).toBe(400);
    expect((await attempt(email, "demo-password", "203.0.113.66")).status).toBe(429);
    for (let i = 0; i < 40; i++) await attempt(email, `guess-${i}`, `203.0.113.${100 + i}`);
    // A new address is slowed down for this account…
    const fresh = await attempt(email, "demo-password", "192.0.2.200");
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers.get("retry-after"))).toBeGreaterThan(0);
    // …but the owner at home is not locked out.
    expect((await attempt(email, "demo-password", "198.51.100.20")).status).toBe(302);
  });

  it("slows down failures spread over many addresses instead of allowing them all", async () => {
    const email = "sophie@demo.test";
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await attempt(email, `guess-${i}`, `198.18.0.${i + 1}`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it("starts the count of an account and address over after a success from it", async () => {
    const email = "ravi@demo.test";
    for (let i = 0; i < 4; i++) expect((await attempt(email, `typo-${i}`, "192.0.2.77")).status).toBe(400);
    expect((await attempt(email, "demo-password", "192.0.2.77")).status).toBe(302);
    for (let i = 0; i < 4; i++) expect((await attempt(email, `typo-${i}`, "192.0.2.77")).status).toBe(400);
    expect((await attempt(email, "demo-password", "192.0.2.77")).status).toBe(302);
  });
});
