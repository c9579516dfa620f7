import { type ParseArgsConfig, parseArgs } from "node:util";

/** A mistake in how the CLI was called: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Decimal digits only, as the API's path ids: Number() would take `1e2` for 100 and `0x10` for 16. */
export function positiveInt(value: string | undefined, what: string): number {
  if (!value || !/^[1-9]\d{0,14}$/.test(value)) throw new UsageError(`${what} must be a positive integer`);
  return Number(value);
}
