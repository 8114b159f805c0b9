// Whether the portal can serve: the database answers. Read by /health (JSON for monitoring) and
// /status (the page people open from the footer).
import { sql } from "kysely";
import { getDb } from "~/utils/db.server";

export async function databaseAnswers(): Promise<boolean> {
  try {
    await sql`select 1`.execute(getDb());
    return true;
  } catch {
    return false;
  }
}
