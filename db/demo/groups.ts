// Demo community content for the groups capability, seeded after the demo accounts.
import type { Kysely } from "kysely";
import type { Database } from "../schema";

/** `users` maps demo usernames to their ids. */
export async function seedDemoGroups(_db: Kysely<Database>, _users: Map<string, number>): Promise<void> {}
