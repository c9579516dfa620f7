import type { Client } from "@libsql/client";

/**
 * A consistent copy of the whole database in a new file. VACUUM INTO reads inside one read transaction, so the
 * copy is the database as of one moment while other processes keep writing (WAL mode lets them), and it comes
 * out compacted, without the WAL beside it: a single file to keep.
 */
export async function copyDatabaseInto(client: Client, path: string): Promise<void> {
  await client.execute({ sql: "VACUUM INTO ?", args: [path] });
}

/** SQLite's own check of a database file: "ok", or the first problems it found. */
export async function integrityProblems(client: Client): Promise<string[]> {
  const result = await client.execute("PRAGMA integrity_check(10)");
  const lines = result.rows.map((row) => String(row[0]));
  return lines.length === 1 && lines[0] === "ok" ? [] : lines;
}

export async function countArticlesIn(client: Client): Promise<number> {
  const result = await client.execute("SELECT count(*) AS n FROM articles");
  return Number(result.rows[0]?.n ?? 0);
}
