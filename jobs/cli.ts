import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { type Config, ConfigError, loadConfig } from "../core/config";
import { createLogger, type Logger } from "../core/logger";
import { type Database, openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { coverageCommand } from "./cli/coverage-command";
import { feedsCommand } from "./cli/feeds-command";
import { ingestCommand } from "./cli/ingest-command";
import { jobsCommand } from "./cli/jobs-command";
import { sampleCommand } from "./cli/sample-command";
import { topicsCommand } from "./cli/topics-command";
import { UsageError } from "./cli/usage";
import { USERS_USAGE, usersCommand } from "./cli/users-command";

const USAGE = `usage: npm run --silent cli -- <command>

  feeds add URL [--name N] [--lang L] [--country CC]
  feeds list [--json]
  feeds remove ID
  feeds import FILE.opml
  feeds export                      OPML on stdout
  ingest --once [--all] [--feed ID] one pass, then a summary
  ingest                            keep running passes on TIDEMARK_SCHEDULE
  jobs list                         the jobs the server runs, with their schedules
  jobs run NAME                     run one job once, then its counts
  topics list                       topics with article counts and retag progress
  topics retag                      retag topics whose query changed, now
  topics test "<query>"             how many stored articles a draft query would tag
  topics misses SLUG [--limit N] [--from D] [--to D] [--lang L] [--json]
                                    untagged articles most like the topic's, with the terms why
  sample load | clear               the bundled DeepSeek sample coverage
  coverage rebuild                  recompute the coverage rollups from articles and tags
${USERS_USAGE}
  db migrate                        apply pending migrations`;

export interface CliContext {
  database: Database;
  config: Config;
  log: Logger;
  args: string[];
  /** A line on stdout. */
  out: (line: string) => void;
  /** A line on stderr. */
  err: (line: string) => void;
  /** Text on stdout as it is, no newline added (OPML export). */
  write: (text: string) => void;
  /** All of standard input (a password for `users add`). */
  readStdin: () => Promise<string>;
}

/** Where one CLI run reads its settings and writes: the process's own in the bin below, buffers in a test. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Standard input; the process's own when left out. */
  stdin?: AsyncIterable<string | Buffer>;
  /** The environment loadConfig reads; the process's own when left out. */
  env?: Record<string, string | undefined>;
}

/** Runs one CLI command to its end and returns the process exit code: 0 done, 1 failed, 2 bad usage or settings. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    io.stderr.write(`${format(error instanceof Error ? error.message : error)}\n`);
    return 1;
  }
}

async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    io.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const config = loadConfig(io.env);
  const log = createLogger(config.logLevel ?? "warn", io.stderr);
  const database = await openDatabase({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  try {
    await migrateDatabase(database);
    const ctx: CliContext = {
      database,
      config,
      log,
      args: rest,
      out: (line) => io.stdout.write(`${line}\n`),
      err: (line) => io.stderr.write(`${line}\n`),
      write: (text) => io.stdout.write(text),
      readStdin: () => readAll(io.stdin ?? process.stdin),
    };
    switch (command) {
      case "feeds":
        return await feedsCommand(ctx);
      case "ingest":
        return await ingestCommand(ctx);
      case "jobs":
        return await jobsCommand(ctx);
      case "coverage":
        return await coverageCommand(ctx);
      case "topics":
        return await topicsCommand(ctx);
      case "sample":
        return await sampleCommand(ctx);
      case "users":
        return await usersCommand(ctx);
      case "db":
        if (rest[0] !== "migrate") throw new UsageError("db: expected 'db migrate'");
        ctx.out("database is up to date");
        return 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } finally {
    database.close();
  }
}

async function readAll(input: AsyncIterable<string | Buffer>): Promise<string> {
  let text = "";
  for await (const chunk of input) text += typeof chunk === "string" ? chunk : chunk.toString("utf8");
  return text;
}

/** True when node started this file (`tsx jobs/cli.ts`), also through a symlinked path; false when imported. */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

// The bin (npm run cli). Imported, by a test, the module only defines runCli.
if (isEntryPoint()) {
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) =>
    process.exit(code),
  );
}
