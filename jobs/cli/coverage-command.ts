import { rebuildRollups } from "../../db/queries/rollups";
import type { CliContext } from "../cli";
import { UsageError } from "./usage";

export async function coverageCommand(ctx: CliContext): Promise<number> {
  if (ctx.args[0] !== "rebuild") throw new UsageError("coverage: expected 'coverage rebuild'");
  const started = performance.now();
  await rebuildRollups(ctx.database.db);
  ctx.out(`coverage: rollups rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}
