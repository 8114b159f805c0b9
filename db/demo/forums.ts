// Demo community content for the forums capability, seeded after the demo accounts.
import type { Kysely } from "kysely";
import type { Database } from "../schema";

/** `users` maps demo usernames to their ids. */
export async function seedDemoForums(_db: Kysely<Database>, _users: Map<string, number>): Promise<void> {}
