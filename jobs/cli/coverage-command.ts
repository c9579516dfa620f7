import { rebuildRollups } from "../../db/queries/rollups";
import type { CliContext } from "../cli";
import type { CliCommand } from "./command";
import { EXIT, noArguments } from "./usage";

export const coverageCommand: CliCommand = {
  name: "coverage",
  forms: [{ sub: "rebuild", args: "", summary: "recompute the coverage rollups from articles and tags" }],
  run: runCoverage,
};

async function runCoverage(ctx: CliContext): Promise<number> {
  noArguments(ctx.args.slice(1));
  const started = performance.now();
  await rebuildRollups(ctx.database.db);
  ctx.out(`coverage: rollups rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return EXIT.done;
}
