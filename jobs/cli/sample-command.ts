import type { CliContext } from "../cli";
import { clearSample, loadSample } from "../sample/load-sample";
import { UsageError } from "./usage";

export async function sampleCommand(ctx: CliContext): Promise<number> {
  const ingest = { db: ctx.database.db, allowPrivateUrls: ctx.config.allowPrivateUrls, log: ctx.log };
  switch (ctx.args[0]) {
    case "load": {
      const s = await loadSample(ingest);
      ctx.out(`sample: ${s.feeds} outlets, ${s.articles} articles added`);
      return 0;
    }
    case "clear": {
      const s = await clearSample(ingest);
      ctx.out(`sample: removed ${s.feeds} outlets and ${s.articles} articles`);
      return 0;
    }
    default:
      throw new UsageError("sample: expected 'sample load' or 'sample clear'");
  }
}
