import { ConfigError, loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { type Database, openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { coverageCommand } from "./cli/coverage-command";
import { feedsCommand } from "./cli/feeds-command";
import { ingestCommand } from "./cli/ingest-command";
import { jobsCommand } from "./cli/jobs-command";
import { sampleCommand } from "./cli/sample-command";
import { topicsCommand } from "./cli/topics-command";
import { UsageError } from "./cli/usage";

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
  sample load | clear               the bundled DeepSeek sample coverage
  coverage rebuild                  recompute the coverage rollups from articles and tags
  db migrate                        apply pending migrations`;

export interface CliContext {
  database: Database;
  config: ReturnType<typeof loadConfig>;
  log: ReturnType<typeof createLogger>;
  args: string[];
  out: (line: string) => void;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? "warn", "stderr");
  const database = await openDatabase({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  try {
    await migrateDatabase(database);
    const ctx: CliContext = { database, config, log, args: rest, out: (line) => console.log(line) };
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
