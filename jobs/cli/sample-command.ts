import type { CliContext } from "../cli";
import { clearSample, loadSample } from "../sample/load-sample";
import type { CliCommand } from "./command";
import { EXIT, noArguments } from "./usage";

const REMOVE_DETAILS =
  "Deletes the sample outlets and their articles, tags and rollup counts in one transaction;\n" +
  "your own feeds and their coverage stay as they are. Exit 3 when there is no sample to remove.";

export const sampleCommand: CliCommand = {
  name: "sample",
  forms: [
    {
      sub: "load",
      args: "",
      summary: "load the bundled, invented DeepSeek coverage (flagged sample: true)",
      details: "Exit 3 when it is loaded already.",
    },
    { sub: "remove", args: "", summary: "delete the sample coverage", details: REMOVE_DETAILS },
    { sub: "clear", args: "", summary: "the same as sample remove", details: REMOVE_DETAILS },
  ],
  run: runSample,
};

async function runSample(ctx: CliContext): Promise<number> {
  noArguments(ctx.args.slice(1));
  const ingest = { db: ctx.database.db, allowPrivateUrls: ctx.config.allowPrivateUrls, log: ctx.log };
  if (ctx.args[0] === "load") {
    const s = await loadSample(ingest);
    ctx.out(`sample: ${s.feeds} outlets, ${s.articles} articles added`);
    return s.articles > 0 ? EXIT.done : EXIT.nothingToDo;
  }
  const s = await clearSample(ingest);
  ctx.out(`sample: removed ${s.feeds} outlets and ${s.articles} articles`);
  return s.feeds > 0 ? EXIT.done : EXIT.nothingToDo;
}
