import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runCli as runCliCommand } from "../../jobs/cli";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run cli -- ...` in this process against a database URL: the CLI's own entry (runCli) with the
 * given environment and its output captured, as the bin would run it without the process around it.
 */
export async function runCli(
  args: string[],
  env: Record<string, string>,
  stdin: string[] = [],
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCliCommand(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { LOG_LEVEL: "", ...env },
    stdin: (async function* () {
      yield* stdin;
    })(),
  });
  return { code, stdout, stderr };
}

/**
 * Runs `npm run cli -- ...` as its own process (node + tsx, without npm's banner) against a database URL: for
 * tests where the process is the point (processes side by side, the real binary's exit code).
 */
export function runCliProcess(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
  stdin?: string,
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "jobs/cli.ts", ...args],
      { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "", ...env }, timeout: timeoutMs },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(stdin ?? "");
  });
}
