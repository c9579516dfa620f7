import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/db";

describe("database", () => {
  let database: TestDatabase | undefined;
  afterEach(() => database?.destroy());

  it("migrates a fresh file into WAL mode with foreign keys on", async () => {
    database = await createTestDatabase();
    const mode = await database.client.execute("PRAGMA journal_mode");
    expect(mode.rows[0]?.journal_mode).toBe("wal");
    const fk = await database.client.execute("PRAGMA foreign_keys");
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    const tables = await database.client.execute("select name from sqlite_master where type = 'table'");
    expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(["feeds", "articles", "job_runs"]));
  });
});
