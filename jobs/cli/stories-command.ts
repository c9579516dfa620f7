import { countStories } from "../../db/queries/story-rebuild";
import type { CliContext } from "../cli";
import { rebuildStories } from "../stories/rebuild-stories";
import type { CliCommand } from "./command";
import { EXIT, noArguments, parseCommandArgs } from "./usage";

export const storiesCommand: CliCommand = {
  name: "stories",
  forms: [
    {
      sub: "rebuild",
      args: "[--json]",
      summary: "place every stored article in its story again, in publication order",
      details:
        "For a database that predates stories, or after the clustering's settings changed: each article is\n" +
        "compared, in the order they were published, with the articles before it, as ingest compares a new one.\n" +
        "Runs in batches of 500, one transaction each; stopped or crashed, the next run resumes where it\n" +
        "stopped. Stories get new ids. Ingest may run meanwhile.\n" +
        "--json   {articles, resumedAfter, stories}\n" +
        "Exit 3 when there is no article to place.",
    },
  ],
  run: runStories,
};

async function runStories(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx.args.slice(1), { json: { type: "boolean" } });
  noArguments(positionals);
  const db = ctx.database.db;
  const summary = await rebuildStories(db, {
    onBatch: (placed) => ctx.log.info({ placed }, "stories rebuild: batch placed"),
  });
  const placed = summary.articles + summary.resumedAfter;
  const stories = await countStories(db);
  if (values.json)
    ctx.out(JSON.stringify({ articles: summary.articles, resumedAfter: summary.resumedAfter, stories }));
  else if (placed === 0) ctx.out("stories rebuild: no articles to place");
  else
    ctx.out(
      `stories rebuild: ${placed} articles placed in ${stories} stories` +
        (summary.resumedAfter > 0 ? ` (resumed after ${summary.resumedAfter})` : ""),
    );
  return placed === 0 ? EXIT.nothingToDo : EXIT.done;
}
