// `npm run db:migrate`: brings the configured database to the latest schema.
import { migrateToLatest } from "~db/migrate";
import { closeDatabase, getConnection } from "~/utils/db.server";

const applied = await migrateToLatest(getConnection().db);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
closeDatabase();
