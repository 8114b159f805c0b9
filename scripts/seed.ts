// `npm run db:seed`: migrates the configured database and seeds it when it has no content yet
// (starter content from content/, plus the demo community unless SEED_DEMO=0).
import { migrateToLatest } from "~db/migrate";
import { seedIfEmpty } from "~/ops/seed.server";
import { closeDatabase, getConnection } from "~/utils/db.server";
import { seedDemo } from "~/utils/env.server";

const { db } = getConnection();
await migrateToLatest(db);
const result = await seedIfEmpty(db, { demo: seedDemo() });
console.log(result.seeded ? `Seeded: ${JSON.stringify(result)}` : "The database already has content; nothing seeded.");
closeDatabase();
