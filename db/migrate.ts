// Brings the database to the latest schema. `npm run db:migrate` runs it from the command line;
// the server and the tests call migrateToLatest() on start.
import { Migrator, type Kysely } from "kysely";
import { migrations } from "./migrations/index";

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

if (process.argv[1] && /db[\\/]migrate\.ts$/.test(process.argv[1])) {
  const { getConnection, closeDatabase } = await import("../app/utils/db.server");
  const applied = await migrateToLatest(getConnection().db);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  closeDatabase();
}
