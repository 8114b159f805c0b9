// `npm run search:reindex`: rebuilds the search index from the content tables (safe while the
// site runs: one write transaction).
import { migrateToLatest } from "~db/migrate";
import { rebuildSearchIndex } from "~/services/search/indexers.server";
import { closeDatabase, getConnection } from "~/utils/db.server";

const started = performance.now();
const { db } = getConnection();
await migrateToLatest(db);
const counts = await rebuildSearchIndex(db);
console.log(`Search index rebuilt in ${Math.round(performance.now() - started)} ms:`, counts);
closeDatabase();
