import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { openDatabase } from "../../db/client";
import { copyDatabaseInto, countArticlesIn, integrityProblems } from "../../db/queries/backup";
import type { CliContext } from "../cli";
import type { CliCommand } from "./command";
import { EXIT, noArguments, UsageError } from "./usage";

export const dbCommand: CliCommand = {
  name: "db",
  forms: [
    { sub: "migrate", args: "", summary: "apply pending migrations" },
    {
      sub: "backup",
      args: "FILE",
      summary: "a consistent copy of the live database in a new file",
      details:
        "Restore: stop Tidemark, put the copy in place of the database file (and delete its -wal and -shm), start.",
    },
  ],
  run: runDb,
};

async function runDb(ctx: CliContext): Promise<number> {
  const [sub, ...rest] = ctx.args;
  if (sub === "backup") {
    if (rest.length !== 1) throw new UsageError("expected one FILE to write");
    return await backup(ctx, resolve(rest[0]!));
  }
  noArguments(rest);
  // The dispatcher migrates before any command runs: by now the database is up to date.
  ctx.out("database is up to date");
  return EXIT.done;
}

async function backup(ctx: CliContext, path: string): Promise<number> {
  if (!ctx.database.url.startsWith("file:")) {
    // VACUUM INTO on a server would write the file on the server's disk, not here.
    ctx.err(
      "db backup copies an embedded database file; for a libSQL server, use its own tools (turso db shell … .dump, sqld's backups)",
    );
    return EXIT.failed;
  }
  if (existsSync(path)) {
    ctx.err(`${path} exists: give db backup a new file name`);
    return EXIT.failed;
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
        return EXIT.failed;
      }
      articles = await countArticlesIn(copy.client);
    } finally {
      copy.close();
    }
    renameSync(partial, path);
    const megabytes = (statSync(path).size / 1e6).toFixed(1);
    ctx.out(`backed up to ${path}: ${articles} articles, ${megabytes} MB`);
    return EXIT.done;
  } finally {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
  }
}
