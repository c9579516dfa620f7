import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import type { Config } from "../core/config";
import type { Logger } from "../core/logger";
import type { Database } from "../db/client";
import { type CliCommand, subcommandsOf } from "./cli/command";
import { COMMANDS, loadCommands } from "./cli/commands";
import { commandHelp, helpHint, overallHelp } from "./cli/help";
import { ingestReadsInWorker } from "./cli/ingest-reads-in-worker";
import { EXIT, UsageError } from "./cli/usage";
import { startDocumentWorkerEarly, stopEarlyDocumentWorker } from "./ingest/document-worker-client";

export interface CliContext {
  database: Database;
  config: Config;
  log: Logger;
  /** The words after the command's name (the subcommand first, when it has them). */
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

/**
 * Runs one CLI command to its end and returns the process exit code (EXIT): 0 done, 1 failed, 2 bad usage or
 * settings, 3 nothing to do. Every error is one line on stderr, `tidemark: feeds add: --lang: ...`; a usage
 * error adds a line pointing at `--help`, which prints the usage on stdout.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // Before the modules below (the database client, the config's and logger's libraries) are loaded: see
  // startDocumentWorkerEarly. Those are imported when a command runs, not by this module, for that reason.
  if (startsDocumentWorker(argv)) startDocumentWorkerEarly();
  const { ConfigError } = await import("../core/config");
  let path = "";
  try {
    const help = helpRequest(argv);
    if (help) {
      io.stdout.write(`${help.length === 0 ? overallHelp(await loadCommands()) : await helpFor(help)}\n`);
      return EXIT.done;
    }
    if (argv.length === 0) {
      io.stderr.write(`${overallHelp(await loadCommands())}\n`);
      return EXIT.usage;
    }
    const command = await findCommand(argv[0]!);
    path = command.name;
    const sub = findSubcommand(command, argv[1], true);
    if (sub) path += ` ${sub}`;
    return await run(command, argv.slice(1), io);
  } catch (error) {
    const where = path ? `tidemark: ${path}: ` : "tidemark: ";
    if (error instanceof UsageError) {
      io.stderr.write(`${where}${error.message}\n${helpHint(path)}\n`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`tidemark: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`${where}${format(error instanceof Error ? error.message : error)}\n`);
    return EXIT.failed;
  } finally {
    await stopEarlyDocumentWorker();
  }
}

/** Whether the command will read documents in a document worker: `ingest`, but not one feed. */
function startsDocumentWorker(argv: string[]): boolean {
  return argv[0] === "ingest" && helpRequest(argv) === undefined && ingestReadsInWorker(argv.slice(1));
}

/**
 * The words whose help was asked for (`help feeds add`, `feeds add --help`), [] for the overall help, or
 * undefined when no help was asked. Words after `--` are arguments, never a request for help.
 */
function helpRequest(argv: string[]): string[] | undefined {
  if (argv[0] === "help") return argv.slice(1);
  const end = argv.indexOf("--");
  const words = end === -1 ? argv : argv.slice(0, end);
  if (!words.some((w) => w === "--help" || w === "-h")) return undefined;
  return words.filter((w) => !w.startsWith("-")).slice(0, 2);
}

async function helpFor([name, word]: string[]): Promise<string> {
  const command = await findCommand(name!);
  return commandHelp(command, findSubcommand(command, word, false));
}

async function findCommand(name: string): Promise<CliCommand> {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command.load();
  throw new UsageError(`unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(", ")})`);
}

/** The subcommand `word` names; with `required`, a command that has subcommands needs one. */
function findSubcommand(
  command: CliCommand,
  word: string | undefined,
  required: boolean,
): string | undefined {
  const subs = subcommandsOf(command);
  if (subs.length === 0 || (word === undefined && !required)) return undefined;
  if (word !== undefined && subs.includes(word)) return word;
  const what = word === undefined ? "expected a subcommand" : `unknown subcommand '${word}'`;
  throw new UsageError(`${what} (${subs.join(", ")})`);
}

async function run(command: CliCommand, args: string[], io: CliIo): Promise<number> {
  const [{ loadConfig }, { createLogger }, { openDatabase }, { migrateDatabase }] = await Promise.all([
    import("../core/config"),
    import("../core/logger"),
    import("../db/client"),
    import("../db/migrate"),
  ]);
  const config = loadConfig(io.env);
  const log = createLogger(config.logLevel ?? "warn", io.stderr);
  const database = await openDatabase({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  try {
    await migrateDatabase(database);
    return await command.run({
      database,
      config,
      log,
      args,
      out: (line) => io.stdout.write(`${line}\n`),
      err: (line) => io.stderr.write(`${line}\n`),
      write: (text) => io.stdout.write(text),
      readStdin: () => readAll(io.stdin ?? process.stdin),
    });
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
