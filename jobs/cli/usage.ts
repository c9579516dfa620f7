import { type ParseArgsConfig, parseArgs } from "node:util";

/** A mistake in how the CLI was called: one line on stderr with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * The CLI's exit codes. NOTHING_TO_DO lets a script tell "done" from "there was nothing to do" (no feed due,
 * no sample to remove, nothing new in an OPML file) without reading the summary line; both are successes.
 */
export const EXIT = { done: 0, failed: 1, usage: 2, nothingToDo: 3 } as const;

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node's messages end in advice about `--` that does not fit here; the first sentence names the problem.
    const message = (error as Error).message.split(/\. (?=To specify|Did you forget)/)[0]!;
    throw new UsageError(message);
  }
}

/** Decimal digits only, as the API's path ids: Number() would take `1e2` for 100 and `0x10` for 16. */
export function positiveInt(value: string | undefined, what: string): number {
  if (!value || !/^[1-9]\d{0,14}$/.test(value)) throw new UsageError(`${what} must be a positive integer`);
  return Number(value);
}

/** Refuses words left over after a subcommand that takes none. */
export function noArguments(args: string[]): void {
  if (args.length > 0) throw new UsageError(`unexpected argument '${args[0]}'`);
}
