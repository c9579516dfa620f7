import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { compileDefaultTopics } from "../../core/tagging/default-matcher";
import { defaultTopics } from "../../core/tagging/default-topics";
import {
  evaluateMatcher,
  formatScores,
  type LabeledArticle,
  pooledScore,
  scoresByLanguage,
} from "../../core/tagging/evaluate";

/**
 * Precision and recall of the default topics on labeled sets, per topic and per language, and optionally the
 * items a topic misses or wrongly takes, for tuning by cause:
 *
 *   npx tsx test/bench/score-labeled-set.ts FILE... [--misses SLUG] [--false-positives SLUG] [--kind KIND]
 *
 * The blind set is refused: it is the measure nobody tunes against, and its items must not be printed.
 */

interface Options {
  files: string[];
  misses?: string;
  falsePositives?: string;
  kind?: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--misses") options.misses = argv[++i];
    else if (arg === "--false-positives") options.falsePositives = argv[++i];
    else if (arg === "--kind") options.kind = argv[++i];
    else options.files.push(arg);
  }
  if (options.files.length === 0) throw new Error("usage: score-labeled-set.ts FILE... [--misses SLUG]");
  return options;
}

/** Reads a labeled set; throws for the blind set before opening it. */
export function readLabeledSet(file: string): Array<LabeledArticle & { kind?: string }> {
  if (basename(file) === "blind-set.json" || file.endsWith("blind-set.json")) {
    throw new Error("refusing to score blind-set.json: it is measured only by the lead, never tuned against");
  }
  return JSON.parse(readFileSync(file, "utf8"));
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const slugs = defaultTopics.map((topic) => topic.slug);
  const matcher = compileDefaultTopics();
  for (const file of options.files) {
    const items = readLabeledSet(file).filter((item) => !options.kind || item.kind === options.kind);
    const evaluation = evaluateMatcher(matcher, items, slugs);
    console.log(`\n${file}: ${items.length} items`);
    console.log(formatScores(evaluation.scores));
    const pooled = pooledScore(evaluation.scores);
    console.log(`pooled: precision ${pooled.precision.toFixed(3)} recall ${pooled.recall.toFixed(3)}`);
    const languages = scoresByLanguage(matcher, items, slugs)
      .map((s) => `${s.lang} ${s.precision.toFixed(2)}/${s.recall.toFixed(2)}`)
      .join("  ");
    console.log(`by language (P/R): ${languages}`);
    const byId = new Map(items.map((item) => [item.id, item]));
    for (const [slug, kind] of [
      [options.misses, "false-negative"],
      [options.falsePositives, "false-positive"],
    ] as const) {
      if (!slug) continue;
      console.log(`\n${kind}s of ${slug}:`);
      for (const mistake of evaluation.mistakes) {
        if (mistake.slug !== slug || mistake.kind !== kind) continue;
        const item = byId.get(mistake.id)!;
        const found = matcher.match(item).map((m) => m.slug);
        console.log(`- [${item.lang}] ${item.id} (${item.kind ?? ""}; tagged ${found.join(",") || "-"})`);
        console.log(`  ${item.title}\n  ${item.summary}`);
      }
    }
  }
}

// Run as a script, not when a test imports readLabeledSet.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
