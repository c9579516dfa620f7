import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated database file, never opened by a test: createTestDatabase copies it (test/helpers/db.ts). */
    templateDatabase: string;
  }
}

/** Global setup: migrates one database for the whole run, so each test copies a file instead of migrating. */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-template-"));
  const path = join(dir, "tidemark.db");
  const database = await openDatabase({ url: `file:${path}` });
  try {
    await migrateDatabase(database);
    // Everything into the main file, so copying that one file copies the whole database.
    await database.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    database.close();
  }
  project.provide("templateDatabase", path);
  return () => rmSync(dir, { recursive: true, force: true });
}
