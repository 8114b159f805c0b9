// Brings the database to the latest schema. `npm run db:migrate` (scripts/migrate.ts) runs it from the
// command line; the server and the tests call migrateToLatest() on start.
import { Migrator, type Kysely } from "kysely";
import { migrations } from "./migrations/index";

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
