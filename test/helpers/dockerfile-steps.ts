import { readFileSync } from "node:fs";

/** One instruction of a Dockerfile, continuation lines joined. */
export interface DockerInstruction {
  keyword: string;
  args: string;
}

export interface DockerStage {
  name: string | undefined;
  instructions: DockerInstruction[];
}

/**
 * The stages of a Dockerfile, read as the engine reads them (comments dropped, `\` continuations joined,
 * `ARG`s before the first FROM substituted in FROM lines). Enough of the format for Tidemark's own Dockerfile,
 * which the container test runs without an engine.
 */
export function readDockerfile(path: string): DockerStage[] {
  const lines = readFileSync(path, "utf8").split("\n");
  const logical: string[] = [];
  let pending = "";
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (pending === "" && (line.trim() === "" || line.trimStart().startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push((pending + line).trim());
    pending = "";
  }
  const stages: DockerStage[] = [];
  const globalArgs = new Map<string, string>();
  for (const line of logical) {
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === "ARG" && stages.length === 0) {
      const [name = "", value = ""] = args.split("=");
      globalArgs.set(name, value);
      continue;
    }
    if (upper === "FROM") {
      const expanded = args.replace(/\$\{(\w+)\}/g, (_, name: string) => globalArgs.get(name) ?? "");
      stages.push({
        name: /\s+AS\s+(\S+)/i.exec(expanded)?.[1],
        instructions: [{ keyword: upper, args: expanded }],
      });
      continue;
    }
    stages.at(-1)?.instructions.push({ keyword: upper, args });
  }
  return stages;
}

/** An exec-form (`["node", "x"]`) or shell-form instruction argument as an argv. */
export function commandArgv(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith("[")) return JSON.parse(trimmed) as string[];
  return ["sh", "-c", trimmed];
}

/** `ENV A=1 B=2` as pairs (values without spaces or quotes, as Tidemark's Dockerfile writes them). */
export function envPairs(args: string): [string, string][] {
  return args
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const at = pair.indexOf("=");
      return [pair.slice(0, at), pair.slice(at + 1)];
    });
}

/** A HEALTHCHECK's command, without its options. */
export function healthcheckCommand(args: string): string[] {
  const at = args.indexOf("CMD");
  if (at < 0) throw new Error(`HEALTHCHECK without CMD: ${args}`);
  return commandArgv(args.slice(at + "CMD".length));
}
