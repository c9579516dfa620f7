import type { CliCommand, CommandForm } from "./command";

const INVOCATION = "npm run --silent cli --";

const formLine = (command: CliCommand, form: CommandForm) =>
  [command.name, form.sub, form.args].filter(Boolean).join(" ");

/** The usage of every command, one form a line with its summary: `help` and `--help` alone. */
export function overallHelp(commands: readonly CliCommand[]): string {
  const lines = commands.flatMap((c) => c.forms.map((f) => [formLine(c, f), f.summary] as const));
  const width = Math.min(Math.max(...lines.map(([l]) => l.length)) + 2, 48);
  const body = lines.map(([l, s]) =>
    l.length + 2 > width ? `  ${l}\n  ${"".padEnd(width)}${s}` : `  ${l.padEnd(width)}${s}`,
  );
  return [
    `usage: ${INVOCATION} <command> [<subcommand>] [options]`,
    "",
    ...body,
    "",
    `'${INVOCATION} help <command>' or '<command> [<subcommand>] --help' explains one.`,
    "exit codes: 0 done, 1 failed, 2 bad usage or settings, 3 nothing to do",
  ].join("\n");
}

/** The usage of one command, or of one of its subcommands when `sub` names one. */
export function commandHelp(command: CliCommand, sub?: string): string {
  const forms = command.forms.filter((f) => sub === undefined || f.sub === sub);
  const blocks = forms.map((f) =>
    [
      `  ${INVOCATION} ${formLine(command, f)}`,
      `      ${f.summary}`,
      ...(f.details ? indent(f.details) : []),
    ].join("\n"),
  );
  return `usage:\n${blocks.join("\n\n")}`;
}

const indent = (text: string) => text.split("\n").map((line) => (line ? `      ${line}` : ""));

/** The one-line pointer printed under a usage error. */
export function helpHint(path: string): string {
  return `see '${[INVOCATION, path, "--help"].filter(Boolean).join(" ")}'`;
}
