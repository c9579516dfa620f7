import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { openDatabase } from "../../db/client";
import { copyDatabaseInto, countArticlesIn, integrityProblems } from "../../db/queries/backup";
import type { CliContext } from "../cli";
import { UsageError } from "./usage";

/** `db migrate` (done by the CLI before every command) and `db backup FILE`. */
export async function dbCommand(ctx: CliContext): Promise<number> {
  const [sub, ...rest] = ctx.args;
  switch (sub) {
    case "migrate":
      ctx.out("database is up to date");
      return 0;
    case "backup":
      if (rest.length !== 1) throw new UsageError("db backup: expected one FILE to write");
      return await backup(ctx, resolve(rest[0]!));
    default:
      throw new UsageError("db: expected 'db migrate' or 'db backup FILE'");
  }
}

async function backup(ctx: CliContext, path: string): Promise<number> {
  if (!ctx.database.url.startsWith("file:")) {
    // VACUUM INTO on a server would write the file on the server's disk, not here.
    ctx.err(
      "db backup copies an embedded database file; for a libSQL server, use its own tools (turso db shell … .dump, sqld's backups)",
    );
    return 1;
  }
  if (existsSync(path)) {
    ctx.err(`${path} exists: give db backup a new file name`);
    return 1;
  }
  mkdirSync(dirname(path), { recursive: true });
  // Written under another name and renamed when whole: a backup cut off halfway never looks like a backup.
  const partial = `${path}.partial-${process.pid}`;
  try {
    await copyDatabaseInto(ctx.database.client, partial);
    const copy = await openDatabase({ url: `file:${partial}` });
    let articles: number;
    try {
      const problems = await integrityProblems(copy.client);
      if (problems.length > 0) {
        ctx.err(`the copy failed SQLite's integrity check: ${problems.join("; ")}`);
        return 1;
      }
      articles = await countArticlesIn(copy.client);
    } finally {
      copy.close();
    }
    renameSync(partial, path);
    const megabytes = (statSync(path).size / 1e6).toFixed(1);
    ctx.out(`backed up to ${path}: ${articles} articles, ${megabytes} MB`);
    return 0;
  } finally {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
  }
}
