import type { CliCommand } from "./command";

/**
 * Every top-level command, in the order `--help` lists them, each module loaded only when it is needed: a run
 * loads its own command and what it imports, not the other eight's (issue 12: loading every command's modules
 * was over a third of `ingest --once`'s start-up). A new command is one module and one entry here.
 */
export const COMMANDS: ReadonlyArray<{ name: string; load: () => Promise<CliCommand> }> = [
  { name: "feeds", load: async () => (await import("./feeds-command")).feedsCommand },
  { name: "ingest", load: async () => (await import("./ingest-command")).ingestCommand },
  { name: "topics", load: async () => (await import("./topics-command")).topicsCommand },
  { name: "jobs", load: async () => (await import("./jobs-command")).jobsCommand },
  { name: "sample", load: async () => (await import("./sample-command")).sampleCommand },
  { name: "stories", load: async () => (await import("./stories-command")).storiesCommand },
  { name: "coverage", load: async () => (await import("./coverage-command")).coverageCommand },
  { name: "users", load: async () => (await import("./users-command")).usersCommand },
  { name: "db", load: async () => (await import("./db-command")).dbCommand },
];

/** Every command, loaded: what the overall help lists. */
export const loadCommands = (): Promise<CliCommand[]> => Promise.all(COMMANDS.map((c) => c.load()));
