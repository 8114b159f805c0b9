// Everything a database needs before the site serves from it: the latest schema, and on first
// run the starter content (and the demo community unless SEED_DEMO=0).
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { migrateToLatest } from "~db/migrate";
import { seedIfEmpty } from "./seed.server";
import { rebuildSearchIndex } from "~/services/search/indexers.server";

export async function prepareDatabase(db: Kysely<Database>, options: { demo: boolean; contentDir?: string }) {
  await migrateToLatest(db);
  const result = await seedIfEmpty(db, options);
  // The seed writes in bulk; the search index is built once from what it wrote.
  if (result.seeded) await rebuildSearchIndex(db);
  return result;
}
