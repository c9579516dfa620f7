import { QueryError } from "../../core/tagging/query-parser";
import { topicJson } from "../../core/topic-json";
import { getTopic, listTopics } from "../../db/queries/topics";
import type { CliContext } from "../cli";
import { retagJob } from "../registry";
import { type DryRunChanges, type DryRunExample, dryRunQuery, markTerms } from "../topics/dry-run";
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
      args: '[--slug SLUG] "<query>"',
      summary: "how many stored articles a draft query would tag, with examples",
      details:
        "--slug SLUG   also what the draft would add to and remove from that topic's saved tags\n" +
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
      const { values, positionals } = parseCommandArgs(args, { slug: { type: "string" } });
      const query = positionals.join(" ").trim();
      if (!query) throw new UsageError('expected a query, e.g. topics test "deepseek AND r1"');
      const slug = values.slug;
      if (slug !== undefined && !(await getTopic(db, slug)))
        throw new UsageError(`--slug: no topic '${slug}'`);
      try {
        const r = await dryRunQuery(db, query, 10, slug);
        const share = r.scanned === 0 ? 0 : (100 * r.matched) / r.scanned;
        ctx.out(`would tag ${r.matched} of ${r.scanned} stored articles (${share.toFixed(1)}%)`);
        for (const e of r.examples) ctx.out(exampleLine(e));
        if (r.changes) printChanges(ctx, r.changes);
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

const exampleLine = (e: DryRunExample): string =>
  `  ${new Date(e.publishedAt).toISOString().slice(0, 10)}  ${markTerms(e.title, e.terms)}`;

/** What the draft changes against the topic's saved tags, as POST /api/topics/test reports it with a slug. */
function printChanges(ctx: CliContext, changes: DryRunChanges): void {
  ctx.out(`against ${changes.slug}: +${changes.added} articles, -${changes.removed} articles`);
  if (changes.retagPending)
    ctx.out("  (its retag has not finished: the saved tags are part old query, part new)");
  for (const e of changes.addedExamples) ctx.out(`+${exampleLine(e).slice(1)}`);
  for (const e of changes.removedExamples) ctx.out(`-${exampleLine(e).slice(1)}`);
}
