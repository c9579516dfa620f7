import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";

export interface TestDatabase extends Database {
  dir: string;
  path: string;
  /** Closes the client and deletes the file. */
  destroy(): void;
}

/** A real, migrated libSQL database file in a fresh temporary folder. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-test-"));
  const path = join(dir, "tidemark.db");
  const database = await openDatabase({ url: `file:${path}` });
  await migrateDatabase(database);
  return {
    ...database,
    dir,
    path,
    destroy() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
