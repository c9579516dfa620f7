import { QueryError } from "../../core/tagging/query-parser";
import { listTopics } from "../../db/queries/topics";
import type { CliContext } from "../cli";
import { retagJob } from "../registry";
import { dryRunQuery, markTerms } from "../topics/dry-run";
import { topicMissesCommand } from "./topic-misses-command";
import { UsageError } from "./usage";

export async function topicsCommand(ctx: CliContext): Promise<number> {
  const [sub, ...args] = ctx.args;
  const { db } = ctx.database;
  switch (sub) {
    case "list": {
      for (const t of await listTopics(db)) {
        const retag = t.taggedVersion >= t.version ? "" : `  [retagging ${t.retagDone}/${t.retagTotal}]`;
        ctx.out(`${t.slug.padEnd(24)} ${String(t.articleCount).padStart(7)}  ${t.color}  ${t.name}${retag}`);
      }
      return 0;
    }
    case "retag": {
      const s = await retagJob({ db, config: ctx.config, log: ctx.log });
      ctx.out(`retag: ${s.topics} topics, ${s.articles} articles read, ${s.tagged} tags written`);
      return 0;
    }
    case "test": {
      const query = args.join(" ").trim();
      if (!query) throw new UsageError('topics test: expected a query, e.g. topics test "deepseek AND r1"');
      try {
        const r = await dryRunQuery(db, query);
        const share = r.scanned === 0 ? 0 : (100 * r.matched) / r.scanned;
        ctx.out(`would tag ${r.matched} of ${r.scanned} stored articles (${share.toFixed(1)}%)`);
        for (const e of r.examples) {
          ctx.out(`  ${new Date(e.publishedAt).toISOString().slice(0, 10)}  ${markTerms(e.title, e.terms)}`);
        }
        return 0;
      } catch (error) {
        if (!(error instanceof QueryError)) throw error;
        ctx.err(`${error.message}\n  ${query}\n  ${" ".repeat(error.position)}^`);
        return 2;
      }
    }
    case "misses":
      return topicMissesCommand(ctx, args);
    default:
      throw new UsageError(`topics: unknown subcommand '${sub ?? ""}'`);
  }
}
