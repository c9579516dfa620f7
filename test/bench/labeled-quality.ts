import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defaultTopics } from "../../core/tagging/default-topics";
import { evaluateMatcher, type LabeledArticle, scoresByLanguage } from "../../core/tagging/evaluate";
import type { TopicMatcher } from "../../core/tagging/types";
import { detectLanguage } from "../../jobs/ingest/detect-language";
import type { Row } from "./report";

/** A labeled set of test/fixtures/topics by file name. */
export const labeledSet = (name: string) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../fixtures/topics/${name}`, import.meta.url)), "utf8"),
  ) as LabeledArticle[];

/**
 * Precision and recall per topic on each named set (`label` -> items), per language where `byLanguage` names the
 * set, and language detection from the text alone (no declared language), as a feed without one is read.
 */
export function qualityRows(
  bench: string,
  matcher: TopicMatcher,
  sets: ReadonlyArray<readonly [string, LabeledArticle[]]>,
  byLanguage: ReadonlySet<string> = new Set(),
): Row[] {
  const slugs = defaultTopics.map((topic) => topic.slug);
  const rows: Row[] = [];
  const ratio = (metric: string, value: number, note?: string): Row => ({
    bench,
    metric,
    value,
    unit: "ratio",
    ...(note ? { note } : {}),
  });
  for (const [name, set] of sets) {
    for (const score of evaluateMatcher(matcher, set, slugs).scores) {
      rows.push(ratio(`${name} precision ${score.slug}`, score.precision));
      rows.push(ratio(`${name} recall ${score.slug}`, score.recall));
    }
    if (!byLanguage.has(name)) continue;
    for (const score of scoresByLanguage(matcher, set, slugs)) {
      rows.push(ratio(`${name} precision lang=${score.lang}`, score.precision));
      rows.push(ratio(`${name} recall lang=${score.lang}`, score.recall));
    }
  }
  for (const [name, set] of sets) {
    const right = set.filter((item) => detectLanguage(`${item.title}\n${item.summary}`) === item.lang).length;
    const languages = new Set(set.map((item) => item.lang)).size;
    rows.push(
      ratio(
        `language detection accuracy ${name}`,
        right / set.length,
        `${set.length} headlines + summaries, ${languages} languages`,
      ),
    );
  }
  return rows;
}
