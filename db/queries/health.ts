import { sql } from "drizzle-orm";
import type { Executor } from "../client";

/** The cheapest round trip: throws when the database cannot be reached. */
export async function pingDatabase(db: Executor): Promise<void> {
  await db.run(sql`select 1`);
}
