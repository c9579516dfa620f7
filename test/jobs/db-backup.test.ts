import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { runCli, runCliProcess } from "../helpers/cli";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

describe("db backup", { timeout: 120_000 }, () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  beforeEach(async () => {
    t = await createTestDatabase();
    env = { DATABASE_URL: `file:${t.path}` };
  });
  afterEach(() => t.destroy());

  it("copies a database that another process writes to as of one moment, every transaction whole", async () => {
    // Each transaction writes a pair of rows: a copy taken between its two writes would hold an odd count.
    let written = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const i = written++;
        await t.client.batch(
          [
            { sql: "INSERT INTO settings (key, value) VALUES (?, 'a')", args: [`pair-${i}-a`] },
            { sql: "INSERT INTO settings (key, value) VALUES (?, 'b')", args: [`pair-${i}-b`] },
          ],
          "write",
        );
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (written < 50) await new Promise((resolve) => setTimeout(resolve, 5));
    const file = join(t.dir, "backups", "tidemark-backup.db");
    const result = await runCliProcess(["db", "backup", file], env);
    const before = written;
    writing = false;
    await writer;

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^backed up to .*tidemark-backup\.db: 0 articles, [\d.]+ MB\n$/);
    const copy = await openDatabase({ url: `file:${file}` });
    try {
      const rows = await copy.client.execute(
        "SELECT sum(value = 'a') AS a, sum(value = 'b') AS b FROM settings WHERE key LIKE 'pair-%'",
      );
      const { a, b } = rows.rows[0] as unknown as { a: number; b: number };
      expect(a).toBe(b);
      expect(a).toBeGreaterThanOrEqual(50);
      // Taken while the writer wrote: what came after the copy's moment is not in it.
      expect(a).toBeLessThan(written);
      expect(before).toBeGreaterThan(50);
      const migrations = await copy.client.execute("SELECT count(*) AS n FROM __drizzle_migrations");
      expect(Number(migrations.rows[0]!.n)).toBeGreaterThan(0);
    } finally {
      copy.close();
    }
    expect(existsSync(`${file}.partial-${process.pid}`)).toBe(false);
  });

  it("refuses to overwrite a file, and a remote database, with exit code 1 and one line why", async () => {
    const file = join(t.dir, "taken.db");
    writeFileSync(file, "keep me");
    const taken = await runCli(["db", "backup", file], env);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe(`${file} exists: give db backup a new file name\n`);

    const usage = await runCli(["db", "backup"], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("db backup: expected one FILE to write");
  });
});
