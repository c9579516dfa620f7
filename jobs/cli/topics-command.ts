import { QueryError } from "../../core/tagging/query-parser";
import { topicJson } from "../../core/topic-json";
import { listTopics } from "../../db/queries/topics";
import type { CliContext } from "../cli";
import { retagJob } from "../registry";
import { dryRunQuery, markTerms } from "../topics/dry-run";
import type { CliCommand } from "./command";
import { formatTable } from "./table";
import { topicAddCommand, topicEditCommand, topicEditForms, topicRemoveCommand } from "./topic-edit-command";
import { topicMissesCommand } from "./topic-misses-command";
import { EXIT, noArguments, parseCommandArgs, UsageError } from "./usage";

export const topicsCommand: CliCommand = {
  name: "topics",
  forms: [
    {
      sub: "list",
      args: "[--json]",
      summary: "topics with article counts and retag progress",
      details: "--json   the items of GET /api/topics, in the same shape",
    },
    ...topicEditForms,
    {
      sub: "retag",
      args: "",
      summary: "retag the topics whose query changed, now, in the foreground",
      details: "Exit 3 when no topic needed it.",
    },
    {
      sub: "test",
      args: '"<query>"',
      summary: "how many stored articles a draft query would tag, with examples",
      details:
        "A query that does not parse is shown with a caret under the position of the problem (exit 2).",
    },
    {
      sub: "misses",
      args: "SLUG [--limit N] [--from D] [--to D] [--lang L] [--json]",
      summary: "untagged articles most like the topic's, with the terms why",
      details:
        "--limit N   1 to 200 (default 20)\n" +
        "--from D    --to D: dates or ISO times, as GET /api/topics/:slug/misses takes them\n" +
        "--lang L    only articles in this language\n" +
        "--json      what GET /api/topics/:slug/misses answers",
    },
  ],
  run: runTopics,
};

async function runTopics(ctx: CliContext): Promise<number> {
  const [sub, ...args] = ctx.args;
  const { db } = ctx.database;
  switch (sub) {
    case "list": {
      const { values, positionals } = parseCommandArgs(args, { json: { type: "boolean" } });
      noArguments(positionals);
      const topics = await listTopics(db);
      if (values.json) {
        ctx.out(
          JSON.stringify(
            topics.map((t) => topicJson(t, t.articleCount)),
            null,
            2,
          ),
        );
        return EXIT.done;
      }
      const rows = topics.map((t) => [
        t.slug,
        String(t.articleCount),
        t.color,
        t.taggedVersion >= t.version ? "done" : `${t.retagDone}/${t.retagTotal}`,
        t.name,
      ]);
      for (const line of formatTable(["SLUG", "ARTICLES", "COLOUR", "RETAG", "NAME"], rows, { right: [1] })) {
        ctx.out(line);
      }
      return EXIT.done;
    }
    case "retag": {
      noArguments(args);
      const s = await retagJob({ db, config: ctx.config, log: ctx.log });
      ctx.out(`retag: ${s.topics} topics, ${s.articles} articles read, ${s.tagged} tags written`);
      return s.topics > 0 ? EXIT.done : EXIT.nothingToDo;
    }
    case "test": {
      const query = args.join(" ").trim();
      if (!query) throw new UsageError('expected a query, e.g. topics test "deepseek AND r1"');
      try {
        const r = await dryRunQuery(db, query);
        const share = r.scanned === 0 ? 0 : (100 * r.matched) / r.scanned;
        ctx.out(`would tag ${r.matched} of ${r.scanned} stored articles (${share.toFixed(1)}%)`);
        for (const e of r.examples) {
          ctx.out(`  ${new Date(e.publishedAt).toISOString().slice(0, 10)}  ${markTerms(e.title, e.terms)}`);
        }
        return EXIT.done;
      } catch (error) {
        if (!(error instanceof QueryError)) throw error;
        ctx.err(`tidemark: topics test: ${error.message}\n  ${query}\n  ${" ".repeat(error.position)}^`);
        return EXIT.usage;
      }
    }
    case "misses":
      return topicMissesCommand(ctx, args);
    case "add":
      return topicAddCommand(ctx, args);
    case "edit":
      return topicEditCommand(ctx, args);
    case "remove":
      return topicRemoveCommand(ctx, args);
    default:
      throw new UsageError(`unknown subcommand '${sub ?? ""}'`);
  }
}
