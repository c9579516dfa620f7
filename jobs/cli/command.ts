import type { CliContext } from "../cli";

/** One way to call a command: `feeds add URL [--name N]`, with what it does. */
export interface CommandForm {
  /** The subcommand this form belongs to (`add` of `feeds add`); none for a command without subcommands. */
  sub?: string;
  /** The arguments after the command and subcommand: `URL [--name N] [--lang L] [--country CC]`. */
  args: string;
  /** One line: what it does. */
  summary: string;
  /** More lines for `--help` on this form: options, what it prints, its exit codes. */
  details?: string;
}

/**
 * A top-level CLI command. The dispatcher (jobs/cli.ts) loads it from COMMANDS by name, answers `--help` from its
 * forms without opening the database, and runs it with the words after its name.
 */
export interface CliCommand {
  name: string;
  forms: CommandForm[];
  run(ctx: CliContext): Promise<number>;
}

export function subcommandsOf(command: CliCommand): string[] {
  return [...new Set(command.forms.flatMap((f) => (f.sub ? [f.sub] : [])))];
}
