// Everything a database needs before the site serves from it: the latest schema, and on first
// run the starter content (and the demo community unless SEED_DEMO=0).
import type { Kysely } from "kysely";
import type { Database } from "./schema";
import { migrateToLatest } from "./migrate";
import { seedIfEmpty } from "./seed";

export async function prepareDatabase(db: Kysely<Database>, options: { demo: boolean; contentDir?: string }) {
  await migrateToLatest(db);
  return seedIfEmpty(db, options);
}
