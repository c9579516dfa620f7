import { DomainError } from "../../core/errors";
import { evidenceScope, missItems } from "../../core/tagging/evidence-answer";
import { TopicEvidence } from "../../core/tagging/topic-evidence";
import { articleSummaries, readEvidenceTexts } from "../../db/queries/topic-evidence";
import { getTopic } from "../../db/queries/topics";
import type { CliContext } from "../cli";
import { parseCommandArgs, positiveInt, UsageError } from "./usage";

/**
 * `topics misses SLUG [--limit N] [--from D] [--to D] [--lang L] [--json]`: the untagged articles that look
 * most like the topic's, with the terms behind each rank; `--json` prints what GET /api/topics/:slug/misses
 * answers.
 */
export async function topicMissesCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    limit: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    lang: { type: "string" },
    json: { type: "boolean" },
  });
  const slug = positionals[0];
  if (!slug || positionals.length > 1) {
    throw new UsageError("expected one topic slug, e.g. topics misses export-controls");
  }
  const limit = values.limit === undefined ? 20 : positiveInt(values.limit, "--limit");
  if (limit > 200) throw new UsageError("--limit must be at most 200");
  if (values.lang !== undefined && !/^[a-z]{2,3}$/.test(values.lang)) {
    throw new UsageError("--lang: a language code such as en");
  }
  const { db } = ctx.database;
  const topic = await getTopic(db, slug);
  if (!topic) throw new Error(`no topic '${slug}'`);
  const query = { from: values.from, to: values.to };
  const scope = { feedIds: null, langs: values.lang === undefined ? null : [values.lang] };
  const texts = await readEvidenceTexts(db, topic.id, query, scope, { now: Date.now() }).catch((error) => {
    // A bad --from or --to: the same rule and message as the API's 400, named as the option.
    if (error instanceof DomainError && error.param)
      throw new UsageError(`--${error.param}: ${error.message}`);
    throw error;
  });
  const misses = new TopicEvidence(texts.topic, texts.rest).misses(limit);
  const items = missItems(
    misses,
    await articleSummaries(
      db,
      misses.map((m) => m.article.id),
    ),
  );
  const read = evidenceScope(slug, scope.langs, texts);
  if (values.json) {
    ctx.out(JSON.stringify({ items, ...read }, null, 2));
    return 0;
  }
  const capped = texts.topicCapped || texts.restCapped ? ` (the newest ${read.articles.cap} per side)` : "";
  ctx.out(
    `${items.length} untagged articles most like '${slug}', ${read.from.slice(0, 10)} to ${read.to.slice(0, 10)}: ` +
      `${read.articles.topic} tagged against ${read.articles.rest} others${capped}`,
  );
  for (const item of items) {
    ctx.out(
      `${item.score.toFixed(1).padStart(6)}  ${item.publishedAt.slice(0, 10)}  ${item.source.name ?? `feed ${item.source.id}`}  ${item.title}`,
    );
    ctx.out(`        ${item.terms.map((t) => `${t.term} ${t.z.toFixed(1)}`).join(" · ")}`);
    if (item.url) ctx.out(`        ${item.url}`);
  }
  return 0;
}
