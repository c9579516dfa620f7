import type { CliCommand } from "./command";
import { coverageCommand } from "./coverage-command";
import { dbCommand } from "./db-command";
import { feedsCommand } from "./feeds-command";
import { ingestCommand } from "./ingest-command";
import { jobsCommand } from "./jobs-command";
import { sampleCommand } from "./sample-command";
import { storiesCommand } from "./stories-command";
import { topicsCommand } from "./topics-command";
import { usersCommand } from "./users-command";

/** Every top-level command, in the order `--help` lists them. A new command is one module and one entry here. */
export const COMMANDS: readonly CliCommand[] = [
  feedsCommand,
  ingestCommand,
  topicsCommand,
  jobsCommand,
  sampleCommand,
  storiesCommand,
  coverageCommand,
  usersCommand,
  dbCommand,
];
