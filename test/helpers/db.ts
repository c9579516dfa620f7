import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
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

/**
 * A real, migrated libSQL database file in a fresh temporary folder: a copy of the run's migrated template, or
 * with `migrate: true` a new file run through the migrations (the test of migrating itself).
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-test-"));
  const path = join(dir, "tidemark.db");
  const template = options.migrate ? undefined : await migratedTemplate();
  // A copy of the run's migrated template is the fresh database migrating would make, in a file copy's time.
  if (template) copyFileSync(template, path);
  const database = await openDatabase({ url: `file:${path}` });
  if (!template) await migrateDatabase(database);
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

/** The database file the global setup migrated for this run (test/setup/template-database.ts), if any. */
async function migratedTemplate(): Promise<string | undefined> {
  // Outside vitest (the benchmarks, the screenshot script) there is no run to share one with.
  if (!process.env.VITEST) return undefined;
  const { inject } = await import("vitest");
  return inject("templateDatabase");
}
