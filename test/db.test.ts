import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/db";

describe("database", () => {
  let database: TestDatabase | undefined;
  afterEach(() => database?.destroy());

  it("migrates a fresh file into WAL mode with foreign keys on", async () => {
    database = await createTestDatabase({ migrate: true });
    const mode = await database.client.execute("PRAGMA journal_mode");
    expect(mode.rows[0]?.journal_mode).toBe("wal");
    const fk = await database.client.execute("PRAGMA foreign_keys");
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    const tables = await database.client.execute("select name from sqlite_master where type = 'table'");
    expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(["feeds", "articles", "job_runs"]));
  });

  it("gives the tests a copy of the run's template that is what migrating a fresh file makes", async () => {
    const schema = async (t: TestDatabase) => ({
      objects: (await t.client.execute("select type, name, sql from sqlite_master order by name")).rows,
      migrations: (await t.client.execute("select hash, created_at from __drizzle_migrations order by id"))
        .rows,
      mode: (await t.client.execute("PRAGMA journal_mode")).rows,
    });
    const copied = await createTestDatabase();
    try {
      database = await createTestDatabase({ migrate: true });
      expect(await schema(copied)).toEqual(await schema(database));
    } finally {
      copied.destroy();
    }
  });
});
